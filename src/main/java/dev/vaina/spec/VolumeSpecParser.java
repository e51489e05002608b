package dev.vaina.spec;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/** -v/--volume values, with Podman's rules and messages. */
final class VolumeSpecParser {
    static final Set<String> PROPAGATION = Set.of("rprivate", "private", "rshared", "shared", "rslave", "slave",
            "runbindable", "unbindable");
    private static final Set<String> FLAGS = Set.of("ro", "rw", "z", "Z", "O", "U", "nocopy", "copy", "bind", "rbind",
            "nosuid", "suid", "nodev", "dev", "noexec", "exec");

    private VolumeSpecParser() {
    }

    static VolumeMount parse(String text) {
        String[] parts = text.split(":", -1);
        if (parts.length > 3) {
            throw new InvalidSpecException(text + ": incorrect volume format, should be [host-dir:]ctr-dir[:option]");
        }
        if (parts.length == 1) {
            checkDestination(parts[0]);
            return new VolumeMount(VolumeMount.VOLUME, null, parts[0], List.of(), true);
        }
        String source = parts[0];
        String destination = parts[1];
        if (source.isEmpty()) {
            throw new InvalidSpecException("host directory cannot be empty");
        }
        checkDestination(destination);
        List<String> options = parts.length == 3 ? options(parts[2]) : List.of();
        OverlayOptions.check(options);
        if (source.startsWith("/") || source.startsWith(".")) {
            return new VolumeMount(VolumeMount.BIND, Path.of(source).toAbsolutePath().normalize().toString(),
                    destination, options, false);
        }
        if (!VolumeName.isValid(source)) {
            throw new InvalidSpecException("creating named volume \"" + source
                    + "\": running volume create option: names must match [a-zA-Z0-9][a-zA-Z0-9_.-]*: invalid argument");
        }
        return new VolumeMount(VolumeMount.VOLUME, source, destination, options, false);
    }

    static void checkDestination(String destination) {
        if (!destination.startsWith("/")) {
            throw new InvalidSpecException("invalid container path \"" + destination + "\", must be an absolute path");
        }
    }

    /** The comma-separated options of -v, checked as Podman checks them. */
    static List<String> options(String text) {
        List<String> options = new ArrayList<>(Arrays.asList(text.split(",")));
        for (String option : options) {
            if (!FLAGS.contains(option) && !PROPAGATION.contains(option) && !OverlayOptions.isDirectory(option)) {
                throw new InvalidSpecException("invalid option type \"" + option + "\"");
            }
        }
        atMostOne(options, Set.of("ro", "rw"), "can only specify 1 'rw' or 'ro' option");
        atMostOne(options, Set.of("z", "Z", "O"), "can only specify 1 'z', 'Z', or 'O' option");
        atMostOne(options, PROPAGATION, "can only specify 1 '[r]shared', '[r]private', '[r]slave' or '[r]unbindable' option");
        atMostOne(options, Set.of("bind", "rbind"), "can only specify 1 '[r]bind' option");
        atMostOne(options, Set.of("nocopy", "copy"), "can only specify 1 'copy' or 'nocopy' option");
        return options;
    }

    private static void atMostOne(List<String> options, Set<String> group, String rule) {
        List<String> found = options.stream().filter(group::contains).toList();
        if (found.size() > 1) {
            throw new InvalidSpecException("invalid options \"" + String.join(", ", options) + "\", " + rule);
        }
    }
}
