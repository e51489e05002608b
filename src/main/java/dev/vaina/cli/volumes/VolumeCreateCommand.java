package dev.vaina.cli.volumes;

import dev.vaina.cli.common.Context;
import dev.vaina.cli.common.ContextCommand;
import dev.vaina.cli.common.LabelOptions;
import dev.vaina.store.VolumeRecord;
import java.util.HashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** `vaina volume create`: a new named volume (a generated name when none is given). */
@Command(name = "create", description = "Create a volume.")
final class VolumeCreateCommand extends ContextCommand {
    @Parameters(index = "0", arity = "0..1", paramLabel = "NAME")
    String name;

    @Mixin
    LabelOptions labels;

    @Option(names = {"-o", "--opt"}, paramLabel = "KEY=VALUE", description = "Driver options: UID and GID own the volume's root as the container sees them.")
    Map<String, String> options = new HashMap<>();

    @Option(names = {"-d", "--driver"}, paramLabel = "DRIVER", defaultValue = "local", description = "Volume driver (only local).")
    String driver;

    @Option(names = "--ignore", description = "A volume of that name that exists already is not an error.")
    boolean ignore;

    @Override
    protected int execute(Context context) throws Exception {
        VolumeRecord volume = context.engine().volumes().create(name, labels.parse(), options, driver, ignore);
        out().println(volume.name());
        out().flush();
        return 0;
    }
}
