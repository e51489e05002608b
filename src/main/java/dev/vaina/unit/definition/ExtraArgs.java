package dev.vaina.unit.definition;

import dev.vaina.unit.UnitFile;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * PodmanArgs= (options added to the command that creates the thing) and GlobalArgs= (options of vaina itself,
 * before the verb), checked against the options vaina has: an option it lacks is an error at that key.
 */
final class ExtraArgs {
    private ExtraArgs() {
    }

    /** PodmanArgs= of the section, every option checked against {@code allowed} (null: not checked). */
    static List<String> podmanArgs(Definition definition, KeyTable keys, Set<String> allowed, String command) {
        return collect(definition, keys, "PodmanArgs", allowed, command);
    }

    static List<String> globalArgs(Definition definition, KeyTable keys) {
        return collect(definition, keys, "GlobalArgs", VainaOptions.GLOBAL, null);
    }

    /** The global options the launcher needs too (--root, --runroot, --runtime), with their values. */
    static List<String> forLauncher(List<String> global) {
        List<String> picked = new ArrayList<>();
        for (int i = 0; i < global.size(); i++) {
            String option = VainaOptions.optionOf(global.get(i));
            if (option != null && VainaOptions.LAUNCHER.contains(option)) {
                picked.add(global.get(i));
                if (!global.get(i).contains("=") && i + 1 < global.size()) {
                    picked.add(global.get(++i));
                }
            }
        }
        return picked;
    }

    /**
     * The value {@code words} give an option, --opt VALUE or --opt=VALUE, the last one winning; null when they do
     * not give it. An option whose value is optional (--share-parent[=BOOL]) has "true" when given bare.
     */
    static String valueOf(List<String> words, String option, boolean optionalValue) {
        String value = null;
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i);
            if (word.startsWith(option + "=")) {
                value = word.substring(option.length() + 1);
            } else if (word.equals(option)) {
                boolean next = i + 1 < words.size() && (!optionalValue || words.get(i + 1).matches("true|false"));
                value = next ? words.get(++i) : "true";
            }
        }
        return value;
    }

    private static List<String> collect(Definition definition, KeyTable keys, String key, Set<String> allowed,
            String command) {
        List<String> args = new ArrayList<>();
        for (UnitFile.Located entry : definition.entries(keys.section())) {
            if (!entry.key().equals(key)) {
                continue;
            }
            for (String word : keys.words(entry)) {
                String option = VainaOptions.optionOf(word);
                if (allowed != null && option != null && !allowed.contains(option)) {
                    throw DefinitionException.at(keys.section(), entry, (command == null ? "vaina has no global option "
                            : "vaina " + command + " has no option ") + option);
                }
                args.add(word);
            }
        }
        return args;
    }
}
