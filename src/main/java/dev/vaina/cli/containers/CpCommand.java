package dev.vaina.cli.containers;

import dev.vaina.cli.common.CommandFailedException;
import dev.vaina.cli.common.Context;
import dev.vaina.cli.common.ContextCommand;
import dev.vaina.cli.common.ExitCodes;
import dev.vaina.engine.Copying;
import dev.vaina.store.ContainerRecord;
import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.OutputStream;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** `vaina cp`: files and directories between the host and a container, running or stopped; `-` for a tar stream. */
@Command(name = "cp", description = "Copy files and directories between a container and the host.")
public final class CpCommand extends ContextCommand {
    @Parameters(index = "0", paramLabel = "SRC", description = "A host path, CONTAINER:PATH, or - for a tar stream on stdin.")
    String source;

    @Parameters(index = "1", paramLabel = "DEST", description = "A host path, CONTAINER:PATH, or - for a tar stream on stdout.")
    String destination;

    @Override
    protected int execute(Context context) throws Exception {
        Optional<String[]> from = containerPath(source);
        Optional<String[]> to = containerPath(destination);
        if (from.isPresent() == to.isPresent()) {
            throw new CommandFailedException(ExitCodes.ENGINE, from.isPresent()
                    ? "copying from a container to another container is not supported: copy through the host"
                    : "one of SRC and DEST must be CONTAINER:PATH");
        }
        Copying copying = context.engine().copying();
        if (to.isPresent()) {
            ContainerRecord record = find(context, to.get()[0]);
            if (source.equals("-")) {
                copying.intoContainer(new FileInputStream(FileDescriptor.in), record, to.get()[1]);
            } else {
                copying.intoContainer(source, record, to.get()[0], to.get()[1]);
            }
            return 0;
        }
        ContainerRecord record = find(context, from.get()[0]);
        if (destination.equals("-")) {
            // Straight to file descriptor 1: a tar stream is bytes, not text for picocli's writer.
            OutputStream out = new BufferedOutputStream(new FileOutputStream(FileDescriptor.out));
            copying.outOfContainer(record, from.get()[0], from.get()[1], out);
            out.flush();
        } else {
            copying.outOfContainer(record, from.get()[0], from.get()[1], destination);
        }
        return 0;
    }

    private static ContainerRecord find(Context context, String name) throws java.io.IOException {
        ContainerRecord record = context.containers().lookup(name).orElse(null);
        if (record == null) {
            throw new CommandFailedException(ExitCodes.ENGINE, "container \"" + name + "\" does not exist");
        }
        return record;
    }

    /** CONTAINER:PATH as Podman tells it from a host path: a colon with no slash before it. */
    private static Optional<String[]> containerPath(String argument) {
        int colon = argument.indexOf(':');
        if (colon <= 0 || argument.substring(0, colon).contains("/")) {
            return Optional.empty();
        }
        return Optional.of(new String[] {argument.substring(0, colon), argument.substring(colon + 1)});
    }
}
