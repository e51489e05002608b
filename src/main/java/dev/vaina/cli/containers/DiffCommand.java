package dev.vaina.cli.containers;

import dev.vaina.cli.common.ChangeListing;
import dev.vaina.cli.common.CommandFailedException;
import dev.vaina.cli.common.Context;
import dev.vaina.cli.common.ContextCommand;
import dev.vaina.cli.common.ExitCodes;
import dev.vaina.image.ImageRecord;
import dev.vaina.image.LayerChanges.Change;
import dev.vaina.store.ContainerRecord;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * `vaina diff`: what a container changed in its image's file system, or, for a name that is no container's,
 * what an image's top layer changed in its parent's (as `image diff`); one "A|C|D PATH" line each.
 */
@Command(name = "diff", description = "Inspect changes to the container's or image's file systems.")
public final class DiffCommand extends ContextCommand {
    @Option(names = "--format", paramLabel = "json", description = "json: the changes grouped as added, changed and deleted.")
    String format;

    @Parameters(index = "0", paramLabel = "CONTAINER|IMAGE")
    String target;

    @Override
    protected int execute(Context context) throws Exception {
        ChangeListing.checkFormat(format);
        Optional<ContainerRecord> container = context.containers().lookup(target);
        List<Change> changes;
        if (container.isPresent()) {
            changes = context.engine().containers().fileSystem(container.get()).changes();
        } else {
            Optional<ImageRecord> image = context.images().find(target);
            if (image.isEmpty()) {
                throw new CommandFailedException(ExitCodes.ENGINE, target + " not found: layer not known");
            }
            changes = context.images().topLayerChanges(image.get());
        }
        ChangeListing.print(changes, format, out());
        return 0;
    }
}
