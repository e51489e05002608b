package dev.vaina.unit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A systemd unit file (or a Quadlet-style definition file) as ordered sections of ordered, repeatable keys.
 * Lines that were parsed and not changed are written back byte for byte, comments and continuation lines
 * included, so a file that only gains a key keeps its reader's layout. Sections of the same name are read as
 * one, as systemd does. Not thread-safe.
 */
public final class UnitFile {
    /** A key and its value, continuation lines already joined. */
    public record Entry(String key, String value) {
    }

    /** An assignment with where it was read: the file's origin and the line it starts on (0 for one set later). */
    public record Located(String key, String value, String origin, int line) {
    }

    /** One physical-or-logical line: a comment/blank line (key == null) or an assignment. */
    private static final class Line {
        final String key;
        String value;
        /** The text as read, written back while the value is unchanged; null once set. */
        String raw;
        /** The line number the assignment starts on, 0 for one added later. */
        final int number;

        Line(String key, String value, String raw) {
            this(key, value, raw, 0);
        }

        Line(String key, String value, String raw, int number) {
            this.key = key;
            this.value = value;
            this.raw = raw;
            this.number = number;
        }

        boolean isEntry() {
            return key != null;
        }

        String text() {
            return raw != null ? raw : key + "=" + value;
        }
    }

    private static final class Section {
        final String name;
        final String rawHeader;
        final List<Line> lines = new ArrayList<>();

        Section(String name, String rawHeader) {
            this.name = name;
            this.rawHeader = rawHeader;
        }
    }

    private final List<Line> preamble = new ArrayList<>();
    private final List<Section> sections = new ArrayList<>();
    private boolean finalNewline = true;
    private String origin = "";

    public static UnitFile read(Path file) throws IOException {
        return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
    }

    /** Parses text; origin (a file name) only serves error messages. */
    public static UnitFile parse(String text, String origin) {
        UnitFile unit = new UnitFile();
        unit.origin = origin;
        String[] lines = text.split("\n", -1);
        int count = lines.length;
        if (text.endsWith("\n")) {
            count--; // the empty string after the last newline is not a line
        } else {
            unit.finalNewline = text.isEmpty();
        }
        Section current = null;
        int i = 0;
        while (i < count) {
            int first = i;
            String line = lines[i++];
            String trimmed = line.strip();
            if (trimmed.isEmpty() || isComment(trimmed)) {
                (current == null ? unit.preamble : current.lines).add(new Line(null, null, line));
                continue;
            }
            if (trimmed.startsWith("[")) {
                if (!trimmed.endsWith("]") || trimmed.length() < 3) {
                    throw new UnitFileException(origin, first + 1, "invalid section header " + trimmed);
                }
                current = new Section(trimmed.substring(1, trimmed.length() - 1), line);
                unit.sections.add(current);
                continue;
            }
            if (current == null) {
                throw new UnitFileException(origin, first + 1, "assignment outside of a section: " + trimmed);
            }
            // Lines ending in a backslash continue on the next line, the backslash read as a space; comment
            // lines inside such a run are skipped, as systemd does.
            StringBuilder logical = new StringBuilder();
            String part = line;
            while (continues(part) && i < count) {
                String stripped = part.stripTrailing();
                logical.append(stripped, 0, stripped.length() - 1).append(' ');
                String next = lines[i++];
                while (isComment(next.strip()) && i < count) {
                    next = lines[i++];
                }
                part = next.stripLeading();
            }
            logical.append(part);
            int equals = logical.indexOf("=");
            if (equals < 0) {
                throw new UnitFileException(origin, first + 1, "expected KEY=VALUE, found " + trimmed);
            }
            String key = logical.substring(0, equals).strip();
            if (key.isEmpty()) {
                throw new UnitFileException(origin, first + 1, "assignment without a key: " + trimmed);
            }
            String value = logical.substring(equals + 1).strip();
            String raw = String.join("\n", Arrays.asList(lines).subList(first, i));
            current.lines.add(new Line(key, value, raw, first + 1));
        }
        return unit;
    }

    private static boolean isComment(String trimmed) {
        return trimmed.startsWith("#") || trimmed.startsWith(";");
    }

    /** An odd number of trailing backslashes: the last one is not itself escaped. */
    private static boolean continues(String line) {
        String stripped = line.stripTrailing();
        int backslashes = 0;
        for (int i = stripped.length() - 1; i >= 0 && stripped.charAt(i) == '\\'; i--) {
            backslashes++;
        }
        return backslashes % 2 == 1;
    }

    /** Section names in the order they first appear, each once. */
    public List<String> sectionNames() {
        List<String> names = new ArrayList<>();
        for (Section section : sections) {
            if (!names.contains(section.name)) {
                names.add(section.name);
            }
        }
        return names;
    }

    public boolean hasSection(String section) {
        return sectionNames().contains(section);
    }

    /** Every assignment of a section, in file order, empty values (resets) included. */
    public List<Entry> entries(String section) {
        List<Entry> entries = new ArrayList<>();
        for (Section s : sections) {
            if (s.name.equals(section)) {
                for (Line line : s.lines) {
                    if (line.isEntry()) {
                        entries.add(new Entry(line.key, line.value));
                    }
                }
            }
        }
        return entries;
    }

    /** Every assignment of a section with the line it was read from, in file order. */
    public List<Located> located(String section) {
        List<Located> entries = new ArrayList<>();
        for (Section s : sections) {
            if (s.name.equals(section)) {
                for (Line line : s.lines) {
                    if (line.isEntry()) {
                        entries.add(new Located(line.key, line.value, origin, line.number));
                    }
                }
            }
        }
        return entries;
    }

    /** The name the file was parsed under (its path, for a file read from disk). */
    public String origin() {
        return origin;
    }

    /** The value systemd uses for a single-valued key: the last assignment wins. */
    public Optional<String> lookupLast(String section, String key) {
        String found = null;
        for (Entry entry : entries(section)) {
            if (entry.key().equals(key)) {
                found = entry.value();
            }
        }
        return Optional.ofNullable(found);
    }

    /** The values of a list-valued key, where an empty assignment clears what came before, as in systemd. */
    public List<String> lookupAll(String section, String key) {
        List<String> values = new ArrayList<>();
        for (Entry entry : entries(section)) {
            if (entry.key().equals(key)) {
                if (entry.value().isEmpty()) {
                    values.clear();
                } else {
                    values.add(entry.value());
                }
            }
        }
        return values;
    }

    /** Makes key have exactly this one value: the first assignment is changed, later ones removed. */
    public void set(String section, String key, String value) {
        checkAssignment(key, value);
        Line kept = null;
        for (Section s : sections) {
            if (!s.name.equals(section)) {
                continue;
            }
            for (var it = s.lines.iterator(); it.hasNext();) {
                Line line = it.next();
                if (key.equals(line.key)) {
                    if (kept == null) {
                        kept = line;
                    } else {
                        it.remove();
                    }
                }
            }
        }
        if (kept == null) {
            add(section, key, value);
        } else {
            kept.value = value;
            kept.raw = null;
        }
    }

    /** Appends an assignment after the last assignment of the section, creating the section at the end. */
    public void add(String section, String key, String value) {
        checkAssignment(key, value);
        Section target = lastSection(section);
        if (target == null) {
            target = new Section(checkSectionName(section), "[" + section + "]");
            sections.add(target);
        }
        int at = 0;
        for (int i = 0; i < target.lines.size(); i++) {
            if (target.lines.get(i).isEntry()) {
                at = i + 1;
            }
        }
        target.lines.add(at, new Line(key, value, null));
    }

    /** Removes every assignment of key in the section. */
    public void unset(String section, String key) {
        for (Section s : sections) {
            if (s.name.equals(section)) {
                s.lines.removeIf(line -> key.equals(line.key));
            }
        }
    }

    /** Adds an empty section at the end if there is none of that name; a way to fix section order. */
    public void addSection(String section) {
        if (lastSection(section) == null) {
            sections.add(new Section(checkSectionName(section), "[" + section + "]"));
        }
    }

    public void removeSection(String section) {
        sections.removeIf(s -> s.name.equals(section));
    }

    private Section lastSection(String name) {
        Section found = null;
        for (Section s : sections) {
            if (s.name.equals(name)) {
                found = s;
            }
        }
        return found;
    }

    private static String checkSectionName(String section) {
        Objects.requireNonNull(section, "section");
        if (section.isEmpty() || section.contains("[") || section.contains("]") || section.contains("\n")) {
            throw new IllegalArgumentException("invalid unit file section name \"" + section + "\"");
        }
        return section;
    }

    private static void checkAssignment(String key, String value) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        if (key.isEmpty() || !key.equals(key.strip()) || key.contains("=") || key.contains("\n")
                || key.startsWith("[") || isComment(key)) {
            throw new IllegalArgumentException("invalid unit file key \"" + key + "\"");
        }
        if (value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0) {
            throw new IllegalArgumentException("the value of " + key + " must be one line, got \"" + value + "\"");
        }
    }

    /** The file's text: unchanged lines as read, changed and new ones as KEY=VALUE. */
    public String text() {
        StringBuilder out = new StringBuilder();
        for (Line line : preamble) {
            out.append(line.text()).append('\n');
        }
        for (Section section : sections) {
            out.append(section.rawHeader).append('\n');
            for (Line line : section.lines) {
                out.append(line.text()).append('\n');
            }
        }
        if (!finalNewline && out.length() > 0) {
            out.setLength(out.length() - 1);
        }
        return out.toString();
    }

    @Override
    public String toString() {
        return text();
    }
}
