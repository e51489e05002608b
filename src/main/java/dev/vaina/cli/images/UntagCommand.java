package dev.vaina.cli.images;

import dev.vaina.cli.common.CommandFailedException;
import dev.vaina.cli.common.Context;
import dev.vaina.cli.common.ContextCommand;
import dev.vaina.cli.common.ExitCodes;
import dev.vaina.image.ImageNotFoundException;
import dev.vaina.image.ImageRecord;
import dev.vaina.spec.ImageReference;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * `vaina untag`: takes names off an image, which stays (without a name once the last one went); with no name given,
 * every name it has. Every name is checked, and must be one of the image's, before any goes.
 */
@Command(name = "untag", description = "Remove names from a local image (all of them when none is given).")
public final class UntagCommand extends ContextCommand {
    @Parameters(index = "0", paramLabel = "IMAGE")
    String source;

    @Parameters(index = "1..*", arity = "0..*", paramLabel = "NAME[:TAG]")
    List<String> names = new ArrayList<>();

    @Override
    protected int execute(Context context) throws Exception {
        List<String> tags = new ArrayList<>();
        for (String name : names) {
            tags.add(ImageReference.parse(name, ImageReference.LOCAL_REGISTRY).toString());
        }
        ImageRecord image;
        try {
            image = context.images().require(source);
        } catch (ImageNotFoundException e) {
            throw ImageUse.notKnown(e, ExitCodes.ENGINE);
        }
        if (names.isEmpty()) {
            tags.addAll(image.repoTags());
        }
        for (String tag : tags) {
            if (!image.repoTags().contains(tag)) {
                throw new CommandFailedException(ExitCodes.ENGINE, tag + ": tag not known");
            }
        }
        for (String tag : tags) {
            image = context.images().untag(image, tag);
        }
        return 0;
    }
}
