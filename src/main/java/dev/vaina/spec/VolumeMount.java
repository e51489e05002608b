package dev.vaina.spec;

import java.util.ArrayList;
import java.util.List;

/** A -v HOST-DIR:CONTAINER-DIR[:OPTIONS] bind mount. */
public record VolumeMount(String source, String destination, List<String> options) {
    private static final List<String> KNOWN_OPTIONS = List.of("ro", "rw", "z", "Z", "rprivate", "private",
            "rshared", "shared", "rslave", "slave", "bind", "rbind", "nosuid", "suid", "nodev", "dev", "noexec", "exec");

    public VolumeMount {
        options = List.copyOf(options);
    }

    public boolean readOnly() {
        return options.contains("ro");
    }

    public static VolumeMount parse(String text) {
        String[] parts = text.split(":", -1);
        if (parts.length < 2 || parts.length > 3) {
            throw new InvalidSpecException("invalid volume \"" + text
                    + "\": must be HOST-DIR:CONTAINER-DIR[:OPTIONS]");
        }
        String source = parts[0];
        String destination = parts[1];
        if (!source.startsWith("/")) {
            throw new InvalidSpecException("invalid volume \"" + text
                    + "\": the host directory must be an absolute path (named volumes are not supported yet)");
        }
        if (!destination.startsWith("/")) {
            throw new InvalidSpecException("invalid container path \"" + destination
                    + "\": it must be an absolute path");
        }
        List<String> options = new ArrayList<>();
        if (parts.length == 3) {
            for (String option : parts[2].split(",")) {
                if (!KNOWN_OPTIONS.contains(option)) {
                    throw new InvalidSpecException("invalid volume option \"" + option + "\" in \"" + text
                            + "\": allowed are " + String.join(", ", KNOWN_OPTIONS));
                }
                options.add(option);
            }
        }
        return new VolumeMount(source, destination, options);
    }

    @Override
    public String toString() {
        return options.isEmpty() ? source + ":" + destination : source + ":" + destination + ":" + String.join(",", options);
    }
}
