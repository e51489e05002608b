package dev.vaina.gotemplate;

/**
 * A parsed template in the language of Go's text/template, the subset that container tools' {@code --format}
 * options use: fields, variables, pipelines, if/else/range/with, and the functions of Go and Podman.
 *
 * <p>The data model: a {@link java.util.Map} is a Go map (a missing key has no value; printed with sorted
 * keys), a {@link GoStruct} is a Go struct (a missing field is an error), a {@link java.util.List} is a slice,
 * and Strings, Numbers, Booleans and null are Go's basic values.
 */
public final class Template {
    private final String name;
    private final String text;
    private final Node.ListNode root;

    private Template(String name, String text, Node.ListNode root) {
        this.name = name;
        this.text = text;
        this.root = root;
    }

    /** Parses {@code text}; {@code name} is how error messages name it ("template: NAME:1: ..."). */
    public static Template parse(String name, String text) throws TemplateException {
        return new Template(name, text, Parser.parse(name, text));
    }

    public String name() {
        return name;
    }

    /** Runs the template; on failure, {@code out} keeps what was written before the failing action. */
    public void execute(Object data, StringBuilder out) throws TemplateException {
        new Executor(name, text, out).execute(root, data);
    }

    public String execute(Object data) throws TemplateException {
        StringBuilder out = new StringBuilder();
        execute(data, out);
        return out.toString();
    }
}
