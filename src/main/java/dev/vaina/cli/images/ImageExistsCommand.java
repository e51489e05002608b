package dev.vaina.cli.images;

import dev.vaina.cli.common.Context;
import dev.vaina.cli.common.ContextCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** `vaina image exists`: exit 0 when the image is in local storage, 1 when it is not; prints nothing. */
@Command(name = "exists", description = "Check whether an image is in local storage (exit 0) or not (exit 1).")
final class ImageExistsCommand extends ContextCommand {
    @Parameters(index = "0", paramLabel = "IMAGE")
    String name;

    @Override
    protected int execute(Context context) throws Exception {
        return context.images().find(name).isPresent() ? 0 : 1;
    }
}
