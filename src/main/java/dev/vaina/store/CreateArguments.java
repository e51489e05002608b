package dev.vaina.store;

import java.util.List;

/**
 * The command line a container or pod was made with, kept beside its record so that `generate systemd --new`
 * and `generate quadlet` can make it again: the options as {@code --name=value} words (or {@code --flag}),
 * without those that only concern that one invocation (--detach, --replace, --cidfile, ...), then the image
 * and the command as given. Pods have no image and no command.
 */
public record CreateArguments(List<String> options, String image, List<String> command) {
    public CreateArguments {
        options = options == null ? List.of() : List.copyOf(options);
        command = command == null ? List.of() : List.copyOf(command);
    }
}
