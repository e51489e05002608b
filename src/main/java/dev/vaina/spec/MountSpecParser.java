package dev.vaina.spec;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** --mount type=bind|volume|tmpfs,src=...,dst=...[,options] values, with Podman's keys and messages. */
public final class MountSpecParser {
    private static final String FORMAT = "incorrect mount format: should be --mount "
            + "type=<bind|tmpfs|volume>,[src=<host-dir|volume-name>,]target=<ctr-dir>[,options]";

    private MountSpecParser() {
    }

    public static VolumeMount parse(String text) {
        String type = null;
        for (String item : text.split(",")) {
            if (item.startsWith("type=")) {
                type = item.substring("type=".length());
            }
        }
        if (type == null) {
            throw new InvalidSpecException(FORMAT);
        }
        if (!List.of(VolumeMount.BIND, VolumeMount.VOLUME, VolumeMount.TMPFS).contains(type)) {
            throw new InvalidSpecException("invalid filesystem type \"" + type + "\"");
        }
        String source = null;
        String destination = null;
        List<String> options = new ArrayList<>();
        for (String item : text.split(",")) {
            int equals = item.indexOf('=');
            String key = equals < 0 ? item : item.substring(0, equals);
            String value = equals < 0 ? null : item.substring(equals + 1);
            switch (key) {
                case "type" -> { }
                case "src", "source" -> {
                    if (VolumeMount.TMPFS.equals(type)) {
                        throw new InvalidSpecException("source is not supported with tmpfs mounts");
                    }
                    source = required(key, value);
                }
                case "dst", "destination", "target" -> destination = required(key, value);
                case "ro", "readonly", "rw" -> options.add(readOnly(key, value) ? "ro" : "rw");
                case "bind-propagation" -> options.add(propagation(type, value));
                case "relabel" -> options.add("private".equals(value) ? "Z" : "z");
                case "z", "Z", "U" -> options.add(flag(item, value));
                case "chown" -> {
                    if (value == null || Boolean.parseBoolean(value)) {
                        options.add("U");
                    }
                }
                case "nocopy", "volume-nocopy" -> options.add(only(VolumeMount.VOLUME, type, item, "nocopy"));
                case "tmpfs-size" -> options.add("size=" + TmpfsSpecParser.size(only(VolumeMount.TMPFS, type, item, value)));
                case "tmpfs-mode" -> options.add("mode=" + TmpfsSpecParser.mode(only(VolumeMount.TMPFS, type, item, value)));
                case "tmpcopyup", "notmpcopyup" -> options.add(only(VolumeMount.TMPFS, type, item, key));
                case "consistency" -> { } // macOS's file sharing hint: nothing to do on Linux, as in Podman
                default -> throw new InvalidSpecException(item + ": invalid mount option");
            }
        }
        if (destination == null) {
            throw new InvalidSpecException("must set volume destination");
        }
        VolumeSpecParser.checkDestination(destination);
        List<String> readWrite = options.stream().filter(o -> o.equals("ro") || o.equals("rw")).toList();
        if (readWrite.size() > 1) {
            throw new InvalidSpecException("invalid options \"" + String.join(", ", options)
                    + "\", can only specify 1 'rw' or 'ro' option");
        }
        return switch (type) {
            case VolumeMount.BIND -> {
                if (source == null) {
                    throw new InvalidSpecException("must set a source (src=<host-dir>) for a bind mount");
                }
                yield new VolumeMount(VolumeMount.BIND, Path.of(source).toAbsolutePath().normalize().toString(),
                        destination, options, false);
            }
            case VolumeMount.VOLUME -> {
                if (source != null && !VolumeName.isValid(source)) {
                    throw new InvalidSpecException("creating named volume \"" + source
                            + "\": running volume create option: names must match [a-zA-Z0-9][a-zA-Z0-9_.-]*: invalid argument");
                }
                yield new VolumeMount(VolumeMount.VOLUME, source, destination, options, source == null);
            }
            default -> new VolumeMount(VolumeMount.TMPFS, null, destination, options, false);
        };
    }

    private static String required(String key, String value) {
        if (value == null || value.isEmpty()) {
            throw new InvalidSpecException(key + ": invalid mount option: it needs a value");
        }
        return value;
    }

    private static boolean readOnly(String key, String value) {
        boolean set = value == null || !value.equalsIgnoreCase("false") && !value.equals("0");
        if ("readonly".equals(key) && value == null) {
            throw new InvalidSpecException("readonly: invalid mount option");
        }
        return "rw".equals(key) != set;
    }

    private static String propagation(String type, String value) {
        only(VolumeMount.BIND, type, "bind-propagation", value);
        if (value == null || !VolumeSpecParser.PROPAGATION.contains(value)) {
            throw new InvalidSpecException("invalid option type \"" + value + "\"");
        }
        return value;
    }

    private static String flag(String item, String value) {
        if (value != null) {
            throw new InvalidSpecException(item + ": invalid mount option");
        }
        return item;
    }

    private static String only(String wanted, String type, String item, String result) {
        if (!wanted.equals(type)) {
            throw new InvalidSpecException(item + ": invalid mount option");
        }
        return result;
    }
}
