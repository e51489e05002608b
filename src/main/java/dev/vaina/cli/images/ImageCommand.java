package dev.vaina.cli.images;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import java.util.List;

/** `vaina image`: the image verbs grouped as Podman groups them. */
@Command(name = "image", description = "Manage images.")
public final class ImageCommand implements Runnable {
    /** The verbs under `vaina image`, in the order help lists them (not in {@code @Command}: see {@code Main}). */
    public static final List<Class<?>> SUBCOMMANDS = List.of(
            ImageLsCommand.class, ImageRmCommand.class, TagCommand.class, UntagCommand.class, ImageInspectCommand.class,
            ImageExistsCommand.class, ImagePruneCommand.class, SaveCommand.class, LoadCommand.class,
            ImageDiffCommand.class);

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "missing command: vaina image ls|rm|tag|untag|inspect|exists|prune|save|load");
    }
}
