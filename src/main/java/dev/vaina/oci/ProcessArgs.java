package dev.vaina.oci;

import dev.vaina.spec.ContainerConfig;
import dev.vaina.spec.ImageConfig;
import java.util.ArrayList;
import java.util.List;

/** The container's argv: entrypoint followed by command, with Podman's rules for what overrides what. */
public final class ProcessArgs {
    private ProcessArgs() {
    }

    public static List<String> resolve(ContainerConfig container, ImageConfig image) {
        List<String> entrypoint;
        List<String> command;
        if (container.entrypoint() != null) {
            // A new entrypoint makes the image's Cmd meaningless: it was written for the old one.
            entrypoint = container.entrypoint();
            command = container.command();
        } else {
            entrypoint = orEmpty(image.entrypoint());
            command = container.command().isEmpty() ? orEmpty(image.cmd()) : container.command();
        }
        List<String> args = new ArrayList<>(entrypoint);
        args.addAll(command);
        if (args.isEmpty()) {
            throw new RuntimeSpecException("no command or entrypoint specified for the container: "
                    + "the image has neither Entrypoint nor Cmd, give a command after the image name");
        }
        return List.copyOf(args);
    }

    private static List<String> orEmpty(List<String> list) {
        return list == null ? List.of() : list;
    }
}
