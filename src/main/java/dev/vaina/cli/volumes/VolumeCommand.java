package dev.vaina.cli.volumes;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** `vaina volume`: named volumes, directories in the store that outlive the containers mounting them. */
@Command(name = "volume", description = "Manage volumes.",
        subcommands = {
            VolumeCreateCommand.class, VolumeExistsCommand.class, VolumeInspectCommand.class, VolumeLsCommand.class,
            VolumePruneCommand.class, VolumeRmCommand.class
        })
public final class VolumeCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "missing command: vaina volume create|exists|inspect|ls|prune|rm");
    }
}
