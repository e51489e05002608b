package dev.vaina.cli.images;

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

/** `vaina tag`: more names for an image; a name another image had moves to this one. */
@Command(name = "tag", description = "Add names to a local image.")
public final class TagCommand extends ContextCommand {
    @Parameters(index = "0", paramLabel = "IMAGE")
    String source;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "TARGET_NAME[:TAG]")
    List<String> targets;

    @Override
    protected int execute(Context context) throws Exception {
        // every name is checked before any is added: a typo in the third name must not leave two added (a loop,
        // not a stream's lambda: see store.StoreLock)
        List<ImageReference> references = new ArrayList<>();
        for (String target : targets) {
            references.add(ImageReference.parse(target, ImageReference.LOCAL_REGISTRY));
        }
        ImageRecord image;
        try {
            image = context.images().require(source);
        } catch (ImageNotFoundException e) {
            throw ImageUse.notKnown(e, ExitCodes.ENGINE);
        }
        for (ImageReference reference : references) {
            image = context.images().tag(image, reference);
        }
        return 0;
    }
}
