package dev.vaina.cli.common;

import dev.vaina.gotemplate.ComputedFields;
import dev.vaina.gotemplate.GoStruct;
import dev.vaina.gotemplate.Template;
import dev.vaina.gotemplate.TemplateException;
import java.io.PrintWriter;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A {@code --format} value read the way Podman reads it: {@code json} (or {@code {{json .}}}), {@code table}
 * (the command's own table), {@code table TEMPLATE} (a header row, then one row per object, in aligned
 * columns), or any other Go template, printed once per object.
 *
 * <p>As in Podman, {@code \t} and {@code \n} written as two characters stand for a tab and a newline, every
 * object's output ends with a newline, a list template runs inside {@code {{range .}}...{{end}}} (so its errors
 * count columns from there, as Podman's do), and in a table every space of the template separates columns.
 */
public final class OutputFormat {
    private static final String TABLE = "table ";

    private enum Kind { DEFAULT, JSON, TABLE, TEMPLATE }

    private final Kind kind;
    private final Template template;
    private final String executionErrorPrefix;

    private OutputFormat(Kind kind, Template template, String executionErrorPrefix) {
        this.kind = kind;
        this.template = template;
        this.executionErrorPrefix = executionErrorPrefix;
    }

    /** The format of a command that prints a list (ps, images, inspect); {@code name} names the template in errors. */
    public static OutputFormat forList(String format, String name) {
        return parse(format, name, true, "");
    }

    /** Like {@link #forList}, with Podman's prefix before an error of a running template. */
    public static OutputFormat forList(String format, String name, String executionErrorPrefix) {
        return parse(format, name, true, executionErrorPrefix);
    }

    /** The format of a command that prints one object (version). */
    public static OutputFormat forObject(String format, String name) {
        return parse(format, name, false, "");
    }

    private static OutputFormat parse(String format, String name, boolean list, String executionErrorPrefix) {
        if (format == null || format.equals("table")) {
            return new OutputFormat(Kind.DEFAULT, null, executionErrorPrefix);
        }
        if (format.equals("json") || isJsonOfAll(format)) {
            return new OutputFormat(Kind.JSON, null, executionErrorPrefix);
        }
        boolean table = format.startsWith(TABLE);
        String text = (table ? format.substring(TABLE.length()).replace(' ', '\t') : format)
                .replace("\\t", "\t").replace("\\n", "\n");
        if (!text.endsWith("\n")) {
            text += "\n";
        }
        if (list && !rangesOverAll(text)) {
            text = "{{range .}}" + text + "{{end -}}";
        }
        try {
            return new OutputFormat(table ? Kind.TABLE : Kind.TEMPLATE, Template.parse(name, text), executionErrorPrefix);
        } catch (TemplateException e) {
            throw new CommandFailedException(ExitCodes.ENGINE, e.getMessage());
        }
    }

    // The two checks read the text by hand: as java.util.regex patterns they were compiled by every command that
    // loads this class, a plain `images` or `ps` too, which never needs them. They accept what
    // \s*\{\{-?\s*json\s+\.\s*-?}}\s* and \{\{-?\s*range\s+\.\s*-?}} matched, and nothing else; OutputFormatTest
    // holds them to it.

    /** Whether {@code format} is {@code {{json .}}} alone, with spaces around it. */
    static boolean isJsonOfAll(String format) {
        int end = actionOnDot(format, skipSpaces(format, 0), "json");
        return end >= 0 && skipSpaces(format, end) == format.length();
    }

    /** Whether {@code text} has a {@code {{range .}}} anywhere: the template ranges over the list itself. */
    static boolean rangesOverAll(String text) {
        for (int at = text.indexOf("{{"); at >= 0; at = text.indexOf("{{", at + 1)) {
            if (actionOnDot(text, at, "range") >= 0) {
                return true;
            }
        }
        return false;
    }

    /**
     * Where an action {@code {{WORD .}}} that starts at {@code at} ends, or -1 when none starts there. Go's trim
     * markers may stand inside the braces, spaces after the opening marker and around the dot, and at least one
     * space must part the word from the dot.
     */
    private static int actionOnDot(String text, int at, String word) {
        if (!text.startsWith("{{", at)) {
            return -1;
        }
        int wordAt = skipSpaces(text, skipTrimMarker(text, at + 2));
        if (!text.startsWith(word, wordAt)) {
            return -1;
        }
        int dot = skipSpaces(text, wordAt + word.length());
        if (dot == wordAt + word.length() || !text.startsWith(".", dot)) {
            return -1;
        }
        int close = skipTrimMarker(text, skipSpaces(text, dot + 1));
        return text.startsWith("}}", close) ? close + 2 : -1;
    }

    private static int skipTrimMarker(String text, int at) {
        return at < text.length() && text.charAt(at) == '-' ? at + 1 : at;
    }

    /** The first index from {@code at} on that holds no space as a pattern's \s means it (ASCII's six). */
    private static int skipSpaces(String text, int at) {
        int i = at;
        while (i < text.length() && " \t\n\u000B\f\r".indexOf(text.charAt(i)) >= 0) {
            i++;
        }
        return i;
    }

    /** No format, or {@code table}: the command prints its own table. */
    public boolean isDefault() {
        return kind == Kind.DEFAULT;
    }

    /** {@code json} or {@code {{json .}}}: the command prints its JSON. */
    public boolean isJson() {
        return kind == Kind.JSON;
    }

    /**
     * Prints {@code data} (the list of objects, or the one object) through the template. A table gets a header
     * row first, made by running the template on {@code headers} (field name to column title), when there are any.
     * A template that fails leaves what it printed before the failure, as Podman's do.
     */
    public void print(PrintWriter out, Object data, Map<String, String> headers) {
        StringBuilder text = new StringBuilder();
        try {
            if (kind == Kind.TABLE && headers != null) {
                template.execute(List.of(headers), text);
            }
            template.execute(data, text);
        } catch (TemplateException e) {
            out.print(kind == Kind.TABLE ? TabColumns.align(text.toString()) : text);
            out.flush();
            throw new CommandFailedException(ExitCodes.ENGINE, executionErrorPrefix + e.getMessage());
        }
        out.print(kind == Kind.TABLE ? TabColumns.align(text.toString()) : text);
        out.flush();
    }

    /**
     * A row for templates: a struct named {@code type} whose fields are computed from {@code source}, each when the
     * template first reads it.
     */
    public static <S> GoStruct row(String type, Map<String, Function<S, Object>> fields, S source) {
        return new GoStruct(type, new ComputedFields<>(fields, source));
    }

    /**
     * A row type's fields from the enum that names them, each constant the field of its name, in the struct's order.
     * An enum whose one method switches over its constants, rather than a function per field written as a lambda:
     * a command's first lambda sets the JVM's method-handle machinery up (`ps --format` 55.3 -> 47.6 ms).
     */
    public static <S, F extends Enum<F> & Function<S, Object>> Map<String, Function<S, Object>> fields(F[] constants) {
        Map<String, Function<S, Object>> fields = new LinkedHashMap<>();
        for (F field : constants) {
            fields.put(field.name(), field);
        }
        return fields;
    }

    /**
     * Column titles for a row's fields as Podman derives them: the field name split into words and upper-cased
     * ({@code CreatedAt} is CREATED AT, {@code ImageID} is IMAGE ID), unless the command names the column itself.
     */
    public static Map<String, String> headers(Collection<String> fields, Map<String, String> titles) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (String field : fields) {
            headers.put(field, titles.getOrDefault(field, words(field).toUpperCase()));
        }
        return headers;
    }

    private static String words(String field) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            boolean startsWord = i > 0 && Character.isUpperCase(c) && (Character.isLowerCase(field.charAt(i - 1))
                    || (i + 1 < field.length() && Character.isLowerCase(field.charAt(i + 1))
                            && Character.isUpperCase(field.charAt(i - 1))));
            out.append(startsWord ? " " : "").append(c);
        }
        return out.toString();
    }
}
