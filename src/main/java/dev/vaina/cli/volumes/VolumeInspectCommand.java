package dev.vaina.cli.volumes;

import dev.vaina.cli.common.CommandFailedException;
import dev.vaina.cli.common.Context;
import dev.vaina.cli.common.ContextCommand;
import dev.vaina.cli.common.ExitCodes;
import dev.vaina.cli.common.OutputFormat;
import dev.vaina.cli.common.PodmanJson;
import dev.vaina.store.VolumeRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** `vaina volume inspect`: volumes as Podman's JSON, or through a --format template. */
@Command(name = "inspect", description = "Show the details of volumes.")
final class VolumeInspectCommand extends ContextCommand {
    @Parameters(arity = "0..*", paramLabel = "VOLUME")
    List<String> names = new ArrayList<>();

    @Option(names = {"-a", "--all"}, description = "Inspect every volume.")
    boolean all;

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", description = "json (default) or a Go template such as '{{.Mountpoint}}'.")
    String format;

    @Override
    protected int execute(Context context) throws Exception {
        if (all == !names.isEmpty()) {
            throw new CommandFailedException(ExitCodes.ENGINE, all
                    ? "provide one or more volume names or use --all" : "provide one or more volume names or use --all");
        }
        OutputFormat output = OutputFormat.forList(format, "inspect");
        List<VolumeRow> found = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        if (all) {
            for (VolumeRecord volume : context.engine().volumeStore().list()) {
                found.add(VolumeRow.of(context, volume));
            }
        }
        for (String name : names) {
            Optional<VolumeRecord> volume = context.engine().volumeStore().lookup(name);
            if (volume.isPresent()) {
                found.add(VolumeRow.of(context, volume.get()));
            } else {
                missing.add(name);
            }
        }
        if (output.isDefault() || output.isJson()) {
            out().println(PodmanJson.INSPECT.format(found.stream().map(VolumeRow::json).toList()));
        } else {
            output.print(out(), found.stream().map(VolumeRow::struct).toList(), null);
        }
        out().flush();
        if (!missing.isEmpty()) {
            throw new CommandFailedException(ExitCodes.ENGINE, "inspecting object: no such volume " + missing.get(0));
        }
        return 0;
    }
}
