package dev.vaina.gotemplate;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * A struct's fields, each computed from a source when a template first reads it: a row of {@code ps --format
 * '{{.Names}}'} formats no date (the first sets the JDK's locale data up) and lists no port. Going over the map, as
 * printing or encoding the whole struct does, computes every field, in order. It cannot be changed.
 *
 * @param <S> what the fields are computed from
 */
public final class ComputedFields<S> extends AbstractMap<String, Object> {
    private final Map<String, Function<S, Object>> computations;
    private final S source;
    private final Map<String, Object> computed = new HashMap<>();

    /** @param computations each field's computation, in the struct's field order */
    public ComputedFields(Map<String, Function<S, Object>> computations, S source) {
        this.computations = computations;
        this.source = source;
    }

    @Override
    public boolean containsKey(Object key) {
        return computations.containsKey(key);
    }

    @Override
    public Object get(Object key) {
        Function<S, Object> computation = computations.get(key);
        if (computation == null) {
            return null;
        }
        if (computed.containsKey(key)) {
            return computed.get(key);
        }
        Object value = computation.apply(source);
        computed.put((String) key, value);
        return value;
    }

    @Override
    public int size() {
        return computations.size();
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public int size() {
                return computations.size();
            }

            @Override
            public Iterator<Entry<String, Object>> iterator() {
                Iterator<String> names = computations.keySet().iterator();
                return new Iterator<>() {
                    @Override
                    public boolean hasNext() {
                        return names.hasNext();
                    }

                    @Override
                    public Entry<String, Object> next() {
                        String name = names.next();
                        return new SimpleImmutableEntry<>(name, get(name));
                    }
                };
            }
        };
    }
}
