package dev.vaina.cli.images;

import dev.vaina.cli.common.Context;
import dev.vaina.cli.common.ContextCommand;
import dev.vaina.image.ImageRecord;
import dev.vaina.spec.ImageConfig;
import dev.vaina.spec.ImageReference;
import dev.vaina.spec.InvalidSpecException;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** `vaina import`: an image from a root-filesystem tarball, as `podman import` makes one. */
@Command(name = "import", description = "Create an image from a root filesystem tarball.")
public final class ImportCommand extends ContextCommand {
    @Parameters(index = "0", paramLabel = "TARBALL", description = "A tar archive (optionally gzip-compressed) of a root filesystem.")
    Path tarball;

    @Parameters(index = "1", paramLabel = "NAME[:TAG]", description = "The image's name; short names go under localhost/.")
    String name;

    @Override
    protected int execute(Context context) throws Exception {
        ImageReference reference = ImageReference.parse(name, ImageReference.LOCAL_REGISTRY);
        if (!Files.isRegularFile(tarball)) {
            throw new InvalidSpecException("cannot import " + tarball + ": no such file");
        }
        ImageRecord image = context.images().importTarball(tarball, reference, ImageConfig.EMPTY);
        out().println("sha256:" + image.id());
        out().flush();
        return 0;
    }
}
