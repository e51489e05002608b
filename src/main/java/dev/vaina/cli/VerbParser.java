package dev.vaina.cli;

import dev.vaina.cli.VerbModel.Kind;
import dev.vaina.cli.VerbModel.Option;
import dev.vaina.cli.VerbModel.Parameters;
import dev.vaina.cli.common.ContextCommand;
import dev.vaina.cli.common.GivenOption;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses the plain command lines of most verbs without picocli, from the table the build wrote from picocli's model
 * ({@link VerbTableWriter}): making that model at run time (the annotations read by reflection, picocli's
 * converters set up) cost 45 to 65 ms of every command. It knows options by their names, {@code --name=value}, a
 * cluster of one-letter flags, and positional parameters; whatever else it meets (help, an unknown option, a
 * value that looks like an option, an {@code @file}, {@code --}, a repeated option, a count picocli would refuse)
 * it declines, and picocli parses the whole line as before, with its errors and help. What it accepts it sets
 * exactly as picocli would (VerbParserTest compares the two on every verb of the table).
 */
final class VerbParser {
    private static final String TABLE = "dev.vaina.cli.VerbTable";

    private final VerbModel.Table table;

    VerbParser(VerbModel.Table table) {
        this.table = table;
    }

    /** The parser of the table the build wrote, or null when there is none (classes compiled without it). */
    static VerbParser ofBuild() {
        try {
            return new VerbParser((VerbModel.Table) instance(Class.forName(TABLE)));
        } catch (ReflectiveOperationException e) {
            return null;
        }
    }

    /** The verb {@code args} run, its options set; null when picocli must parse them. */
    ParsedVerb parse(String[] args) {
        int at = Verbs.position(args);
        if (at < 0) {
            return null;
        }
        for (String arg : args) {
            if (arg.startsWith("@")) {
                return null;
            }
        }
        int first = at + 1;
        VerbModel verb = table.verb(args[at]);
        if (verb == null && first < args.length) {
            verb = table.verb(args[at] + " " + args[first]);
            first++;
        }
        if (verb == null) {
            return null;
        }
        try {
            VainaCommand root = new VainaCommand();
            ContextCommand command = (ContextCommand) instance(Class.forName(verb.command));
            for (String[] mixin : verb.mixins) {
                Object holder = holder(command, mixin, mixin.length - 2);
                Field field = field(mixin[mixin.length - 2], mixin[mixin.length - 1]);
                if (field.get(holder) == null) {
                    field.set(holder, instance(field.getType()));
                }
            }
            Line line = new Line(verb, table.globals(), root, command);
            return line.parse(args, at, first) ? new ParsedVerb(root, command, line.given()) : null;
        } catch (ReflectiveOperationException | NumberFormatException e) {
            return null;
        }
    }

    private static Object instance(Class<?> type) throws ReflectiveOperationException {
        Constructor<?> constructor = type.getDeclaredConstructor();
        constructor.setAccessible(true);
        return constructor.newInstance();
    }

    private static Field field(String owner, String name) throws ReflectiveOperationException {
        Field field = Class.forName(owner).getDeclaredField(name);
        field.setAccessible(true);
        return field;
    }

    /** The object at the end of the first {@code length} entries of {@code path}, from {@code command} on. */
    private static Object holder(Object command, String[] path, int length) throws ReflectiveOperationException {
        Object holder = command;
        for (int i = 0; i < length; i += 2) {
            holder = field(path[i], path[i + 1]).get(holder);
        }
        return holder;
    }

    /** One command line being parsed: what each option has been given so far. */
    private static final class Line {
        private final VerbModel verb;
        private final Option[] globals;
        private final VainaCommand root;
        private final ContextCommand command;
        private final Map<Option, Object> values = new IdentityHashMap<>();
        /** The options given after the verb, in the order first given, with the words given for each. */
        private final Map<Option, List<String>> given = new java.util.LinkedHashMap<>();
        private final List<String> positionals = new ArrayList<>();

        Line(VerbModel verb, Option[] globals, VainaCommand root, ContextCommand command) {
            this.verb = verb;
            this.globals = globals;
            this.root = root;
            this.command = command;
        }

        boolean parse(String[] args, int verbAt, int first) throws ReflectiveOperationException {
            for (int i = 0; i < verbAt; i++) {
                i = option(args, i, false);
                if (i < 0) {
                    return false;
                }
            }
            boolean positionalOnly = false;
            for (int i = first; i < args.length; i++) {
                String arg = args[i];
                if (positionalOnly || !arg.startsWith("-")) {
                    positionals.add(arg);
                    positionalOnly = verb.stopAtPositional;
                    continue;
                }
                i = option(args, i, true);
                if (i < 0) {
                    return false;
                }
            }
            return apply(verb.options, command) && apply(globals, root) && applyParameters();
        }

        List<GivenOption> given() {
            List<GivenOption> list = new ArrayList<>();
            // Loops rather than lambdas on the way of every command: a JVM's first lambda costs about 4 ms.
            for (Map.Entry<Option, List<String>> entry : given.entrySet()) {
                Option option = entry.getKey();
                list.add(new GivenOption(option.names, option.kind == Kind.FLAG, option.kind == Kind.SWITCH,
                        entry.getValue()));
            }
            return list;
        }

        /** Takes the option at {@code args[i]}; the index of the last argument it used, or -1 to decline. */
        private int option(String[] args, int i, boolean afterVerb) {
            String arg = args[i];
            if (arg.equals("-") || arg.equals("--")) {
                return -1;
            }
            String name = arg;
            String value = null;
            if (arg.startsWith("--")) {
                int equals = arg.indexOf('=');
                if (equals > 0) {
                    name = arg.substring(0, equals);
                    value = arg.substring(equals + 1);
                    if (value.isEmpty()) {
                        return -1;
                    }
                }
            } else if (arg.length() > 2) {
                return afterVerb && cluster(arg) ? i : -1;
            }
            Option option = afterVerb ? find(verb.options, name) : null;
            if (option == null) {
                option = find(globals, name);
            }
            return option == null ? -1 : take(option, args, i, value, afterVerb);
        }

        /** {@code -aq}: every letter one of the verb's flags (not one that may take a value), each given once. */
        private boolean cluster(String arg) {
            for (int c = 1; c < arg.length(); c++) {
                Option option = find(verb.options, "-" + arg.charAt(c));
                if (option == null || option.kind != Kind.FLAG || values.containsKey(option)) {
                    return false;
                }
                values.put(option, Boolean.TRUE);
                given.put(option, List.of());
            }
            return true;
        }

        private int take(Option option, String[] args, int i, String attached, boolean afterVerb) {
            if (values.containsKey(option) && !option.isList()) {
                return -1;
            }
            int last = i;
            String value = attached;
            if (option.kind == Kind.FLAG && attached != null) {
                return -1;
            } else if (option.kind == Kind.SWITCH) {
                // picocli takes a following true or false as the value: such a line is left to it.
                boolean next = i + 1 < args.length && (args[i + 1].equalsIgnoreCase("true") || args[i + 1].equalsIgnoreCase("false"));
                if (next || (attached != null && !attached.equals("true") && !attached.equals("false"))) {
                    return -1;
                }
            } else if (!option.isFlag() && value == null) {
                if (i + 1 >= args.length || args[i + 1].startsWith("-")) {
                    return -1;
                }
                value = args[++last];
            }
            if (option.kind == Kind.INT && !isPlainNumber(value)) {
                return -1;
            }
            if (option.kind == Kind.COMMA_STRINGS && value.indexOf('"') >= 0) {
                return -1; // picocli keeps a quoted part whole
            }
            Object converted = value == null ? Boolean.TRUE : convert(option.kind, value);
            if (option.isList()) {
                @SuppressWarnings("unchecked")
                List<Object> list = (List<Object>) values.get(option);
                if (list == null) {
                    list = new ArrayList<>();
                    values.put(option, list);
                }
                if (option.kind == Kind.COMMA_STRINGS) {
                    // As picocli splits at split = ",": String.split's (a single character: no regular expression).
                    list.addAll(Arrays.asList(value.split(",")));
                } else {
                    list.add(converted);
                }
            } else {
                values.put(option, converted);
            }
            if (afterVerb) {
                List<String> words = given.get(option);
                if (words == null) {
                    words = new ArrayList<>();
                    given.put(option, words);
                }
                if (value != null) {
                    words.add(value);
                }
            }
            return last;
        }

        /** What Integer.valueOf and Integer.decode read alike: no sign, no leading zero, no more than 9 digits. */
        private static boolean isPlainNumber(String value) {
            if (value.isEmpty() || value.length() > 9 || (value.charAt(0) == '0' && value.length() > 1)) {
                return false;
            }
            for (int c = 0; c < value.length(); c++) {
                if (value.charAt(c) < '0' || value.charAt(c) > '9') {
                    return false;
                }
            }
            return true;
        }

        private static Object convert(Kind kind, String value) {
            switch (kind) {
                case FLAG:
                case SWITCH: return Boolean.valueOf(value);
                case INT: return Integer.valueOf(value);
                case PATH:
                case PATHS: return Paths.get(value);
                default: return value;
            }
        }

        /** Sets what was given, and picocli's default where nothing was; false when a required one is missing. */
        private boolean apply(Option[] options, Object target) throws ReflectiveOperationException {
            for (Option option : options) {
                Object value = values.get(option);
                if (value == null && option.required) {
                    return false;
                }
                if (value == null && option.defaultValue != null) {
                    value = convert(option.kind, option.defaultValue);
                }
                if (value != null) {
                    set(option, target, value);
                }
            }
            return true;
        }

        /** Hands each positional parameter to the field its index falls in; false when a count is not allowed. */
        private boolean applyParameters() throws ReflectiveOperationException {
            Parameters[] parameters = verb.parameters;
            if (parameters.length == 0) {
                return positionals.isEmpty();
            }
            for (int p = 0; p < parameters.length; p++) {
                int from = Math.min(parameters[p].first, positionals.size());
                int to = p + 1 < parameters.length ? Math.min(parameters[p + 1].first, positionals.size()) : positionals.size();
                List<String> mine = positionals.subList(from, to);
                if (mine.size() < parameters[p].min || mine.size() > parameters[p].max) {
                    return false;
                }
                Option field = parameters[p].field;
                if (mine.isEmpty()) {
                    continue;
                }
                if (field.isList()) {
                    List<Object> list = new ArrayList<>();
                    for (String each : mine) {
                        list.add(convert(field.kind, each));
                    }
                    set(field, command, list);
                } else {
                    set(field, command, convert(field.kind, mine.get(0)));
                }
            }
            return true;
        }

        private static void set(Option option, Object target, Object value) throws ReflectiveOperationException {
            field(option.owner, option.field).set(holder(target, option.holder, option.holder.length), value);
        }

        private static Option find(Option[] options, String name) {
            for (Option option : options) {
                if (option.named(name)) {
                    return option;
                }
            }
            return null;
        }
    }
}
