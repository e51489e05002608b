package dev.vaina.cli.containers;

import dev.vaina.cli.common.CommandFailedException;
import dev.vaina.cli.common.ExitCodes;
import dev.vaina.cli.containers.PsCommand.Row;
import dev.vaina.spec.KeyOrder;
import java.util.Comparator;
import java.util.List;

/** `ps --sort KEY`: Podman's keys and orders (the newest first by creation, the others ascending). */
final class PsSort {
    static final List<String> KEYS = List.of("command", "created", "id", "image", "names", "runningfor", "size", "status");

    private PsSort() {
    }

    /** The newest first. A class, not a lambda: every `ps` sorts so, and a JVM's first lambda costs about 4 ms. */
    static final Comparator<Row> NEWEST_FIRST = new Comparator<>() {
        @Override
        public int compare(Row a, Row b) {
            return b.created().compareTo(a.created());
        }
    };

    static Comparator<Row> parse(String key) {
        return switch (key) {
            case "command" -> KeyOrder.by((Row r) -> String.join(" ", r.record().args()));
            case "id" -> KeyOrder.by((Row r) -> r.record().id());
            case "image" -> KeyOrder.by((Row r) -> r.record().imageName());
            case "names" -> KeyOrder.by((Row r) -> r.record().name());
            case "status" -> KeyOrder.by((Row r) -> r.state().status());
            // sizes are measured for --size alone, so sorting by size keeps the default order.
            case "created", "runningfor", "size" -> NEWEST_FIRST;
            default -> throw new CommandFailedException(ExitCodes.ENGINE, "invalid argument \"" + key
                    + "\" for \"--sort\" flag: \"" + key + "\" is not a valid value. Choose from: "
                    + String.join(", ", KEYS));
        };
    }
}
