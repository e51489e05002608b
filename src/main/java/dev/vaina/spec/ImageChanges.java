package dev.vaina.spec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Dockerfile instructions given to {@code commit --change}: CMD, ENTRYPOINT, ENV, EXPOSE, LABEL, USER,
 * VOLUME, WORKDIR and STOPSIGNAL, applied to an image's config. CMD and ENTRYPOINT take a JSON array or a shell
 * form (run with /bin/sh -c), as in a Dockerfile.
 *
 * @param config the image config with the changes applied
 * @param labels the labels the changes add
 */
public record ImageChanges(ImageConfig config, Map<String, String> labels) {

    public static ImageChanges apply(ImageConfig base, List<String> instructions) {
        List<String> env = new ArrayList<>(base.env());
        List<String> entrypoint = base.entrypoint();
        List<String> cmd = base.cmd();
        String workingDir = base.workingDir();
        String user = base.user();
        String stopSignal = base.stopSignal();
        List<String> exposed = new ArrayList<>(base.exposedPorts());
        List<String> volumes = new ArrayList<>(base.volumes());
        Map<String, String> labels = new LinkedHashMap<>();
        for (String change : instructions) {
            String[] parts = change.strip().split("[ \t=]", 2);
            String instruction = parts[0].toUpperCase(Locale.ROOT);
            String value = parts.length > 1 ? parts[1].strip() : "";
            if (value.isEmpty()) {
                throw invalid(change, "missing value for " + instruction);
            }
            switch (instruction) {
                case "CMD" -> cmd = command(value, change);
                case "ENTRYPOINT" -> entrypoint = command(value, change);
                case "ENV" -> {
                    String[] pair = keyValue(value, change);
                    env.removeIf(e -> e.startsWith(pair[0] + "="));
                    env.add(pair[0] + "=" + pair[1]);
                }
                case "LABEL" -> {
                    String[] pair = keyValue(value, change);
                    labels.put(pair[0], unquote(pair[1]));
                }
                case "EXPOSE" -> {
                    for (String port : Ascii.fields(value)) {
                        String key = port.contains("/") ? port : port + "/tcp";
                        if (!exposed.contains(key)) {
                            exposed.add(key);
                        }
                    }
                }
                case "VOLUME" -> {
                    List<String> paths = value.startsWith("[") ? command(value, change) : List.of(Ascii.fields(value));
                    for (String path : paths) {
                        if (!path.startsWith("/")) {
                            throw invalid(change, "volume path " + path + " is not absolute");
                        }
                        if (!volumes.contains(path)) {
                            volumes.add(path);
                        }
                    }
                }
                case "USER" -> user = value;
                case "WORKDIR" -> workingDir = value.startsWith("/") ? value
                        : (workingDir == null ? "/" : workingDir.replaceAll("/$", "") + "/") + value;
                case "STOPSIGNAL" -> stopSignal = value;
                default -> throw invalid(change, "invalid instruction " + parts[0]);
            }
        }
        return new ImageChanges(new ImageConfig(env, entrypoint, cmd, workingDir, user, stopSignal, exposed,
                base.healthCheck(), volumes), labels);
    }

    private static List<String> command(String value, String change) {
        if (!value.startsWith("[")) {
            return List.of("/bin/sh", "-c", value);
        }
        try {
            Object parsed = com.fasterxml.jackson.jr.ob.JSON.std.anyFrom(value);
            List<String> args = new ArrayList<>();
            if (parsed instanceof List<?> list) {
                for (Object item : list) {
                    if (!(item instanceof String s)) {
                        throw invalid(change, "the JSON array must hold strings only");
                    }
                    args.add(s);
                }
                return args;
            }
        } catch (java.io.IOException e) {
            // reported below
        }
        throw invalid(change, "give a command or a JSON array of strings");
    }

    /** KEY=VALUE, or KEY VALUE as in a Dockerfile. */
    private static String[] keyValue(String value, String change) {
        String[] pair = value.split("[ \t=]", 2);
        if (pair.length < 2 || pair[0].isEmpty()) {
            throw invalid(change, "expected KEY=VALUE");
        }
        return new String[] {pair[0], pair[1].strip()};
    }

    private static String unquote(String value) {
        return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"") ? value.substring(1, value.length() - 1)
                : value;
    }

    private static InvalidSpecException invalid(String change, String why) {
        return new InvalidSpecException("invalid change \"" + change + "\" - " + why);
    }
}
