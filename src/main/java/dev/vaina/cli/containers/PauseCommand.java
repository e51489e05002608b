package dev.vaina.cli.containers;

import dev.vaina.engine.Pausing;
import dev.vaina.store.ContainerRecord;
import java.io.IOException;
import picocli.CommandLine.Command;

/** `vaina pause`: freeze every process of running containers (the runtime's pause, a cgroup freezer). */
@Command(name = "pause", description = "Pause all the processes in one or more containers.")
public final class PauseCommand extends EachContainerCommand {
    @Override
    void apply(Pausing pausing, ContainerRecord record) throws IOException {
        pausing.pause(record);
    }
}
