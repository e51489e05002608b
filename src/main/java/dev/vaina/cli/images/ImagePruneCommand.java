package dev.vaina.cli.images;

import dev.vaina.cli.Context;
import dev.vaina.cli.ContextCommand;
import dev.vaina.image.ImageRecord;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** `vaina image prune`: removes dangling images (no tag, no container), or with -a every unused image. */
@Command(name = "prune", description = "Remove dangling images (with -a: all images no container uses).")
final class ImagePruneCommand extends ContextCommand {
    @Option(names = {"-a", "--all"}, description = "Remove every image that no container uses, tagged or not.")
    boolean all;

    @Option(names = {"-f", "--force"}, description = "Do not ask for confirmation (vaina never asks).")
    boolean force;

    @Override
    protected int execute(Context context) throws Exception {
        for (ImageRecord image : context.images().list()) {
            if ((all || image.repoTags().isEmpty()) && ImageUse.containers(context, image).isEmpty()) {
                context.images().remove(image);
                out().println(image.id());
            }
        }
        out().flush();
        return 0;
    }
}
