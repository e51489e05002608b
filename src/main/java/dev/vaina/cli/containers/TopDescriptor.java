package dev.vaina.cli.containers;

import dev.vaina.cli.common.GoDuration;
import dev.vaina.engine.ContainerProcess;
import dev.vaina.spec.Decimals;
import dev.vaina.spec.InvalidSpecException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The ps(1) descriptors `top` accepts, with the headers Podman prints for them. */
public enum TopDescriptor {
    USER("USER"),
    GROUP("GROUP"),
    PID("PID"),
    PPID("PPID"),
    PGID("PGID"),
    PCPU("%CPU"),
    ETIME("ELAPSED"),
    TTY("TTY"),
    TIME("TIME"),
    ARGS("COMMAND"),
    COMM("COMMAND"),
    NICE("NI"),
    STATE("STATE"),
    RSS("RSS"),
    VSZ("VSZ"),
    HPID("HPID"),
    HUSER("HUSER"),
    HGROUP("HGROUP");

    /** Podman's default columns. */
    static final TopDescriptor[] DEFAULT = {USER, PID, PPID, PCPU, ETIME, TTY, TIME, ARGS};

    private final String header;

    TopDescriptor(String header) {
        this.header = header;
    }

    String header() {
        return header;
    }

    /**
     * A switch, not a function per constant: a command's first lambda sets the JVM's method-handle machinery up,
     * 9 ms of `top` for these eighteen.
     */
    String valueOf(ContainerProcess p) {
        return switch (this) {
            case USER -> p.user();
            case GROUP -> p.group();
            case PID -> Long.toString(p.pid());
            case PPID -> Long.toString(p.ppid());
            case PGID -> Long.toString(p.pgid());
            case PCPU -> Decimals.fixed(p.cpuPercent(), 3);
            case ETIME -> GoDuration.format(p.elapsed());
            case TTY -> p.tty();
            case TIME -> GoDuration.format(p.cpuTime());
            case ARGS -> p.args();
            case COMM -> p.comm();
            case NICE -> Integer.toString(p.nice());
            case STATE -> String.valueOf(p.state());
            case RSS -> Long.toString(p.rssKiB());
            case VSZ -> Long.toString(p.vszKiB());
            case HPID -> Long.toString(p.hostPid());
            case HUSER -> Long.toString(p.hostUid());
            case HGROUP -> Long.toString(p.hostGid());
        };
    }

    /** The descriptors of top's arguments (each may list several, comma-separated); the default ones for none. */
    public static java.util.List<TopDescriptor> parseAll(java.util.List<String> arguments) {
        java.util.List<TopDescriptor> columns = new java.util.ArrayList<>();
        for (String argument : arguments) {
            for (String name : argument.split(",")) {
                if (!name.isBlank()) {
                    columns.add(parse(name.strip()));
                }
            }
        }
        return columns.isEmpty() ? java.util.List.of(DEFAULT) : columns;
    }

    static TopDescriptor parse(String name) {
        for (TopDescriptor descriptor : values()) {
            if (descriptor.name().toLowerCase(Locale.ROOT).equals(name)) {
                return descriptor;
            }
        }
        throw new InvalidSpecException("unknown descriptor: " + name + " (known: " + Arrays.stream(values())
                .map(d -> d.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", ")) + ")");
    }
}
