package dev.vaina.cli.common;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/** Podman's plain tables: columns padded to the widest cell, separated by two or more spaces. */
public final class Table {
    private final List<String[]> rows = new ArrayList<>();
    private int minimumWidth;

    public Table(String... headers) {
        rows.add(headers);
    }

    /**
     * Columns at least this wide, separator included, as the tables of Podman's `top` and `stats` are
     * (Go's tabwriter with a minimum cell width of 12).
     */
    public Table minimumWidth(int width) {
        this.minimumWidth = width;
        return this;
    }

    public void add(String... cells) {
        rows.add(cells);
    }

    public void print(PrintWriter out) {
        print(out, true);
    }

    /** Without the header row (--noheading), in the columns it would have had. */
    public void printRows(PrintWriter out) {
        print(out, false);
    }

    private void print(PrintWriter out, boolean header) {
        int columns = rows.get(0).length;
        int[] widths = new int[columns];
        for (String[] row : rows) {
            for (int i = 0; i < columns; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        StringBuilder line = new StringBuilder();
        for (String[] row : header ? rows : rows.subList(1, rows.size())) {
            line.setLength(0);
            for (int i = 0; i < columns; i++) {
                line.append(row[i]);
                if (i < columns - 1) {
                    line.append(" ".repeat(Math.max(widths[i] + 2, minimumWidth) - row[i].length()));
                }
            }
            out.println(line.toString().stripTrailing());
        }
        out.flush();
    }
}
