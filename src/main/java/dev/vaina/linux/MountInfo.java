package dev.vaina.linux;

import java.io.ByteArrayOutputStream;
import java.io.FileInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Lines of a mount table ({@code /proc/PID/mountinfo}), found without reading the whole table as text.
 *
 * <p>The table grows with every mount in the namespace, other engines' containers' root file systems and shared
 * memory among them (300 lines and 80 KB with 100 of them running). Decoded and split line by line, as a process
 * that has not compiled its code yet does it, each read of it cost a container's launcher about 6 ms; here the
 * bytes are taken as they are (one char per byte) and searched for what the caller wants, and only the lines that
 * hold it are split. Fields stay in the table's form: UTF-8 bytes one char each, with the space, tab, newline and
 * backslash of a path written as octal escapes ({@link #escape} gives a path that form, {@link #path} reads one).
 */
public final class MountInfo {
    private MountInfo() {
    }

    /** The table of {@code mountinfo} (a /proc/PID/mountinfo file), one char per byte. */
    public static String read(Path mountinfo) throws IOException {
        // A FileInputStream: a file channel (Files.readAllBytes) costs twice as much to set up and use.
        try (FileInputStream in = new FileInputStream(mountinfo.toString())) {
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }

    /** The lines of {@code table} that contain {@code text}, each split at its spaces, in the table's order. */
    public static List<String[]> linesContaining(String table, String text) {
        List<String[]> lines = new ArrayList<>();
        int at = table.indexOf(text);
        while (at >= 0) {
            int start = table.lastIndexOf('\n', at) + 1;
            int end = table.indexOf('\n', at);
            if (end < 0) {
                end = table.length();
            }
            lines.add(table.substring(start, end).split(" "));
            at = table.indexOf(text, end);
        }
        return lines;
    }

    /**
     * The fields of the last line whose mount point (the fifth field) is {@code mountPoint}, the mount seen there;
     * null when nothing is mounted there.
     */
    public static String[] mountAt(String table, Path mountPoint) {
        String point = escape(mountPoint.toString());
        String[] found = null;
        for (String[] fields : linesContaining(table, " " + point + " ")) {
            if (fields.length > 4 && fields[4].equals(point)) {
                found = fields;
            }
        }
        return found;
    }

    /** A path as the table writes it: its UTF-8 bytes, one char each, space, tab, newline and backslash in octal. */
    public static String escape(String path) {
        StringBuilder escaped = new StringBuilder();
        for (byte b : path.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c == ' ' || c == '\t' || c == '\n' || c == '\\') {
                escaped.append('\\').append((char) ('0' + (c >> 6))).append((char) ('0' + ((c >> 3) & 7)))
                        .append((char) ('0' + (c & 7)));
            } else {
                escaped.append((char) c);
            }
        }
        return escaped.toString();
    }

    /** The path a field of the table names: its octal escapes read, its bytes decoded as UTF-8. */
    public static Path path(String field) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(field.length());
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            if (c == '\\' && i + 3 < field.length() && isOctal(field, i + 1)) {
                bytes.write(Integer.parseInt(field, i + 1, i + 4, 8));
                i += 3;
            } else {
                bytes.write(c);
            }
        }
        return Path.of(bytes.toString(StandardCharsets.UTF_8));
    }

    private static boolean isOctal(String field, int from) {
        for (int i = from; i < from + 3; i++) {
            char c = field.charAt(i);
            if (c < '0' || c > '7') {
                return false;
            }
        }
        return true;
    }
}
