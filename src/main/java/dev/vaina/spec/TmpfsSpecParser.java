package dev.vaina.spec;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** --tmpfs CONTAINER-DIR[:OPTIONS] values, with Podman's messages. */
public final class TmpfsSpecParser {
    private static final Set<String> FLAGS = Set.of("ro", "rw", "noexec", "exec", "nosuid", "suid", "nodev", "dev",
            "tmpcopyup", "notmpcopyup", "U", "Z", "z", "nr_inodes", "noatime", "atime", "strictatime", "nostrictatime");
    private static final Pattern SIZE = Pattern.compile("[0-9]+[kKmMgG%]?");
    private static final Pattern MODE = Pattern.compile("[0-7]{1,4}");
    private static final Pattern NUMBER = Pattern.compile("[0-9]+[kKmMgG]?");

    private TmpfsSpecParser() {
    }

    public static VolumeMount parse(String text) {
        int colon = text.indexOf(':');
        String destination = colon < 0 ? text : text.substring(0, colon);
        VolumeSpecParser.checkDestination(destination);
        List<String> options = new ArrayList<>();
        if (colon >= 0 && colon + 1 < text.length()) {
            for (String option : text.substring(colon + 1).split(",")) {
                options.add(option(option));
            }
        }
        return new VolumeMount(VolumeMount.TMPFS, null, destination, options, false);
    }

    private static String option(String option) {
        int equals = option.indexOf('=');
        String key = equals < 0 ? option : option.substring(0, equals);
        String value = equals < 0 ? null : option.substring(equals + 1);
        switch (key) {
            case "size":
                return "size=" + size(value);
            case "mode":
                return "mode=" + mode(value);
            case "nr_inodes", "nr_blocks", "uid", "gid":
                if (value == null || !NUMBER.matcher(value).matches()) {
                    throw new InvalidSpecException("invalid tmpfs option \"" + option + "\": " + key + " takes a number");
                }
                return option;
            default:
                if (value != null || !FLAGS.contains(key)) {
                    throw new InvalidSpecException("unknown mount option \"" + option + "\": invalid mount option");
                }
                return option;
        }
    }

    static String size(String value) {
        if (value == null || !SIZE.matcher(value).matches()) {
            throw new InvalidSpecException("invalid tmpfs size \"" + value
                    + "\": a number of bytes with an optional k, m or g suffix, or a percentage of memory (N%)");
        }
        return value;
    }

    static String mode(String value) {
        if (value == null || !MODE.matcher(value).matches()) {
            throw new InvalidSpecException("invalid tmpfs mode \"" + value + "\": an octal mode such as 1777");
        }
        return value;
    }
}
