package dev.vaina.cli.images;

import dev.vaina.cli.common.CommandFailedException;
import dev.vaina.cli.common.Context;
import dev.vaina.cli.common.ContextCommand;
import dev.vaina.cli.common.ExitCodes;
import dev.vaina.image.ArchiveReader;
import dev.vaina.image.ImageRecord;
import dev.vaina.store.Event;
import java.io.BufferedInputStream;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** `vaina load`: images from a docker-archive or oci-archive (plain or gzip), from a file or standard input. */
@Command(name = "load", description = "Load images from a docker-archive or oci-archive (plain or gzip-compressed).")
public final class LoadCommand extends ContextCommand {
    @Option(names = {"-i", "--input"}, paramLabel = "FILE", description = "Read from FILE instead of standard input.")
    Path input;

    @Option(names = {"-q", "--quiet"}, description = "Print nothing.")
    boolean quiet;

    @Override
    protected int execute(Context context) throws Exception {
        String source = input == null ? "standard input" : input.toString();
        if (input == null && System.console() != null) {
            throw new CommandFailedException(ExitCodes.ENGINE,
                    "cannot read from terminal, use command-line redirection or the --input flag");
        }
        List<ImageRecord> loaded;
        try (InputStream in = input == null ? new BufferedInputStream(new FileInputStream(FileDescriptor.in), 1 << 16)
                : Files.newInputStream(input)) {
            loaded = new ArchiveReader(context.images()).load(in);
        } catch (NoSuchFileException e) {
            throw new CommandFailedException(ExitCodes.ENGINE, "Tried to load images from " + source
                    + " but failed because: the file does not exist");
        } catch (IOException e) {
            throw new CommandFailedException(ExitCodes.ENGINE, "Tried to load images from " + source
                    + " but failed because: " + (e.getMessage() != null ? e.getMessage() : e.toString()), e);
        }
        // as Podman's: the archive, no image id
        context.engine().record(Event.image("loadfromarchive", "", input == null ? "/dev/stdin"
                : input.toAbsolutePath().toString()));
        if (!quiet) {
            for (ImageRecord image : loaded) {
                if (image.repoTags().isEmpty()) {
                    out().println("Loaded image: sha256:" + image.id());
                }
                image.repoTags().forEach(tag -> out().println("Loaded image: " + tag));
            }
        }
        out().flush();
        return 0;
    }
}
