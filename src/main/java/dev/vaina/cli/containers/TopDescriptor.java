package dev.vaina.cli.containers;

import dev.vaina.cli.common.GoDuration;
import dev.vaina.engine.ContainerProcess;
import dev.vaina.spec.Decimals;
import dev.vaina.spec.InvalidSpecException;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The ps(1) descriptors `top` accepts, with the headers Podman prints for them. */
public enum TopDescriptor {
    USER("USER", ContainerProcess::user),
    GROUP("GROUP", ContainerProcess::group),
    PID("PID", p -> Long.toString(p.pid())),
    PPID("PPID", p -> Long.toString(p.ppid())),
    PGID("PGID", p -> Long.toString(p.pgid())),
    PCPU("%CPU", p -> Decimals.fixed(p.cpuPercent(), 3)),
    ETIME("ELAPSED", p -> GoDuration.format(p.elapsed())),
    TTY("TTY", ContainerProcess::tty),
    TIME("TIME", p -> GoDuration.format(p.cpuTime())),
    ARGS("COMMAND", ContainerProcess::args),
    COMM("COMMAND", ContainerProcess::comm),
    NICE("NI", p -> Integer.toString(p.nice())),
    STATE("STATE", p -> String.valueOf(p.state())),
    RSS("RSS", p -> Long.toString(p.rssKiB())),
    VSZ("VSZ", p -> Long.toString(p.vszKiB())),
    HPID("HPID", p -> Long.toString(p.hostPid())),
    HUSER("HUSER", p -> Long.toString(p.hostUid())),
    HGROUP("HGROUP", p -> Long.toString(p.hostGid()));

    /** Podman's default columns. */
    static final TopDescriptor[] DEFAULT = {USER, PID, PPID, PCPU, ETIME, TTY, TIME, ARGS};

    private final String header;
    private final Function<ContainerProcess, String> value;

    TopDescriptor(String header, Function<ContainerProcess, String> value) {
        this.header = header;
        this.value = value;
    }

    String header() {
        return header;
    }

    String valueOf(ContainerProcess process) {
        return value.apply(process);
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
