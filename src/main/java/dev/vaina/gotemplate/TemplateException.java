package dev.vaina.gotemplate;

/**
 * A template that does not parse or fails while it runs. The message has Go's shape, e.g.
 * {@code template: ps:1: function "nofunc" not defined} or
 * {@code template: ps:1:13: executing "ps" at <.Foo>: can't evaluate field Foo in type T}.
 */
public final class TemplateException extends Exception {
    public TemplateException(String message) {
        super(message);
    }
}
