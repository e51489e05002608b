package dev.vaina.gotemplate;

import dev.vaina.gotemplate.Token.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Splits a template into text and the items of its actions, honouring Go's trim markers and comments. */
final class Lexer {
    private static final Map<String, Kind> KEYWORDS = Map.ofEntries(Map.entry("if", Kind.IF),
            Map.entry("else", Kind.ELSE), Map.entry("end", Kind.END), Map.entry("range", Kind.RANGE),
            Map.entry("with", Kind.WITH), Map.entry("break", Kind.BREAK), Map.entry("continue", Kind.CONTINUE),
            Map.entry("nil", Kind.NIL), Map.entry("true", Kind.BOOL), Map.entry("false", Kind.BOOL),
            Map.entry("define", Kind.UNSUPPORTED_KEYWORD), Map.entry("template", Kind.UNSUPPORTED_KEYWORD),
            Map.entry("block", Kind.UNSUPPORTED_KEYWORD));

    private final String name;
    private final String text;
    private final List<Token> tokens = new ArrayList<>();
    private int pos;

    private Lexer(String name, String text) {
        this.name = name;
        this.text = text;
    }

    static List<Token> lex(String name, String text) throws TemplateException {
        Lexer lexer = new Lexer(name, text);
        lexer.run();
        return lexer.tokens;
    }

    private void run() throws TemplateException {
        boolean trimLeadingSpace = false;
        while (pos < text.length()) {
            int open = text.indexOf("{{", pos);
            int end = open < 0 ? text.length() : open;
            boolean trimTrailingSpace = open >= 0 && isTrimMarker(open + 2);
            String chunk = text.substring(pos, end);
            // Go trims ASCII spaces, tabs, carriage returns and newlines only.
            int from = 0;
            int to = chunk.length();
            while (trimLeadingSpace && from < to && isSpace(chunk.charAt(from))) {
                from++;
            }
            while (trimTrailingSpace && to > from && isSpace(chunk.charAt(to - 1))) {
                to--;
            }
            chunk = chunk.substring(from, to);
            if (!chunk.isEmpty()) {
                tokens.add(new Token(Kind.TEXT, chunk, pos, false));
            }
            if (open < 0) {
                break;
            }
            pos = open + 2 + (trimTrailingSpace ? 2 : 0);
            trimLeadingSpace = text.startsWith("/*", pos) ? comment(open) : action(open);
        }
        tokens.add(new Token(Kind.EOF, "", text.length(), false));
    }

    /** "{{- " and " -}}": the dash must be separated from the action by a space. */
    private boolean isTrimMarker(int at) {
        return at + 1 < text.length() && text.charAt(at) == '-' && isSpace(text.charAt(at + 1));
    }

    private boolean comment(int open) throws TemplateException {
        int close = text.indexOf("*/", pos + 2);
        if (close < 0) {
            throw error(open, "unclosed comment");
        }
        pos = close + 2;
        boolean trim = text.startsWith(" -}}", pos);
        if (!trim && !text.startsWith("}}", pos)) {
            throw error(open, "comment ends before closing delimiter");
        }
        pos += trim ? 4 : 2;
        return trim;
    }

    /** Lexes one action after its "{{"; returns whether it ended with a trim marker. */
    private boolean action(int open) throws TemplateException {
        tokens.add(new Token(Kind.LEFT_DELIM, "{{", open, false));
        boolean space = false;
        while (true) {
            if (pos >= text.length()) {
                throw error(open, "unclosed action");
            }
            char c = text.charAt(pos);
            if (isSpace(c)) {
                if (text.startsWith("-}}", pos + 1)) {
                    tokens.add(new Token(Kind.RIGHT_DELIM, "}}", pos + 2, true));
                    pos += 4;
                    return true;
                }
                pos++;
                space = true;
                continue;
            }
            if (text.startsWith("}}", pos)) {
                tokens.add(new Token(Kind.RIGHT_DELIM, "}}", pos, space));
                pos += 2;
                return false;
            }
            item(open, c, space);
            space = false;
        }
    }

    private void item(int open, char c, boolean space) throws TemplateException {
        int start = pos;
        switch (c) {
            case '|' -> single(Kind.PIPE, space);
            case '(' -> single(Kind.LEFT_PAREN, space);
            case ')' -> single(Kind.RIGHT_PAREN, space);
            case ',' -> single(Kind.COMMA, space);
            case '=' -> single(Kind.ASSIGN, space);
            case ':' -> {
                if (!text.startsWith(":=", pos)) {
                    throw error(open, "expected :=");
                }
                pos += 2;
                tokens.add(new Token(Kind.DECLARE, ":=", start, space));
            }
            case '"' -> quoted(open, '"', Kind.STRING, "unterminated quoted string", space);
            case '`' -> quoted(open, '`', Kind.RAW_STRING, "unterminated raw quoted string", space);
            case '\'' -> quoted(open, '\'', Kind.CHAR, "unterminated character constant", space);
            case '$' -> {
                pos++;
                word();
                tokens.add(new Token(Kind.VARIABLE, text.substring(start, pos), start, space));
            }
            case '.' -> {
                if (pos + 1 < text.length() && Character.isDigit(text.charAt(pos + 1))) {
                    number(space);
                } else {
                    pos++;
                    word();
                    tokens.add(new Token(pos - start == 1 ? Kind.DOT : Kind.FIELD, text.substring(start, pos), start, space));
                }
            }
            default -> {
                if (Character.isDigit(c) || ((c == '-' || c == '+') && pos + 1 < text.length()
                        && (Character.isDigit(text.charAt(pos + 1)) || text.charAt(pos + 1) == '.'))) {
                    number(space);
                } else if (Character.isLetter(c) || c == '_') {
                    word();
                    String word = text.substring(start, pos);
                    tokens.add(new Token(KEYWORDS.getOrDefault(word, Kind.IDENTIFIER), word, start, space));
                } else {
                    throw error(open, String.format("bad character U+%04X '%s'", (int) c, c));
                }
            }
        }
    }

    private void single(Kind kind, boolean space) {
        tokens.add(new Token(kind, String.valueOf(text.charAt(pos)), pos, space));
        pos++;
    }

    private void word() {
        while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_')) {
            pos++;
        }
    }

    private void number(boolean space) {
        int start = pos;
        pos++;
        while (pos < text.length()) {
            char c = text.charAt(pos);
            boolean exponentSign = (c == '+' || c == '-') && "eEpP".indexOf(text.charAt(pos - 1)) >= 0;
            if (!Character.isLetterOrDigit(c) && c != '.' && c != '_' && !exponentSign) {
                break;
            }
            pos++;
        }
        tokens.add(new Token(Kind.NUMBER, text.substring(start, pos), start, space));
    }

    private void quoted(int open, char quote, Kind kind, String unterminated, boolean space) throws TemplateException {
        int start = pos;
        pos++;
        while (true) {
            if (pos >= text.length() || (quote != '`' && text.charAt(pos) == '\n')) {
                throw error(open, unterminated);
            }
            char c = text.charAt(pos++);
            if (c == '\\' && quote != '`') {
                pos++;
            } else if (c == quote) {
                break;
            }
        }
        tokens.add(new Token(kind, text.substring(start, pos), start, space));
    }

    private TemplateException error(int at, String message) {
        return new TemplateException("template: " + name + ":" + Positions.line(text, at) + ": " + message);
    }

    static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\n';
    }
}
