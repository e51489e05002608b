package dev.vaina.cli.images;

import dev.vaina.cli.common.Context;
import dev.vaina.cli.common.ContextCommand;
import dev.vaina.image.ImageRecord;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** `vaina image prune`: removes dangling images (no tag, no container), or with -a every unused image. */
@Command(name = "prune", description = "Remove dangling images (with -a: all images no container uses).")
public final class ImagePruneCommand extends ContextCommand {
    @Option(names = {"-a", "--all"}, description = "Remove every image that no container uses, tagged or not.")
    boolean all;

    @Option(names = {"-f", "--force"}, description = "Do not ask for confirmation (vaina never asks).")
    boolean force;

    @Override
    protected int execute(Context context) throws Exception {
        for (ImageRecord image : prune(context, all)) {
            out().println(image.id());
        }
        out().flush();
        return 0;
    }

    /** Removes the dangling images no container uses (with {@code all}: every image no container uses). */
    public static List<ImageRecord> prune(Context context, boolean all) throws java.io.IOException {
        List<ImageRecord> removed = new java.util.ArrayList<>();
        for (ImageRecord image : context.images().list()) {
            if ((all || image.repoTags().isEmpty()) && ImageUse.containers(context, image).isEmpty()) {
                context.images().remove(image);
                removed.add(image);
            }
        }
        return removed;
    }
}
