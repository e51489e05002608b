package dev.vaina.cli.common;

import dev.vaina.gotemplate.GoStruct;
import dev.vaina.gotemplate.Template;
import dev.vaina.gotemplate.TemplateException;
import java.io.PrintWriter;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

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
    private static final Pattern JSON_OF_ALL = Pattern.compile("\\s*\\{\\{-?\\s*json\\s+\\.\\s*-?}}\\s*");
    private static final Pattern RANGE_OVER_ALL = Pattern.compile("\\{\\{-?\\s*range\\s+\\.\\s*-?}}");
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
        if (format.equals("json") || JSON_OF_ALL.matcher(format).matches()) {
            return new OutputFormat(Kind.JSON, null, executionErrorPrefix);
        }
        boolean table = format.startsWith(TABLE);
        String text = (table ? format.substring(TABLE.length()).replace(' ', '\t') : format)
                .replace("\\t", "\t").replace("\\n", "\n");
        if (!text.endsWith("\n")) {
            text += "\n";
        }
        if (list && !RANGE_OVER_ALL.matcher(text).find()) {
            text = "{{range .}}" + text + "{{end -}}";
        }
        try {
            return new OutputFormat(table ? Kind.TABLE : Kind.TEMPLATE, Template.parse(name, text), executionErrorPrefix);
        } catch (TemplateException e) {
            throw new CommandFailedException(ExitCodes.ENGINE, e.getMessage());
        }
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

    /** A row for templates: a struct named {@code type} whose fields are computed from {@code source}. */
    public static <S> GoStruct row(String type, Map<String, Function<S, Object>> fields, S source) {
        Map<String, Object> values = new LinkedHashMap<>();
        fields.forEach((name, value) -> values.put(name, value.apply(source)));
        return new GoStruct(type, values);
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
