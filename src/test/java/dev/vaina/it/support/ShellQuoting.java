package dev.vaina.it.support;

import java.util.List;
import java.util.stream.Collectors;

/** Joins arguments into one POSIX shell command line, each single-quoted. */
final class ShellQuoting {

    private ShellQuoting() {
    }

    static String join(List<String> args) {
        return args.stream().map(ShellQuoting::quote).collect(Collectors.joining(" "));
    }

    static String quote(String arg) {
        return "'" + arg.replace("'", "'\\''") + "'";
    }
}
