package dev.vaina.spec;

import java.util.ArrayList;
import java.util.List;

/**
 * One mount a container asked for: a host directory bound in (-v /src:/dst, --mount type=bind), a named
 * volume (-v NAME:/dst, --mount type=volume), an anonymous volume (-v /dst: a volume made for this
 * container, whose generated name the engine fills in) or a tmpfs (--tmpfs, --mount type=tmpfs).
 *
 * @param type        {@link #BIND}, {@link #VOLUME} or {@link #TMPFS} (null in records of older versions: bind)
 * @param source      the host path, the volume's name (null for an anonymous volume not made yet), or null
 * @param destination the absolute path in the container
 * @param options     mount options, as given (ro, nocopy, U, O, size=..., propagation...)
 * @param anonymous   a volume made for this container alone, removed with it by rm -v and --rm
 */
public record VolumeMount(String type, String source, String destination, List<String> options, boolean anonymous) {
    public static final String BIND = "bind";
    public static final String VOLUME = "volume";
    public static final String TMPFS = "tmpfs";

    public VolumeMount {
        type = type == null ? BIND : type;
        options = options == null ? List.of() : List.copyOf(options);
    }

    /** A bind mount of a host path. */
    public VolumeMount(String source, String destination, List<String> options) {
        this(BIND, source, destination, options, false);
    }

    /** -v HOST-DIR:CONTAINER-DIR[:OPTIONS], -v VOLUME:CONTAINER-DIR[:OPTIONS] or -v CONTAINER-DIR. */
    public static VolumeMount parse(String text) {
        return VolumeSpecParser.parse(text);
    }

    public boolean isBind() {
        return BIND.equals(type);
    }

    public boolean isVolume() {
        return VOLUME.equals(type);
    }

    public boolean isTmpfs() {
        return TMPFS.equals(type);
    }

    public boolean readOnly() {
        return options.contains("ro");
    }

    /** -v SOURCE:DEST:O: the container's changes go to an overlay of its own, discarded at each start. */
    public boolean overlay() {
        return options.contains("O");
    }

    public boolean has(String option) {
        return options.contains(option);
    }

    /** An anonymous volume once the engine named it. */
    public VolumeMount named(String name) {
        return new VolumeMount(type, name, destination, options, anonymous);
    }

    /**
     * The same mount for another container (--volumes-from): never anonymous there, since it is not that
     * container's to remove; read-only or read-write as asked, or as it was when {@code readOnly} is null.
     */
    public VolumeMount sharedWith(Boolean readOnly) {
        List<String> shared = new ArrayList<>(options);
        if (readOnly != null) {
            shared.removeAll(List.of("ro", "rw"));
            shared.add(readOnly ? "ro" : "rw");
        }
        return new VolumeMount(type, source, destination, shared, false);
    }

    @Override
    public String toString() {
        String head = isTmpfs() ? "tmpfs:" + destination
                : source == null ? destination : source + ":" + destination;
        return options.isEmpty() ? head : head + ":" + String.join(",", options);
    }
}
