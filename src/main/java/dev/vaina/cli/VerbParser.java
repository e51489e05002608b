package dev.vaina.cli;

import dev.vaina.cli.VerbModel.Kind;
import dev.vaina.cli.VerbModel.Option;
import dev.vaina.cli.common.ContextCommand;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses the plain command lines of most verbs without picocli, from the table the build wrote from picocli's model
 * ({@link VerbTableWriter}): making that model at run time (the annotations read by reflection, picocli's
 * converters set up) cost about 45 ms of every command. It knows options by their names, {@code --name=value},
 * a cluster of one-letter flags, and positional parameters; whatever else it meets (help, an unknown option, a
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
            return new VerbParser((VerbModel.Table) Class.forName(TABLE).getDeclaredConstructor().newInstance());
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
            for (int i = 0; i < verb.mixins.length; i += 2) {
                Field mixin = field(verb.mixins[i], verb.mixins[i + 1]);
                if (mixin.get(command) == null) {
                    mixin.set(command, instance(mixin.getType()));
                }
            }
            return new Line(verb, table.globals(), root, command).parse(args, at, first)
                    ? new ParsedVerb(root, command) : null;
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

    /** One command line being parsed: what each option has been given so far. */
    private static final class Line {
        private final VerbModel verb;
        private final Option[] globals;
        private final VainaCommand root;
        private final ContextCommand command;
        private final Object[] values;
        private final Object[] globalValues;
        private final List<String> positionals = new ArrayList<>();

        Line(VerbModel verb, Option[] globals, VainaCommand root, ContextCommand command) {
            this.verb = verb;
            this.globals = globals;
            this.root = root;
            this.command = command;
            this.values = new Object[verb.options.length];
            this.globalValues = new Object[globals.length];
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
            if (verb.positional == null ? !positionals.isEmpty()
                    : positionals.size() < verb.minPositional || positionals.size() > verb.maxPositional) {
                return false;
            }
            return apply(verb.options, values, command) && apply(globals, globalValues, root) && applyPositionals();
        }

        /** Takes the option at {@code args[i]}; the index of the last argument it used, or -1 to decline. */
        private int option(String[] args, int i, boolean verbs) {
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
                return verbs && cluster(arg) ? i : -1;
            }
            int index = verbs ? indexOf(verb.options, name) : -1;
            if (index >= 0) {
                return take(verb.options[index], values, index, args, i, value);
            }
            index = indexOf(globals, name);
            return index < 0 ? -1 : take(globals[index], globalValues, index, args, i, value);
        }

        /** {@code -aq}: every letter one of the verb's flags, each given once. */
        private boolean cluster(String arg) {
            for (int c = 1; c < arg.length(); c++) {
                int index = indexOf(verb.options, "-" + arg.charAt(c));
                if (index < 0 || verb.options[index].kind != Kind.FLAG || values[index] != null) {
                    return false;
                }
                values[index] = Boolean.TRUE;
            }
            return true;
        }

        private static int take(Option option, Object[] given, int index, String[] args, int i, String attached) {
            if (given[index] != null && !option.isList()) {
                return -1;
            }
            if (option.kind == Kind.FLAG) {
                if (attached != null) {
                    return -1;
                }
                given[index] = Boolean.TRUE;
                return i;
            }
            String value = attached;
            int last = i;
            if (value == null) {
                if (i + 1 >= args.length || args[i + 1].startsWith("-")) {
                    return -1;
                }
                value = args[++last];
            }
            if (option.kind == Kind.INT && !isPlainNumber(value)) {
                return -1;
            }
            if (option.isList()) {
                @SuppressWarnings("unchecked")
                List<Object> list = given[index] == null ? new ArrayList<>() : (List<Object>) given[index];
                list.add(convert(option.kind, value));
                given[index] = list;
            } else {
                given[index] = convert(option.kind, value);
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
                case FLAG: return Boolean.valueOf(value);
                case INT: return Integer.valueOf(value);
                case PATH:
                case PATHS: return Paths.get(value);
                default: return value;
            }
        }

        /** Sets what was given, and picocli's default where nothing was; false when a required one is missing. */
        private static boolean apply(Option[] options, Object[] given, Object target) throws ReflectiveOperationException {
            for (int i = 0; i < options.length; i++) {
                Option option = options[i];
                Object value = given[i];
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

        private boolean applyPositionals() throws ReflectiveOperationException {
            Option positional = verb.positional;
            if (positional == null || positionals.isEmpty()) {
                return true;
            }
            if (!positional.isList()) {
                set(positional, command, convert(positional.kind, positionals.get(0)));
                return true;
            }
            List<Object> list = new ArrayList<>();
            for (String each : positionals) {
                list.add(convert(positional.kind, each));
            }
            set(positional, command, list);
            return true;
        }

        private static void set(Option option, Object target, Object value) throws ReflectiveOperationException {
            Object holder = option.holder == null ? target : field(option.holder[0], option.holder[1]).get(target);
            field(option.owner, option.field).set(holder, value);
        }

        private static int indexOf(Option[] options, String name) {
            for (int i = 0; i < options.length; i++) {
                if (options[i].named(name)) {
                    return i;
                }
            }
            return -1;
        }
    }
}
