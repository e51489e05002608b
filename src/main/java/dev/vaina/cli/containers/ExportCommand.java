package dev.vaina.cli.containers;

import dev.vaina.cli.common.Context;
import dev.vaina.cli.common.ContextCommand;
import dev.vaina.cli.common.ArchiveOutput;

import dev.vaina.store.ContainerRecord;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** `vaina export`: a container's whole root file system as a tar, running or not. */
@Command(name = "export", description = "Export a container's file system contents as a tar archive.")
public final class ExportCommand extends ContextCommand {
    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write to FILE instead of standard output.")
    Path output;

    @Parameters(index = "0", paramLabel = "CONTAINER")
    String container;

    @Override
    protected int execute(Context context) throws Exception {
        ContainerRecord record = context.containers().find(container);
        var fileSystem = context.engine().containers().fileSystem(record);
        ArchiveOutput.write(output, "export", "container " + container, fileSystem::export);
        return 0;
    }
}
