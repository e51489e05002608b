package dev.vaina.cli.volumes;

import dev.vaina.engine.Volumes;
import dev.vaina.spec.InvalidSpecException;
import dev.vaina.store.ContainerRecord;
import dev.vaina.store.VolumeRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * --filter of `volume ls` and `volume prune`, as Podman 4.3 reads them: for ls a volume is listed when any filter
 * matches it; for prune, values of one key are alternatives and different keys must all match.
 */
final class VolumeFilter implements Predicate<VolumeRecord> {
    private final List<Predicate<VolumeRecord>> all;
    private final List<Predicate<VolumeRecord>> tests;

    /** No filter: a class, not a lambda, so that a plain `volume ls` sets no method-handle machinery up. */
    private static final Predicate<VolumeRecord> EVERY = new Predicate<>() {
        @Override
        public boolean test(VolumeRecord volume) {
            return true;
        }
    };

    private VolumeFilter(List<Predicate<VolumeRecord>> all, List<Predicate<VolumeRecord>> tests) {
        this.all = all;
        this.tests = tests;
    }

    /** `volume ls`: any filter. */
    static Predicate<VolumeRecord> any(List<String> filters, Volumes volumes, List<ContainerRecord> containers) {
        if (filters.isEmpty()) {
            return EVERY;
        }
        VolumeFilter each = parse(filters, volumes, containers);
        return new AnyOf(each.tests);
    }

    static VolumeFilter parse(List<String> filters, Volumes volumes, List<ContainerRecord> containers) {
        java.util.Map<String, List<Predicate<VolumeRecord>>> byKey = new java.util.LinkedHashMap<>();
        List<Predicate<VolumeRecord>> tests = new ArrayList<>();
        for (String filter : filters) {
            int equals = filter.indexOf('=');
            if (equals < 0) {
                throw new InvalidSpecException("invalid filter \"" + filter + "\": expected KEY=VALUE");
            }
            String key = filter.substring(0, equals);
            String value = filter.substring(equals + 1);
            Predicate<VolumeRecord> test = switch (key) {
                case "name" -> v -> v.name().contains(value);
                case "driver" -> v -> v.driver().equals(value);
                case "scope" -> v -> "local".equals(value);
                case "label" -> label(value, true);
                case "label!" -> label(value, false);
                case "opt" -> v -> {
                    int eq = value.indexOf('=');
                    return eq < 0 ? v.options().containsKey(value)
                            : value.substring(eq + 1).equals(v.options().get(value.substring(0, eq)));
                };
                case "dangling" -> {
                    boolean dangling = switch (value) {
                        case "true", "1" -> true;
                        case "false", "0" -> false;
                        default -> throw new InvalidSpecException("invalid filter dangling=" + value
                                + ": use true or false");
                    };
                    yield v -> volumes.dangling(v, containers) == dangling;
                }
                default -> throw new InvalidSpecException("invalid filter \"" + key
                        + "\": use name, label, label!, driver, scope, opt or dangling");
            };
            List<Predicate<VolumeRecord>> alternatives = byKey.get(key);
            if (alternatives == null) {
                alternatives = new ArrayList<>();
                byKey.put(key, alternatives);
            }
            alternatives.add(test);
            tests.add(test);
        }
        List<Predicate<VolumeRecord>> all = new ArrayList<>();
        for (List<Predicate<VolumeRecord>> alternatives : byKey.values()) {
            all.add(new AnyOf(alternatives));
        }
        return new VolumeFilter(all, tests);
    }

    private static Predicate<VolumeRecord> label(String value, boolean present) {
        int eq = value.indexOf('=');
        String key = eq < 0 ? value : value.substring(0, eq);
        return v -> present == (v.labels().containsKey(key)
                && (eq < 0 || v.labels().get(key).equals(value.substring(eq + 1))));
    }

    /** Whether any of the tests accepts a volume: filters with the same key are alternatives. */
    private record AnyOf(List<Predicate<VolumeRecord>> tests) implements Predicate<VolumeRecord> {
        @Override
        public boolean test(VolumeRecord volume) {
            for (Predicate<VolumeRecord> test : tests) {
                if (test.test(volume)) {
                    return true;
                }
            }
            return false;
        }
    }

    @Override
    public boolean test(VolumeRecord volume) {
        for (Predicate<VolumeRecord> test : all) {
            if (!test.test(volume)) {
                return false;
            }
        }
        return true;
    }
}
