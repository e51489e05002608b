package dev.vaina.unit;

import java.util.List;

/**
 * Writes values the way systemd reads them back (systemd.service(5) "Command lines", systemd.unit(5)
 * "Specifiers"): a command line whose arguments survive systemd's word splitting, C unescaping, "$"
 * variable expansion and "%" specifier expansion unchanged.
 */
public final class SystemdQuoting {
    private SystemdQuoting() {
    }

    /** argv as an ExecStart=-style command line; argv[0] must be an absolute path. */
    public static String commandLine(List<String> argv) {
        return commandLine(argv, false);
    }

    /**
     * The same, but "%" left for systemd to expand: the arguments come from a definition file, whose author
     * may use specifiers (%n, %h, %t, %i) as in any unit file.
     */
    public static String commandLineWithSpecifiers(List<String> argv) {
        return commandLine(argv, true);
    }

    private static String commandLine(List<String> argv, boolean keepSpecifiers) {
        if (argv.isEmpty()) {
            throw new IllegalArgumentException("a command line needs at least the program to run");
        }
        String program = argv.get(0);
        if (!program.startsWith("/")) {
            // An absolute path also keeps systemd from reading a leading - @ + ! : as an ExecStart prefix.
            throw new IllegalArgumentException("the program of a unit's command line must be an absolute path,"
                    + " got \"" + program + "\"");
        }
        StringBuilder line = new StringBuilder();
        for (String argument : argv) {
            if (line.length() > 0) {
                line.append(' ');
            }
            line.append(quote(argument, keepSpecifiers));
        }
        return line.toString();
    }

    /**
     * One argument: left bare when it is made only of characters systemd passes through untouched,
     * otherwise in double quotes with C escapes. "$" and "%" are doubled either way: systemd expands
     * variables and specifiers inside quotes too.
     */
    public static String quoteArgument(String argument) {
        return quote(argument, false);
    }

    /**
     * One word of a definition file's list value (Exec=, Environment=, PodmanArgs=), which the generator splits
     * with {@link #splitWords} and passes on as one argument: "%" doubled, since the generator leaves specifiers
     * for systemd, but "$" kept, since the generator's own command line quotes it.
     */
    public static String definitionWord(String word) {
        return quote(word, false, false);
    }

    private static String quote(String argument, boolean keepSpecifiers) {
        return quote(argument, keepSpecifiers, true);
    }

    private static String quote(String argument, boolean keepSpecifiers, boolean expandsVariables) {
        if (!argument.isEmpty() && isPlain(argument, keepSpecifiers)) {
            return argument;
        }
        StringBuilder quoted = new StringBuilder(argument.length() + 8).append('"');
        for (int i = 0; i < argument.length(); i++) {
            char c = argument.charAt(i);
            switch (c) {
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                case '\n' -> quoted.append("\\n");
                case '\t' -> quoted.append("\\t");
                case '\r' -> quoted.append("\\r");
                case '$' -> quoted.append(expandsVariables ? "$$" : "$");
                case '%' -> quoted.append(keepSpecifiers ? "%" : "%%");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        quoted.append(String.format("\\x%02x", (int) c));
                    } else {
                        quoted.append(c);
                    }
                }
            }
        }
        return quoted.append('"').toString();
    }

    /** A plain setting value (Description=, SyslogIdentifier=) with specifiers disarmed. */
    public static String escapeSpecifiers(String value) {
        if (value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0) {
            throw new IllegalArgumentException("a unit setting must be one line, got \"" + value + "\"");
        }
        return value.replace("%", "%%");
    }

    /**
     * Splits a value into words as systemd does for command lines and list settings: whitespace separates,
     * single and double quotes group, a backslash escapes the next character (C escapes such as \n and \t
     * are decoded).
     */
    public static List<String> splitWords(String value) {
        List<String> words = new java.util.ArrayList<>();
        StringBuilder word = null;
        char quote = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\') {
                if (i + 1 >= value.length()) {
                    throw new IllegalArgumentException("a backslash ends the value: " + value);
                }
                char next = value.charAt(++i);
                word = word == null ? new StringBuilder() : word;
                word.append(switch (next) {
                    case 'n' -> '\n';
                    case 't' -> '\t';
                    case 'r' -> '\r';
                    default -> next;
                });
            } else if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else {
                    word.append(c);
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
                word = word == null ? new StringBuilder() : word;
            } else if (Character.isWhitespace(c)) {
                if (word != null) {
                    words.add(word.toString());
                    word = null;
                }
            } else {
                word = word == null ? new StringBuilder() : word;
                word.append(c);
            }
        }
        if (quote != 0) {
            throw new IllegalArgumentException("unbalanced quotes in: " + value);
        }
        if (word != null) {
            words.add(word.toString());
        }
        return words;
    }

    private static boolean isPlain(String argument, boolean keepSpecifiers) {
        for (int i = 0; i < argument.length(); i++) {
            char c = argument.charAt(i);
            boolean plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || "_-./:=,+@".indexOf(c) >= 0 || (keepSpecifiers && c == '%');
            if (!plain) {
                return false;
            }
        }
        return true;
    }
}
