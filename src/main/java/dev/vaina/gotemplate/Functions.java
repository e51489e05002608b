package dev.vaina.gotemplate;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/** Go's predefined template functions and those Podman adds (json, join, upper, lower, title, truncate, ...). */
final class Functions {
    /** What a parameter accepts; a value of another type is "wrong type for value". */
    enum Param {
        ANY("interface {}"), STRING("string"), INT("int"), STRINGS("[]string");

        final String goName;

        Param(String goName) {
            this.goName = goName;
        }

        boolean accepts(Object value) {
            return switch (this) {
                case ANY -> true;
                case STRING -> value instanceof String;
                case INT -> GoValues.isInteger(value);
                case STRINGS -> value instanceof Collection<?> list && list.stream().allMatch(e -> e instanceof String);
            };
        }
    }

    /** A failure inside a function, reported as "error calling NAME: message". */
    static final class CallFailure extends Exception {
        CallFailure(String message) {
            super(message);
        }
    }

    interface Body {
        Object call(List<Object> args) throws CallFailure;
    }

    /** {@code variadic} is the type of the arguments after the fixed ones, or null when there are none. */
    record Function(List<Param> fixed, Param variadic, Body body) {
    }

    private static final Map<String, Function> FUNCTIONS = Map.ofEntries(
            // and, or: evaluated lazily by the executor, as Go does since 1.18; the bodies serve calls from pipelines.
            Map.entry("and", new Function(List.of(Param.ANY), Param.ANY, args -> decide(args, false))),
            Map.entry("or", new Function(List.of(Param.ANY), Param.ANY, args -> decide(args, true))),
            Map.entry("not", new Function(List.of(Param.ANY), null, args -> !GoValues.isTrue(args.get(0)))),
            Map.entry("len", new Function(List.of(Param.ANY), null, args -> length(args.get(0)))),
            Map.entry("index", new Function(List.of(Param.ANY), Param.ANY, Functions::index)),
            Map.entry("slice", new Function(List.of(Param.ANY), Param.ANY, Functions::slice)),
            Map.entry("print", new Function(List.of(), Param.ANY, GoFmt::sprint)),
            Map.entry("println", new Function(List.of(), Param.ANY, GoFmt::sprintln)),
            Map.entry("printf", new Function(List.of(Param.STRING), Param.ANY,
                    args -> GoFmt.sprintf((String) args.get(0), args.subList(1, args.size())))),
            Map.entry("eq", new Function(List.of(Param.ANY), Param.ANY, Comparisons::eq)),
            Map.entry("ne", new Function(List.of(Param.ANY, Param.ANY), null, args -> !Comparisons.eq(args))),
            Map.entry("lt", new Function(List.of(Param.ANY, Param.ANY), null, args -> Comparisons.less(args.get(0), args.get(1)))),
            Map.entry("le", new Function(List.of(Param.ANY, Param.ANY), null,
                    args -> Comparisons.less(args.get(0), args.get(1)) || Comparisons.eq(args))),
            Map.entry("gt", new Function(List.of(Param.ANY, Param.ANY), null,
                    args -> !Comparisons.less(args.get(0), args.get(1)) && !Comparisons.eq(args))),
            Map.entry("ge", new Function(List.of(Param.ANY, Param.ANY), null, args -> !Comparisons.less(args.get(0), args.get(1)))),
            Map.entry("json", new Function(List.of(Param.ANY), null, args -> GoJson.encode(args.get(0)))),
            Map.entry("join", new Function(List.of(Param.STRINGS, Param.STRING), null,
                    args -> String.join((String) args.get(1), strings(args.get(0))))),
            Map.entry("split", new Function(List.of(Param.STRING, Param.STRING), null,
                    args -> split((String) args.get(0), (String) args.get(1)))),
            Map.entry("upper", new Function(List.of(Param.STRING), null, args -> ((String) args.get(0)).toUpperCase(Locale.ROOT))),
            Map.entry("lower", new Function(List.of(Param.STRING), null, args -> ((String) args.get(0)).toLowerCase(Locale.ROOT))),
            Map.entry("title", new Function(List.of(Param.STRING), null, args -> title((String) args.get(0)))),
            Map.entry("truncate", new Function(List.of(Param.STRING, Param.INT), null,
                    args -> truncate((String) args.get(0), ((Number) args.get(1)).longValue()))),
            Map.entry("pad", new Function(List.of(Param.STRING, Param.INT, Param.INT), null,
                    args -> " ".repeat((int) ((Number) args.get(1)).longValue()) + args.get(0)
                            + " ".repeat((int) ((Number) args.get(2)).longValue()))));

    private Functions() {
    }

    static boolean exists(String name) {
        return FUNCTIONS.containsKey(name);
    }

    static Function get(String name) {
        return FUNCTIONS.get(name);
    }

    /** and/or over values already evaluated: the first value that decides, else the last. */
    private static Object decide(List<Object> args, boolean decidesWhenTrue) {
        for (Object arg : args) {
            if (GoValues.isTrue(arg) == decidesWhenTrue) {
                return arg;
            }
        }
        return args.get(args.size() - 1);
    }

    private static Object length(Object value) throws CallFailure {
        if (value instanceof String s) {
            return (long) s.getBytes(StandardCharsets.UTF_8).length;
        } else if (value instanceof Collection<?> list) {
            return (long) list.size();
        } else if (value instanceof Map<?, ?> map) {
            return (long) map.size();
        } else if (value == null) {
            throw new CallFailure("len of nil pointer");
        }
        throw new CallFailure("len of type " + GoValues.typeName(value));
    }

    private static Object index(List<Object> args) throws CallFailure {
        Object item = args.get(0);
        for (Object key : args.subList(1, args.size())) {
            if (item == null) {
                throw new CallFailure("index of untyped nil");
            } else if (item instanceof List<?> list) {
                item = list.get(position(key, list.size(), "slice/array"));
            } else if (item instanceof String s) {
                byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
                item = (long) (bytes[position(key, bytes.length, "string")] & 0xff);
            } else if (item instanceof Map<?, ?> map) {
                if (!(key instanceof String)) {
                    throw new CallFailure("value has type " + GoValues.typeName(key) + "; should be string");
                }
                boolean stringValues = map.values().stream().allMatch(v -> v instanceof String);
                item = map.containsKey(key) ? map.get(key) : stringValues ? "" : null;
            } else {
                throw new CallFailure("can't index item of type " + GoValues.typeName(item));
            }
        }
        return item;
    }

    /** slice x i j: x[i:j] of a string or a list; one index slices to the end, none returns x. */
    private static Object slice(List<Object> args) throws CallFailure {
        Object item = args.get(0);
        int length;
        if (item instanceof String s) {
            length = s.length();
        } else if (item instanceof List<?> list) {
            length = list.size();
        } else if (item == null) {
            throw new CallFailure("slice of untyped nil");
        } else {
            throw new CallFailure("can't slice item of type " + GoValues.typeName(item));
        }
        if (args.size() > 3) {
            throw new CallFailure("too many slice indexes: " + (args.size() - 1));
        }
        int from = args.size() > 1 ? position(args.get(1), length + 1, "slice") : 0;
        int to = args.size() > 2 ? position(args.get(2), length + 1, "slice") : length;
        if (from > to) {
            throw new CallFailure("invalid slice index: " + from + " > " + to);
        }
        return item instanceof String s ? s.substring(from, to) : new ArrayList<>(((List<?>) item).subList(from, to));
    }

    private static int position(Object key, int size, String what) throws CallFailure {
        if (!GoValues.isInteger(key)) {
            throw new CallFailure("cannot index " + what + " with type " + GoValues.typeName(key));
        }
        long index = ((Number) key).longValue();
        if (index < 0 || index >= size) {
            throw new CallFailure("index out of range: " + index);
        }
        return (int) index;
    }

    private static List<String> strings(Object list) {
        List<String> strings = new ArrayList<>();
        ((Collection<?>) list).forEach(e -> strings.add((String) e));
        return strings;
    }

    private static List<Object> split(String s, String separator) {
        if (separator.isEmpty()) {
            return new ArrayList<>(s.codePoints().mapToObj(Character::toString).toList());
        }
        return new ArrayList<>(Arrays.asList(s.split(Pattern.quote(separator), -1)));
    }

    /** strings.Title: the first letter of each word upper-cased; words are split by spaces and punctuation. */
    private static String title(String s) {
        StringBuilder out = new StringBuilder();
        int previous = ' ';
        for (int cp : s.codePoints().toArray()) {
            out.appendCodePoint(isSeparator(previous) ? Character.toTitleCase(cp) : cp);
            previous = cp;
        }
        return out.toString();
    }

    private static boolean isSeparator(int cp) {
        if (cp < 0x80) {
            return !(Character.isLetterOrDigit(cp) || cp == '_');
        }
        return !Character.isLetterOrDigit(cp) && Character.isWhitespace(cp);
    }

    /** Podman's truncate: the first {@code length} characters, the whole string when it is shorter. */
    private static String truncate(String s, long length) {
        return s.length() < length ? s : s.substring(0, (int) Math.max(0, length));
    }

    /** eq, lt and friends on Go's basic kinds. */
    static final class Comparisons {
        private Comparisons() {
        }

        private enum Kind { BOOL, INT, FLOAT, STRING, OTHER }

        private static Kind kind(Object value) {
            if (value instanceof Boolean) {
                return Kind.BOOL;
            } else if (GoValues.isInteger(value)) {
                return Kind.INT;
            } else if (GoValues.isFloat(value)) {
                return Kind.FLOAT;
            } else if (value instanceof String) {
                return Kind.STRING;
            }
            return Kind.OTHER;
        }

        static boolean eq(List<Object> args) throws CallFailure {
            Object first = args.get(0);
            if (args.size() < 2) {
                throw new CallFailure("missing argument for comparison");
            }
            for (Object other : args.subList(1, args.size())) {
                if (first == null || other == null) {
                    if (first == other) {
                        return true;
                    }
                    continue;
                }
                Kind kind = kind(first);
                if (kind != kind(other)) {
                    throw new CallFailure("incompatible types for comparison");
                }
                if (kind == Kind.OTHER && !(first instanceof GoStruct)) {
                    throw new CallFailure("non-comparable type " + GoValues.format(first) + ": " + GoValues.typeName(first));
                }
                if (equal(kind, first, other)) {
                    return true;
                }
            }
            return false;
        }

        private static boolean equal(Kind kind, Object a, Object b) {
            return switch (kind) {
                case INT -> ((Number) a).longValue() == ((Number) b).longValue();
                case FLOAT -> ((Number) a).doubleValue() == ((Number) b).doubleValue();
                default -> Objects.equals(a, b);
            };
        }

        static boolean less(Object a, Object b) throws CallFailure {
            Kind kind = kind(a);
            if (kind == Kind.OTHER || kind == Kind.BOOL || kind(b) == Kind.OTHER || kind(b) == Kind.BOOL) {
                throw new CallFailure("invalid type for comparison");
            }
            if (kind != kind(b)) {
                throw new CallFailure("incompatible types for comparison");
            }
            return switch (kind) {
                case INT -> ((Number) a).longValue() < ((Number) b).longValue();
                case FLOAT -> ((Number) a).doubleValue() < ((Number) b).doubleValue();
                default -> ((String) a).compareTo((String) b) < 0;
            };
        }
    }
}
