package dev.vaina.spec.toml;

/**
 * A document that is not TOML 1.0.0, with where it went wrong: the line and column (both from 1, the column
 * counted in characters) and what is wrong there. Checked, so that every reader of a configuration file decides
 * how to report a broken one; an unreadable file stays an {@link java.io.IOException}.
 */
public final class TomlException extends Exception {
    private final int line;
    private final int column;
    private final String problem;

    public TomlException(int line, int column, String problem) {
        super("line " + line + ", column " + column + ": " + problem);
        this.line = line;
        this.column = column;
        this.problem = problem;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }

    /** What is wrong and what is allowed, without the position (which {@link #getMessage} starts with). */
    public String problem() {
        return problem;
    }
}
