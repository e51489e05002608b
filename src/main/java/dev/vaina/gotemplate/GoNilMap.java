package dev.vaina.gotemplate;

import java.util.AbstractMap;
import java.util.Map;
import java.util.Set;

/**
 * A nil Go map, such as the labels of a container that has none: it prints as {@code map[]}, has no keys and
 * length 0, but encodes to JSON as {@code null}, as Go's nil maps do. (A null in the data is an untyped nil,
 * which prints as {@code <nil>}.)
 */
public final class GoNilMap extends AbstractMap<String, Object> {
    public static final Map<String, Object> INSTANCE = new GoNilMap();

    private GoNilMap() {
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
        return Set.of();
    }
}
