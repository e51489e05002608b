package dev.vaina.cli.volumes;

import dev.vaina.cli.common.CommandFailedException;
import dev.vaina.cli.common.Context;
import dev.vaina.cli.common.ContextCommand;
import dev.vaina.cli.common.ErrorHandler;
import dev.vaina.cli.common.ExitCodes;
import dev.vaina.store.VolumeRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** `vaina volume rm` (also `remove`): refused while a container uses the volume, unless --force removes it. */
@Command(name = "rm", aliases = "remove", description = "Remove volumes.")
final class VolumeRmCommand extends ContextCommand {
    /** Podman's `volume rm` exits 1, not 125, when a volume does not exist. */
    private static final int NO_SUCH_VOLUME = 1;

    @Parameters(arity = "0..*", paramLabel = "VOLUME")
    List<String> names = new ArrayList<>();

    @Option(names = {"-a", "--all"}, description = "Remove every volume.")
    boolean all;

    @Option(names = {"-f", "--force"}, description = "Remove the containers using the volume first; a volume that does not exist is not an error.")
    boolean force;

    @Option(names = {"-t", "--time"}, paramLabel = "SECONDS", description = "With --force: seconds to wait for a running container to stop before killing it.")
    Integer timeout;

    @Override
    protected int execute(Context context) throws Exception {
        if (all == !names.isEmpty()) {
            throw new CommandFailedException(ExitCodes.ENGINE, "choose either one or more volumes or all");
        }
        var volumes = context.engine().volumes();
        List<VolumeRecord> targets = new ArrayList<>();
        if (all) {
            targets.addAll(volumes.store().list());
        }
        int exit = 0;
        for (String name : names) {
            Optional<VolumeRecord> volume = volumes.store().lookup(name);
            if (volume.isPresent()) {
                targets.add(volume.get());
            } else if (!force) {
                err().println("Error: no volume with name \"" + name + "\" found: no such volume");
                exit = NO_SUCH_VOLUME;
            }
        }
        for (VolumeRecord volume : targets) {
            try {
                volumes.remove(volume, force, timeout);
                out().println(volume.name());
            } catch (RuntimeException e) {
                err().println("Error: " + ErrorHandler.messageOf(e));
                exit = ErrorHandler.exitCodeOf(e);
            }
        }
        out().flush();
        err().flush();
        return exit;
    }
}
