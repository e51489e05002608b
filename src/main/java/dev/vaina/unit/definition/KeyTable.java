package dev.vaina.unit.definition;

import dev.vaina.unit.SystemdQuoting;
import dev.vaina.unit.UnitFile;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The keys a definition section accepts, each with the command-line options it becomes. A key missing from
 * the table is an error naming it; keys a converter reads itself (Image=, Pod=, ...) are listed as handled.
 */
final class KeyTable {
    /** What one assignment adds to the command line. */
    interface Rule {
        void apply(UnitFile.Located entry, List<String> args);
    }

    private static final Rule HANDLED = (entry, args) -> {
    };

    private final String section;
    private final Map<String, Rule> rules = new HashMap<>();
    /** For writing definition files: the key each option of a value or words key comes from (the first listed). */
    private final Map<String, String> keysByOption = new HashMap<>();
    private final java.util.Set<String> wordKeys = new java.util.HashSet<>();

    KeyTable(String section) {
        this.section = section;
    }

    String section() {
        return section;
    }

    /** KEY=VALUE becomes OPTION VALUE. */
    KeyTable value(String key, String option) {
        keysByOption.putIfAbsent(option, key);
        rules.put(key, (entry, args) -> {
            args.add(option);
            args.add(entry.value());
        });
        return this;
    }

    /** KEY=VALUE becomes OPTION VALUE after a check that throws IllegalArgumentException with the reason. */
    KeyTable checked(String key, String option, Consumer<String> check) {
        keysByOption.putIfAbsent(option, key);
        rules.put(key, (entry, args) -> {
            try {
                check.accept(entry.value());
            } catch (IllegalArgumentException e) {
                throw DefinitionException.at(section, entry, e.getMessage());
            }
            args.add(option);
            args.add(entry.value());
        });
        return this;
    }

    /** KEY=WORD WORD... becomes OPTION WORD for each word (systemd's quoting). */
    KeyTable words(String key, String option) {
        keysByOption.putIfAbsent(option, key);
        wordKeys.add(key);
        rules.put(key, (entry, args) -> {
            for (String word : words(entry)) {
                args.add(option);
                args.add(word);
            }
        });
        return this;
    }

    /** KEY=true becomes OPTIONS (one option, or one with its value); KEY=false nothing. */
    KeyTable flag(String key, String... options) {
        rules.put(key, (entry, args) -> {
            if (bool(entry)) {
                args.addAll(List.of(options));
            }
        });
        return this;
    }

    /** KEY=true|false becomes OPTION=true|false, for options whose default is true. */
    KeyTable bool(String key, String option) {
        rules.put(key, (entry, args) -> args.add(option + "=" + bool(entry)));
        return this;
    }

    /** KEY=VALUE becomes OPTION PREFIX+VALUE: Type=tmpfs as --opt type=tmpfs. */
    KeyTable prefixed(String key, String option, String prefix) {
        rules.put(key, (entry, args) -> {
            args.add(option);
            args.add(prefix + entry.value());
        });
        return this;
    }

    /** The key that gives {@code option} its value, or null when no key of this table does. */
    String keyFor(String option) {
        return keysByOption.get(option);
    }

    /** Whether the key's value is a list of words (each one option), rather than one value. */
    boolean takesWords(String key) {
        return wordKeys.contains(key);
    }

    /** A key the converter reads itself. */
    KeyTable handled(String... keys) {
        for (String key : keys) {
            rules.put(key, HANDLED);
        }
        return this;
    }

    /** Applies every assignment of the section in order; an unknown key is an error. */
    void apply(Definition definition, List<String> args) {
        for (UnitFile.Located entry : definition.entries(section)) {
            Rule rule = rules.get(entry.key());
            if (rule == null) {
                throw DefinitionException.at(section, entry, "unsupported key \"" + entry.key() + "\" in section ["
                        + section + "] (see README.md, \"Definition files\", for the keys vaina knows)");
            }
            if (!entry.value().isEmpty()) {
                rule.apply(entry, args);
            }
        }
    }

    /** The value split into words as systemd splits them. */
    List<String> words(UnitFile.Located entry) {
        try {
            return SystemdQuoting.splitWords(entry.value());
        } catch (IllegalArgumentException e) {
            throw DefinitionException.at(section, entry, e.getMessage());
        }
    }

    /** A systemd boolean: 1, yes, true, on or 0, no, false, off. */
    boolean bool(UnitFile.Located entry) {
        return switch (entry.value().toLowerCase(java.util.Locale.ROOT)) {
            case "1", "yes", "true", "on" -> true;
            case "0", "no", "false", "off" -> false;
            default -> throw DefinitionException.at(section, entry, "not a boolean: use true or false");
        };
    }
}
