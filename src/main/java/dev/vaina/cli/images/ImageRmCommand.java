package dev.vaina.cli.images;

import picocli.CommandLine.Command;

/** `vaina image rm`: the same as `vaina rmi`. */
@Command(name = "rm", description = "Remove images: untag a name, or delete the image and its unused layers.")
final class ImageRmCommand extends RmiCommand {
}
