package dev.vaina.cli.images;

import picocli.CommandLine.Command;

/** `vaina image ls`: the same as `vaina images`. */
@Command(name = "ls", aliases = "list", description = "List images in local storage.")
final class ImageLsCommand extends ImagesCommand {
}
