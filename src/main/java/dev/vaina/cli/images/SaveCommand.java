package dev.vaina.cli.images;

import dev.vaina.cli.common.ArchiveOutput;
import dev.vaina.cli.common.CommandFailedException;
import dev.vaina.cli.common.Context;
import dev.vaina.cli.common.ContextCommand;
import dev.vaina.cli.common.ExitCodes;
import dev.vaina.image.AmbiguousImageException;
import dev.vaina.image.ArchiveFormat;
import dev.vaina.image.ArchiveWriter;
import dev.vaina.image.ImageNotFoundException;
import dev.vaina.image.ImageRecord;
import dev.vaina.store.Event;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** `vaina save`: images to a docker-archive or oci-archive tar, in a file or on standard output. */
@Command(name = "save", description = "Save images to an archive (docker-archive or oci-archive).")
public final class SaveCommand extends ContextCommand {
    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write to FILE instead of standard output.")
    Path output;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "docker-archive",
            description = "docker-archive (default) or oci-archive.")
    String format;

    @Option(names = {"-q", "--quiet"}, description = "Accepted for compatibility; save prints nothing anyway.")
    boolean quiet;

    @Option(names = {"-m", "--multi-image-archive"}, description = "Accepted for compatibility; several images always go into one archive.")
    boolean multi;

    @Parameters(arity = "1..*", paramLabel = "IMAGE")
    List<String> names;

    @Override
    protected int execute(Context context) throws Exception {
        ArchiveFormat archiveFormat = ArchiveFormat.parse(format);
        List<ArchiveWriter.Saved> images = new ArrayList<>();
        for (String name : names) {
            ImageRecord image;
            try {
                image = context.images().require(name);
            } catch (ImageNotFoundException | AmbiguousImageException e) {
                throw new CommandFailedException(ExitCodes.ENGINE, e.getMessage());
            }
            String tag = ImageUse.tagNamed(image, name);
            images.add(new ArchiveWriter.Saved(image, tag != null ? List.of(tag) : image.repoTags()));
        }
        ArchiveWriter writer = new ArchiveWriter(context.images());
        ArchiveOutput.write(output, "save", String.join(", ", names), out -> writer.write(images, archiveFormat, out));
        String archive = output == null ? "/dev/stdout" : output.toAbsolutePath().toString();
        images.forEach(saved -> context.engine().record(Event.image("save", saved.image().id(), archive)));
        return 0;
    }
}
