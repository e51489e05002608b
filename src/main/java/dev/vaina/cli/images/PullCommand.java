package dev.vaina.cli.images;

import dev.vaina.cli.common.Context;
import dev.vaina.cli.common.ContextCommand;
import dev.vaina.cli.common.ImageFetcher;
import dev.vaina.cli.common.PullOptions;
import dev.vaina.image.ImageRecord;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** `vaina pull`: an image from a registry into local storage; prints its id. */
@Command(name = "pull", description = "Pull an image from a registry.")
public final class PullCommand extends ContextCommand {
    @Mixin
    PullOptions options;

    @Parameters(index = "0", paramLabel = "NAME[:TAG|@DIGEST]", description = "The image to pull.")
    String image;

    @Override
    protected int execute(Context context) throws Exception {
        ImageRecord pulled = new ImageFetcher(context, options, err()).pull(image);
        out().println(pulled.id());
        out().flush();
        return 0;
    }
}
