package dev.vaina.cli.common;

import dev.vaina.spec.InvalidSpecException;
import java.util.ArrayList;
import java.util.List;

/** --entrypoint takes either a plain command or a JSON array of strings, as Podman's does. */
public final class EntrypointParser {
    private EntrypointParser() {
    }

    public static List<String> parse(String text) {
        if (text.isEmpty()) {
            return List.of();
        }
        if (!text.strip().startsWith("[")) {
            return List.of(text);
        }
        try {
            Object parsed = com.fasterxml.jackson.jr.ob.JSON.std.anyFrom(text);
            List<String> args = new ArrayList<>();
            if (parsed instanceof List<?> list) {
                for (Object item : list) {
                    if (!(item instanceof String s)) {
                        throw new InvalidSpecException("invalid --entrypoint " + text + ": the JSON array must hold strings only");
                    }
                    args.add(s);
                }
                return args;
            }
        } catch (java.io.IOException e) {
            // reported below
        }
        throw new InvalidSpecException("invalid --entrypoint " + text + ": give a command or a JSON array of strings");
    }
}
