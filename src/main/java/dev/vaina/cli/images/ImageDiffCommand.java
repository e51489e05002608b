package dev.vaina.cli.images;

import dev.vaina.cli.common.ChangeListing;
import dev.vaina.cli.common.CommandFailedException;
import dev.vaina.cli.common.Context;
import dev.vaina.cli.common.ContextCommand;
import dev.vaina.cli.common.ExitCodes;
import dev.vaina.image.ImageNotFoundException;
import dev.vaina.image.ImageRecord;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** `vaina image diff`: what an image's top layer changes in its parent's layers, one "A|C|D PATH" line each. */
@Command(name = "diff", description = "Inspect changes to the image's file system.")
public final class ImageDiffCommand extends ContextCommand {
    @Option(names = "--format", paramLabel = "json", description = "json: the changes grouped as added, changed and deleted.")
    String format;

    @Parameters(index = "0", paramLabel = "IMAGE")
    String image;

    @Override
    protected int execute(Context context) throws Exception {
        ChangeListing.checkFormat(format);
        ImageRecord record;
        try {
            record = context.images().require(image);
        } catch (ImageNotFoundException e) {
            // Podman names what it looked for twice: "X not found: X: image not known"
            throw new CommandFailedException(ExitCodes.ENGINE, image + " not found: " + e.getMessage());
        }
        ChangeListing.print(context.images().topLayerChanges(record), format, out());
        return 0;
    }
}
