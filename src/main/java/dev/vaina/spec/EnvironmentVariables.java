package dev.vaina.spec;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** -e/--env and --env-file parsing, in the order Podman applies them (files first, then -e). */
public final class EnvironmentVariables {
    private EnvironmentVariables() {
    }

    /**
     * Adds one KEY=VALUE or KEY entry; a bare KEY takes its value from the caller's environment and is
     * left out when the caller does not have it, as Podman does.
     */
    public static void add(Map<String, String> into, String entry, Map<String, String> callerEnvironment) {
        int eq = entry.indexOf('=');
        String key = eq < 0 ? entry : entry.substring(0, eq);
        if (key.isEmpty()) {
            throw new InvalidSpecException("invalid environment variable \"" + entry + "\": the name is empty");
        }
        if (key.indexOf(' ') >= 0 || key.indexOf('\t') >= 0) {
            throw new InvalidSpecException("invalid environment variable \"" + entry
                    + "\": names may not contain whitespace");
        }
        if (eq >= 0) {
            into.put(key, entry.substring(eq + 1));
        } else if (callerEnvironment.containsKey(key)) {
            into.put(key, callerEnvironment.get(key));
        }
    }

    public static Map<String, String> parse(List<Path> envFiles, List<String> entries, Map<String, String> caller) {
        Map<String, String> result = new LinkedHashMap<>();
        for (Path file : envFiles) {
            List<String> lines;
            try {
                lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new InvalidSpecException("cannot read env file " + file + ": " + e.getMessage());
            }
            for (String line : lines) {
                String trimmed = line.strip();
                if (!trimmed.isEmpty() && !trimmed.startsWith("#")) {
                    add(result, trimmed, caller);
                }
            }
        }
        for (String entry : entries) {
            add(result, entry, caller);
        }
        return result;
    }
}
