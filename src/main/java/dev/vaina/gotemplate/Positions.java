package dev.vaina.gotemplate;

/** Line and column of an offset, counted as Go's template errors count them. */
final class Positions {
    private Positions() {
    }

    static int line(String text, int pos) {
        int line = 1;
        for (int i = 0; i < pos && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    /** Go reports the offset from the start of the line, counting from 0 on the first line. */
    static String lineAndColumn(String text, int pos) {
        int lastNewline = text.lastIndexOf('\n', Math.max(0, pos - 1));
        int column = lastNewline < 0 ? pos : pos - lastNewline - 1;
        return line(text, pos) + ":" + column;
    }
}
