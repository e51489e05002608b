package dev.vaina.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * `vaina container`: every container verb again under the noun, as Podman has them ({@code container ls},
 * {@code container rm}, ...). {@link Main} adds only the verb being run ({@link Verbs#containerCommand}).
 */
@Command(name = "container", description = "Manage containers.")
final class ContainerCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "missing command: vaina container "
                + String.join("|", Verbs.containerNames()));
    }
}
