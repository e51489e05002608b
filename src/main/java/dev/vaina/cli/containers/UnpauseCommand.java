package dev.vaina.cli.containers;

import dev.vaina.engine.Pausing;
import dev.vaina.store.ContainerRecord;
import java.io.IOException;
import picocli.CommandLine.Command;

/** `vaina unpause`: thaw paused containers. */
@Command(name = "unpause", description = "Unpause the processes in one or more containers.")
public final class UnpauseCommand extends EachContainerCommand {
    @Override
    void apply(Pausing pausing, ContainerRecord record) throws IOException {
        pausing.unpause(record);
    }
}
