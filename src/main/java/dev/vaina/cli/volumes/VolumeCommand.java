package dev.vaina.cli.volumes;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import java.util.List;

/** `vaina volume`: named volumes, directories in the store that outlive the containers mounting them. */
@Command(name = "volume", description = "Manage volumes.")
public final class VolumeCommand implements Runnable {
    /** The verbs under `vaina volume`, in the order help lists them (not in {@code @Command}: see {@code Main}). */
    public static final List<Class<?>> SUBCOMMANDS = List.of(
            VolumeCreateCommand.class, VolumeExistsCommand.class, VolumeInspectCommand.class, VolumeLsCommand.class,
            VolumePruneCommand.class, VolumeRmCommand.class);

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "missing command: vaina volume create|exists|inspect|ls|prune|rm");
    }
}
