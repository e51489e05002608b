package dev.vaina.cli.volumes;

import dev.vaina.cli.common.Context;
import dev.vaina.cli.common.ContextCommand;
import dev.vaina.cli.common.OutputFormat;
import dev.vaina.cli.common.PodmanJson;
import dev.vaina.cli.common.Table;
import dev.vaina.store.ContainerRecord;
import dev.vaina.store.VolumeRecord;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** `vaina volume ls` (also `list`): Podman's columns, filters and formats. */
@Command(name = "ls", aliases = "list", description = "List volumes.")
final class VolumeLsCommand extends ContextCommand {
    @Option(names = {"-q", "--quiet"}, description = "Print only the volume names.")
    boolean quiet;

    @Option(names = "--format", paramLabel = "FORMAT", description = "table (default), json, table TEMPLATE or a Go TEMPLATE such as '{{.Name}}'.")
    String format;

    @Option(names = {"-f", "--filter"}, paramLabel = "KEY=VALUE",
            description = "Filter by name=NAME, label=KEY[=VALUE], dangling=true|false, driver=local, scope=local.")
    List<String> filters = new ArrayList<>();

    @Override
    protected int execute(Context context) throws Exception {
        OutputFormat output = OutputFormat.forList(format, "list");
        List<ContainerRecord> containers = context.containers().list();
        var filter = VolumeFilter.any(filters, context.engine().volumes(), containers);
        List<VolumeRow> rows = new ArrayList<>();
        for (VolumeRecord volume : context.engine().volumeStore().list()) {
            if (filter.test(volume)) {
                rows.add(VolumeRow.of(context, volume));
            }
        }
        rows.sort(Comparator.comparing(r -> r.volume().name()));
        if (quiet) {
            rows.forEach(r -> out().println(r.volume().name()));
        } else if (output.isJson()) {
            out().println(PodmanJson.PS.format(rows.stream().map(VolumeRow::json).toList()));
        } else if (output.isDefault()) {
            // Go's tabwriter with Podman's minimum cell width of 12.
            Table table = new Table("DRIVER", "VOLUME NAME").minimumWidth(12);
            rows.forEach(r -> table.add(r.volume().driver(), r.volume().name()));
            table.print(out());
        } else {
            output.print(out(), rows.stream().map(VolumeRow::struct).toList(), VolumeRow.HEADERS);
        }
        out().flush();
        return 0;
    }
}
