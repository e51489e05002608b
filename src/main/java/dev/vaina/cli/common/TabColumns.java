package dev.vaina.cli.common;

import java.util.ArrayList;
import java.util.List;

/**
 * Aligns tab-separated cells into columns exactly as Go's text/tabwriter does with Podman's settings (minimum
 * width 12, padding 2, spaces): consecutive lines that have a cell in a column form a block, and every cell of
 * the block is padded to the block's widest cell. The last cell of a line is never padded.
 */
final class TabColumns {
    private static final int MIN_WIDTH = 12;
    private static final int PADDING = 2;

    private final List<List<String>> lines = new ArrayList<>();
    private final List<Integer> widths = new ArrayList<>();
    private final StringBuilder out = new StringBuilder();

    private TabColumns(String text) {
        for (String line : text.split("\n", -1)) {
            lines.add(List.of(line.split("\t", -1)));
        }
    }

    static String align(String text) {
        TabColumns columns = new TabColumns(text);
        columns.format(0, columns.lines.size());
        return columns.out.toString();
    }

    private void format(int line0, int line1) {
        int column = widths.size();
        for (int current = line0; current < line1; current++) {
            if (column >= lines.get(current).size() - 1) {
                continue;
            }
            writeLines(line0, current);
            line0 = current;
            int width = MIN_WIDTH;
            for (; current < line1; current++) {
                List<String> line = lines.get(current);
                if (column >= line.size() - 1) {
                    break;
                }
                width = Math.max(width, length(line.get(column)) + PADDING);
            }
            widths.add(width);
            format(line0, current);
            widths.remove(widths.size() - 1);
            line0 = current;
        }
        writeLines(line0, line1);
    }

    private void writeLines(int line0, int line1) {
        for (int i = line0; i < line1; i++) {
            List<String> line = lines.get(i);
            for (int j = 0; j < line.size(); j++) {
                String cell = line.get(j);
                out.append(cell);
                if (j < widths.size()) {
                    out.append(" ".repeat(widths.get(j) - length(cell)));
                }
            }
            if (i + 1 < lines.size()) {
                out.append('\n');
            }
        }
    }

    private static int length(String cell) {
        return cell.codePointCount(0, cell.length());
    }
}
