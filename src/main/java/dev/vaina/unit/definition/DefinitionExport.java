package dev.vaina.unit.definition;

import dev.vaina.unit.SystemdQuoting;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Definition files written from the command line that made a container or pod (`vaina generate quadlet`): each
 * option becomes the key that gives it back (the converters' own key tables, read in reverse), and what no key
 * gives goes to PodmanArgs=, so that the generator's unit creates the same thing again.
 */
public final class DefinitionExport {
    /** Options that the definition's unit gives itself, or that stand for the key written from the record. */
    private static final List<String> CONTAINER_OWN = List.of("--name", "--pod", "--rm");
    private static final List<String> POD_OWN = List.of("--name");

    private DefinitionExport() {
    }

    /**
     * A .container file.
     *
     * @param options   the create options as {@code --option=value} words or {@code --flag}
     * @param podFile   the .pod file of its pod, or null for a container of its own
     * @param serviceName the unit's name without .service when it is not the file's (ServiceName=), or null
     */
    public static String container(String name, String image, List<String> options, List<String> command,
            String podFile, String serviceName) {
        Sections file = new Sections();
        file.add("Container", "ContainerName", plain(name));
        file.add("Container", "Image", plain(image));
        if (podFile != null) {
            file.add("Container", "Pod", podFile);
        }
        if (serviceName != null) {
            file.add("Container", "ServiceName", serviceName);
        }
        List<String> extra = new ArrayList<>();
        for (String word : options) {
            String option = optionOf(word);
            String value = valueOf(word);
            if (!CONTAINER_OWN.contains(option) && !containerKey(file, option, value)
                    && !tableKey(file, ContainerConverter.KEYS, option, value)) {
                extra.add(word);
            }
        }
        extras(file, "Container", extra);
        if (!command.isEmpty()) {
            file.add("Container", "Exec", String.join(" ", command.stream().map(DefinitionExport::word).toList()));
        }
        file.add("Install", "WantedBy", "default.target");
        return file.text();
    }

    /** A .pod file; {@code options} as for {@link #container}. */
    public static String pod(String name, List<String> options, String serviceName) {
        Sections file = new Sections();
        file.add("Pod", "PodName", plain(name));
        if (serviceName != null) {
            file.add("Pod", "ServiceName", serviceName);
        }
        List<String> extra = new ArrayList<>();
        for (String word : options) {
            String option = optionOf(word);
            String value = valueOf(word);
            if (POD_OWN.contains(option)) {
                continue;
            }
            boolean written = switch (option) {
                case "--network" -> file.add("Pod", "Network", plain(value));
                case "--volume" -> file.add("Pod", "Volume", plain(value));
                case "--exit-policy" -> file.add("Pod", "ExitPolicy", plain(value));
                default -> tableKey(file, PodConverter.KEYS, option, value);
            };
            if (!written) {
                extra.add(word);
            }
        }
        extras(file, "Pod", extra);
        file.add("Install", "WantedBy", "default.target");
        return file.text();
    }

    /** The keys of [Container] that the converter reads itself, and [Service]'s Restart=. */
    private static boolean containerKey(Sections file, String option, String value) {
        if (value == null) {
            return switch (option) {
                case "--read-only" -> file.add("Container", "ReadOnly", "true");
                case "--env-host" -> file.add("Container", "EnvironmentHost", "true");
                case "--init" -> file.add("Container", "RunInit", "true");
                default -> false;
            };
        }
        return switch (option) {
            case "--network" -> file.add("Container", "Network", plain(value));
            case "--volume" -> file.add("Container", "Volume", plain(value));
            case "--user" -> file.add("Container", "User", plain(value));
            case "--stop-timeout" -> file.add("Container", "StopTimeout", plain(value));
            case "--sdnotify" -> switch (value) {
                case "healthy" -> file.add("Container", "Notify", "healthy");
                case "container" -> file.add("Container", "Notify", "true");
                default -> false;
            };
            case "--label" -> value.startsWith("io.containers.autoupdate=")
                    && file.add("Container", "AutoUpdate", plain(value.substring("io.containers.autoupdate=".length())));
            case "--security-opt" -> value.equals("no-new-privileges")
                    && file.add("Container", "NoNewPrivileges", "true");
            // systemd restarts the unit: the restart policy is the unit's.
            case "--restart" -> file.add("Service", "Restart", restart(value));
            default -> false;
        };
    }

    /** A docker-style restart policy as systemd's Restart=. */
    private static String restart(String policy) {
        String name = policy.contains(":") ? policy.substring(0, policy.indexOf(':')) : policy;
        return switch (name) {
            case "always", "unless-stopped" -> "always";
            case "on-failure" -> "on-failure";
            default -> "no";
        };
    }

    private static boolean tableKey(Sections file, KeyTable keys, String option, String value) {
        String key = value == null ? null : keys.keyFor(option);
        if (key == null) {
            return false;
        }
        return file.add(keys.section(), key, keys.takesWords(key) ? word(value) : plain(value));
    }

    private static void extras(Sections file, String section, List<String> words) {
        if (!words.isEmpty()) {
            file.add(section, "PodmanArgs", String.join(" ", words.stream().map(DefinitionExport::word).toList()));
        }
    }

    private static String optionOf(String word) {
        int equals = word.indexOf('=');
        return equals < 0 ? word : word.substring(0, equals);
    }

    private static String valueOf(String word) {
        int equals = word.indexOf('=');
        return equals < 0 ? null : word.substring(equals + 1);
    }

    /** A value as a key takes it whole: systemd would read "%" as a specifier. */
    private static String plain(String value) {
        if (value.indexOf('\n') >= 0 || !value.strip().equals(value)) {
            // A line cannot hold it, and the parser trims values: only a quoted word keeps it.
            throw new IllegalArgumentException("the value \"" + value + "\" cannot be written as a key's value");
        }
        return value.replace("%", "%%");
    }

    /** One word of a list value, quoted as the generator splits words. */
    private static String word(String value) {
        return SystemdQuoting.definitionWord(value);
    }

    /** Sections in the order first used, each key in the order added. */
    private static final class Sections {
        private final Map<String, List<String>> lines = new LinkedHashMap<>();

        boolean add(String section, String key, String value) {
            lines.computeIfAbsent(section, s -> new ArrayList<>()).add(key + "=" + value);
            return true;
        }

        String text() {
            StringBuilder text = new StringBuilder();
            for (Map.Entry<String, List<String>> section : lines.entrySet()) {
                if (text.length() > 0) {
                    text.append('\n');
                }
                text.append('[').append(section.getKey()).append("]\n");
                section.getValue().forEach(line -> text.append(line).append('\n'));
            }
            return text.toString();
        }
    }
}
