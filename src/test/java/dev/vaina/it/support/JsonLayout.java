package dev.vaina.it.support;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The layout of a printed JSON document, apart from its content: how deep each line is and how many spaces a
 * level is, the shape of each line (strings as S, other scalars as V: {@code S: S}, {@code S: [},
 * {@code ]}, ...), and the exact text before the value of each member, by its path.
 */
public final class JsonLayout {
    private static final Pattern STRING = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"");
    private static final Pattern SCALAR = Pattern.compile("-?[0-9][0-9.eE+-]*|true|false|null");

    /** Spaces per level; 0 when every line is at the top level. */
    public final int indentUnit;
    /** Every line's shape, without its indentation and trailing comma: "S: S", "S: []", "}". */
    public final Set<String> shapes = new LinkedHashSet<>();
    /** For each member (path of keys, like "/State/Status"), its line up to the value: {@code "     \"Id\": "}. */
    public final Map<String, String> memberPrefixes = new LinkedHashMap<>();
    /** Lines whose indentation is not depth times the unit. */
    public final List<String> misindented = new ArrayList<>();

    public JsonLayout(String json) {
        List<String> keys = new ArrayList<>();
        int depth = 0;
        int unit = 0;
        List<String[]> lines = new ArrayList<>();
        for (String line : json.split("\n")) {
            String body = line.stripLeading();
            int indent = line.length() - body.length();
            if (body.startsWith("]") || body.startsWith("}")) {
                depth--;
                if (keys.size() > depth) {
                    keys.subList(Math.max(depth, 0), keys.size()).clear();
                }
            }
            if (unit == 0 && depth > 0 && indent > 0) {
                unit = indent / depth;
            }
            lines.add(new String[] {line, String.valueOf(depth), String.valueOf(indent)});
            String shape = SCALAR.matcher(STRING.matcher(body).replaceAll("S")).replaceAll("V");
            // whether a comma follows depends on what comes next, not on the layout
            shapes.add(shape.endsWith(",") ? shape.substring(0, shape.length() - 1) : shape);
            var member = STRING.matcher(body);
            if (shape.startsWith("S: ") && member.lookingAt()) {
                String key = body.substring(1, member.end() - 1);
                while (keys.size() > depth) {
                    keys.remove(keys.size() - 1);
                }
                while (keys.size() < depth) {
                    keys.add("[]");
                }
                memberPrefixes.putIfAbsent(String.join("/", keys) + "/" + key,
                        line.substring(0, indent + member.end() + 2));
                if (shape.endsWith("{") || shape.endsWith("[")) {
                    keys.add(key);
                }
            }
            if (shape.endsWith("{") || shape.endsWith("[")) {
                depth++;
            }
        }
        this.indentUnit = unit;
        for (String[] line : lines) {
            if (Integer.parseInt(line[2]) != Integer.parseInt(line[1]) * unit) {
                misindented.add(line[0]);
            }
        }
    }
}
