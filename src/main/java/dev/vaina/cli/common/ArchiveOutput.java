package dev.vaina.cli.common;

import dev.vaina.store.OwnProcess;
import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Where a verb that makes an archive ({@code save}, {@code export}) writes it: standard output, never a
 * terminal, or a file that appears whole or not at all.
 */
public final class ArchiveOutput {
    /** Writes the archive to a stream. */
    public interface Writer {
        void write(OutputStream out) throws IOException;
    }

    private ArchiveOutput() {
    }

    /**
     * @param output the -o file, or null for standard output
     * @param verb   the verb, for Podman's refusal to write to a terminal
     * @param what   what is archived, for the error message
     */
    public static void write(Path output, String verb, String what, Writer writer) throws IOException {
        if (output == null) {
            if (System.console() != null) {
                throw new CommandFailedException(ExitCodes.ENGINE, "refusing to " + verb + " to terminal. Use -o flag or redirect");
            }
            OutputStream stdout = new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16);
            writer.write(stdout);
            stdout.flush();
            return;
        }
        Path target = output.toAbsolutePath();
        // written next to the target and renamed: a failure leaves no half archive under the name
        Path partial = target.resolveSibling("." + target.getFileName() + ".partial-" + OwnProcess.PID);
        try {
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(partial), 1 << 16)) {
                writer.write(out);
            }
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(partial);
            throw new IOException("Tried to " + verb + " " + what + " to " + target + " but failed because: "
                    + e.getMessage(), e);
        }
    }
}
