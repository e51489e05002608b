package dev.vaina.cli.containers;

import dev.vaina.engine.Targets;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** How the container verbs name their containers, as Podman's do: names or ids, --cidfile, --all, --latest. */
final class ContainerSelection {
    @Option(names = {"-a", "--all"}, description = "Act on all containers.")
    boolean all;

    @Option(names = {"-l", "--latest"}, description = "Act on the container created last.")
    boolean latest;

    @Option(names = "--cidfile", paramLabel = "FILE", description = "Read the container's ID from FILE (repeatable).")
    List<Path> cidfiles;

    @Parameters(arity = "0..*", paramLabel = "CONTAINER")
    List<String> names;

    Targets targets() {
        return Targets.named(names).cidfiles(cidfiles).all(all).latest(latest);
    }
}
