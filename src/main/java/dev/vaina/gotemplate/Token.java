package dev.vaina.gotemplate;

/** One lexical item of a template; {@code pos} is its offset in the template text. */
record Token(Kind kind, String text, int pos, boolean spaceBefore) {
    enum Kind {
        TEXT, LEFT_DELIM, RIGHT_DELIM, FIELD, DOT, VARIABLE, IDENTIFIER, STRING, RAW_STRING, CHAR, NUMBER, BOOL, NIL,
        PIPE, LEFT_PAREN, RIGHT_PAREN, DECLARE, ASSIGN, COMMA, IF, ELSE, END, RANGE, WITH, BREAK, CONTINUE,
        UNSUPPORTED_KEYWORD, EOF
    }

    /** How Go's parser names an item in "unexpected ..." messages. */
    String describe() {
        return switch (kind) {
            case EOF -> "EOF";
            case RIGHT_DELIM -> "\"}}\"";
            case LEFT_DELIM -> "\"{{\"";
            case STRING, RAW_STRING, CHAR, NUMBER -> text;
            default -> "<" + text + ">";
        };
    }
}
