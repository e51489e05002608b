package dev.vaina.spec.toml;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A TOML table as {@link TomlParser} read it: its keys in the order the document defined them, each with the line
 * and column where it was defined (so that a reader of a configuration file can say where a bad value is), and
 * values as plain Java objects: {@code String}, {@code Long}, {@code Double}, {@code Boolean}, {@link TomlDateTime},
 * {@code TomlTable} and unmodifiable {@code List<Object>} (an array of tables is a list of TomlTable). Read-only
 * outside this package; two tables are equal when their keys and values are.
 */
public final class TomlTable {
    /*
     * How a table came to be, which decides what the rest of the document may still do to it (TOML 1.0.0 forbids
     * defining a table twice, and keeps tables made by dotted keys apart from those made by headers).
     */
    /** Created on the way to a header's last key ([a] of [a.b]) and not defined yet: a later [a] may define it. */
    static final int IMPLICIT = 0;
    /** Defined by a [header] or [[header]], or the document's root: no header may define it again. */
    static final int HEADER = 1;
    /** Made or added to by dotted keys (a.b = 1 makes a): dotted keys may add to it, a header may not define it. */
    static final int DOTTED = 2;
    /** An inline table, complete at its closing brace: nothing may be added to it. */
    static final int INLINE = 3;

    private final LinkedHashMap<String, Object> values = new LinkedHashMap<>();
    /** Where each key was defined: {line, column}, both from 1. */
    private final HashMap<String, int[]> positions = new HashMap<>();
    /**
     * The lists behind this table's arrays of tables made by [[headers]], which later headers append to (the
     * values map holds unmodifiable views of them); null while there is none. An array written as a value is not
     * here: headers may not append to it.
     */
    private HashMap<String, ArrayList<Object>> tableArrays;
    /** {@link #IMPLICIT}, {@link #HEADER}, {@link #DOTTED} or {@link #INLINE}; the parser moves it along. */
    int origin;

    TomlTable(int origin) {
        this.origin = origin;
    }

    /** The value under one key (not a dotted path: "a.b" is the key a.b), or null when there is none. */
    public Object get(String key) {
        return values.get(key);
    }

    /** The value at a path of keys through nested tables ([a, b] for a.b), or null when any step is missing. */
    public Object get(List<String> path) {
        TomlTable table = this;
        for (int i = 0; i < path.size() - 1; i++) {
            if (!(table.values.get(path.get(i)) instanceof TomlTable next)) {
                return null;
            }
            table = next;
        }
        return path.isEmpty() ? this : table.values.get(path.get(path.size() - 1));
    }

    public boolean contains(String key) {
        return values.containsKey(key);
    }

    /** The table under a key, or null when the key is missing or holds another kind of value. */
    public TomlTable getTable(String key) {
        return values.get(key) instanceof TomlTable table ? table : null;
    }

    /** The keys in the order the document defined them. */
    public Set<String> keySet() {
        return Collections.unmodifiableSet(values.keySet());
    }

    /** The keys and values in the order the document defined them. */
    public Set<Map.Entry<String, Object>> entrySet() {
        return Collections.unmodifiableMap(values).entrySet();
    }

    public int size() {
        return values.size();
    }

    public boolean isEmpty() {
        return values.isEmpty();
    }

    /** The line (from 1) where the key was defined, or 0 when the table has no such key. */
    public int lineOf(String key) {
        int[] position = positions.get(key);
        return position == null ? 0 : position[0];
    }

    /** The column (from 1) where the key was defined, or 0 when the table has no such key. */
    public int columnOf(String key) {
        int[] position = positions.get(key);
        return position == null ? 0 : position[1];
    }

    /**
     * A path of keys as a document would write it, for messages: keys joined by dots, each key that is not bare
     * (empty, or other than A-Z a-z 0-9 _ -) quoted as a basic string: {@code aliases."tools/kit"}.
     */
    public static String joinKeyPath(List<String> keys) {
        StringBuilder path = new StringBuilder();
        for (String key : keys) {
            if (path.length() > 0) {
                path.append('.');
            }
            appendKey(path, key);
        }
        return path.toString();
    }

    private static void appendKey(StringBuilder path, String key) {
        boolean bare = !key.isEmpty();
        for (int i = 0; i < key.length() && bare; i++) {
            bare = TomlParser.isBareKeyChar(key.charAt(i));
        }
        if (bare) {
            path.append(key);
            return;
        }
        path.append('"');
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            switch (c) {
                case '"' -> path.append("\\\"");
                case '\\' -> path.append("\\\\");
                case '\n' -> path.append("\\n");
                case '\t' -> path.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        path.append(String.format("\\u%04X", (int) c));
                    } else {
                        path.append(c);
                    }
                }
            }
        }
        path.append('"');
    }

    void put(String key, Object value, int line, int column) {
        values.put(key, value);
        positions.put(key, new int[] {line, column});
    }

    /** Moves a key's position to where it was defined, after it was first made on the way to another. */
    void definedAt(String key, int line, int column) {
        positions.put(key, new int[] {line, column});
    }

    /** Starts an array of tables under a key, which later [[headers]] append to with {@link #tableArray}. */
    void putTableArray(String key, ArrayList<Object> tables, int line, int column) {
        if (tableArrays == null) {
            tableArrays = new HashMap<>();
        }
        tableArrays.put(key, tables);
        put(key, Collections.unmodifiableList(tables), line, column);
    }

    /** The list behind the array of tables a [[header]] made under a key, or null when [[headers]] made none. */
    ArrayList<Object> tableArray(String key) {
        return tableArrays == null ? null : tableArrays.get(key);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TomlTable table && values.equals(table.values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        return values.toString();
    }
}
