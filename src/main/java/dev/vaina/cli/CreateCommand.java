package dev.vaina.cli;

import dev.vaina.engine.Containers;
import dev.vaina.image.ImageRecord;
import dev.vaina.spec.ContainerConfig;
import dev.vaina.store.ContainerRecord;
import java.io.IOException;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** `vaina create`: make a container without starting it. */
@Command(name = "create", description = "Create a new container without starting it.")
final class CreateCommand extends ContextCommand {
    @Mixin
    ContainerOptions options;

    @Override
    int execute(Context context) throws Exception {
        ContainerRecord record = create(context, context.engine().containers(), options, err());
        out().println(record.id());
        return 0;
    }

    /** Validates everything before anything is written, so bad input leaves nothing behind. */
    static ContainerRecord create(Context context, Containers containers, ContainerOptions options, PrintWriter progress)
            throws IOException {
        String name = options.validatedName();
        ContainerConfig config = options.toConfig(context.env());
        ImageRecord image = PullPolicy.parse(options.pull).image(context, options.image,
                () -> new ImageFetcher(context, options.pullOptions, progress).pull(options.image));
        ContainerConfig settled = PortResolver.resolve(config, image.config(), context.containers(), progress);
        return containers.create(name, image, image.repoTags().isEmpty() ? image.id() : imageName(image, options.image),
                settled);
    }

    private static String imageName(ImageRecord image, String requested) {
        for (String tag : image.repoTags()) {
            if (tag.equals(requested) || tag.endsWith("/" + requested) || tag.endsWith("/" + requested + ":latest")) {
                return tag;
            }
        }
        return image.repoTags().get(0);
    }
}
