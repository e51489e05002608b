package dev.vaina.spec;

import java.util.Locale;
import java.util.Map;

/** Linux signal names and numbers (x86_64 and aarch64 agree on these). */
public final class Signals {
    private static final Map<String, Integer> NUMBERS = Map.ofEntries(
            Map.entry("HUP", 1), Map.entry("INT", 2), Map.entry("QUIT", 3), Map.entry("ILL", 4),
            Map.entry("TRAP", 5), Map.entry("ABRT", 6), Map.entry("IOT", 6), Map.entry("BUS", 7),
            Map.entry("FPE", 8), Map.entry("KILL", 9), Map.entry("USR1", 10), Map.entry("SEGV", 11),
            Map.entry("USR2", 12), Map.entry("PIPE", 13), Map.entry("ALRM", 14), Map.entry("TERM", 15),
            Map.entry("STKFLT", 16), Map.entry("CHLD", 17), Map.entry("CONT", 18), Map.entry("STOP", 19),
            Map.entry("TSTP", 20), Map.entry("TTIN", 21), Map.entry("TTOU", 22), Map.entry("URG", 23),
            Map.entry("XCPU", 24), Map.entry("XFSZ", 25), Map.entry("VTALRM", 26), Map.entry("PROF", 27),
            Map.entry("WINCH", 28), Map.entry("IO", 29), Map.entry("POLL", 29), Map.entry("PWR", 30),
            Map.entry("SYS", 31));

    private Signals() {
    }

    /** Parses "TERM", "SIGTERM", "sigterm" or "15" into a signal number. */
    public static int parse(String text) {
        if (text == null || text.isEmpty()) {
            throw new InvalidSpecException("invalid signal: the signal is empty");
        }
        try {
            int number = Integer.parseInt(text);
            if (number >= 1 && number <= 64) {
                return number;
            }
        } catch (NumberFormatException e) {
            String name = text.toUpperCase(Locale.ROOT);
            if (name.startsWith("SIG")) {
                name = name.substring(3);
            }
            Integer number = NUMBERS.get(name);
            if (number != null) {
                return number;
            }
        }
        throw new InvalidSpecException("invalid signal: " + text);
    }

    /** The conventional name of a signal number, such as "SIGTERM". */
    public static String name(int number) {
        // A loop, not a stream: `inspect` then links no lambda (a JVM's first one costs about 4 ms).
        for (Map.Entry<String, Integer> e : NUMBERS.entrySet()) {
            if (e.getValue() == number && !e.getKey().equals("IOT") && !e.getKey().equals("POLL")) {
                return "SIG" + e.getKey();
            }
        }
        return Integer.toString(number);
    }
}
