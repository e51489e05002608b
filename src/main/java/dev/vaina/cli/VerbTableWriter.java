package dev.vaina.cli;

import dev.vaina.cli.VerbModel.Kind;
import dev.vaina.cli.common.ContextCommand;
import dev.vaina.cli.common.GivenOption;
import java.io.IOException;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * Writes the table {@link VerbParser} reads ({@code dev.vaina.cli.VerbTable}, Java source) from picocli's model of
 * every verb, so that the table cannot fall behind the commands' annotations. A verb is in it when it is a
 * {@link ContextCommand} whose parsing is picocli's plain one: no argument groups, mixins that picocli injects
 * nothing into, positional parameters that each take the next index (the last may take all that are left). An
 * option it cannot set (another type, a negatable one, a converter, a split) is left out, so that naming it sends
 * the line to picocli; if it has a default, the table keeps that, unless VerbParser cannot apply it either: then
 * the verb is left out. The build runs it after compiling and compiles what it wrote:
 * {@code VerbTableWriter SOURCE-DIR}.
 */
public final class VerbTableWriter {
    private static final String CLASS = "VerbTable";

    private VerbTableWriter() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: VerbTableWriter GENERATED-SOURCE-DIRECTORY");
            System.exit(2);
        }
        Path file = Path.of(args[0]).resolve("dev/vaina/cli/" + CLASS + ".java");
        Files.createDirectories(file.getParent());
        Files.writeString(file, source(Main.commandLine(CommandLine.defaultFactory())), StandardCharsets.UTF_8);
    }

    /** The table's source for the command line {@code root} (built with every verb). */
    static String source(CommandLine root) {
        Map<String, List<String>> wordsByVerb = new LinkedHashMap<>();
        for (Map.Entry<String, CommandLine> verb : root.getSubcommands().entrySet()) {
            if (verb.getValue().getSubcommands().isEmpty()) {
                add(wordsByVerb, verb.getKey(), verb.getValue());
            }
            for (Map.Entry<String, CommandLine> sub : verb.getValue().getSubcommands().entrySet()) {
                if (sub.getValue().getSubcommands().isEmpty()) {
                    add(wordsByVerb, verb.getKey() + " " + sub.getKey(), sub.getValue());
                }
            }
        }
        StringBuilder out = new StringBuilder();
        out.append("package dev.vaina.cli;\n\n")
                .append("import dev.vaina.cli.VerbModel.Kind;\nimport dev.vaina.cli.VerbModel.Option;\n\n")
                .append("/** Written by VerbTableWriter from picocli's model of the commands when vaina was built. */\n")
                .append("final class ").append(CLASS).append(" implements VerbModel.Table {\n")
                .append("    @Override\n    public VerbModel verb(String words) {\n        switch (words) {\n");
        for (Map.Entry<String, List<String>> verb : wordsByVerb.entrySet()) {
            for (String words : verb.getValue()) {
                out.append("            case ").append(quote(words)).append(":\n");
            }
            out.append("                return ").append(verb.getKey()).append(";\n");
        }
        out.append("            default:\n                return null;\n        }\n    }\n\n")
                .append("    @Override\n    public Option[] globals() {\n        return new Option[] {")
                .append(options(root.getCommandSpec(), true, Map.of())).append("};\n    }\n}\n");
        return out.toString();
    }

    private static void add(Map<String, List<String>> wordsByVerb, String words, CommandLine command) {
        String verb = verb(command);
        if (verb != null) {
            wordsByVerb.computeIfAbsent(verb, key -> new ArrayList<>()).add(words);
        }
    }

    /** The Java expression of the verb's model, or null when picocli must parse it. */
    private static String verb(CommandLine command) {
        CommandSpec spec = command.getCommandSpec();
        if (!(spec.userObject() instanceof ContextCommand) || !spec.argGroups().isEmpty()
                || !hasPlainSettings(command) || spec.defaultValueProvider() != null) {
            return null;
        }
        Map<ArgSpec, List<String>> holders = new IdentityHashMap<>();
        List<String> mixins = new ArrayList<>();
        if (!addMixins(spec, List.of(), holders, mixins)) {
            return null;
        }
        String options = options(spec, false, holders);
        String parameters = parameters(spec, holders);
        if (options == null || parameters == null) {
            return null;
        }
        return "new VerbModel(" + quote(spec.userObject().getClass().getName()) + ", " + command.isStopAtPositional()
                + ", new String[][] {" + String.join(", ", mixins) + "}, new VerbModel.Parameters[] {" + parameters
                + "}" + (options.isEmpty() ? "" : ", " + options) + ")";
    }

    /**
     * Adds the paths to the mixins of {@code spec} (reached by {@code path}) and to theirs, and notes which mixin
     * holds each option and parameter; false when one is not plain.
     */
    private static boolean addMixins(CommandSpec spec, List<String> path, Map<ArgSpec, List<String>> holders,
            List<String> mixins) {
        for (Map.Entry<String, CommandSpec> mixin : spec.mixins().entrySet()) {
            Field field = mixinField(spec.userObject().getClass(), mixin.getKey());
            if (field == null || !isPlainMixin(mixin.getValue())) {
                return false;
            }
            List<String> inner = new ArrayList<>(path);
            inner.add(quote(field.getDeclaringClass().getName()));
            inner.add(quote(field.getName()));
            mixins.add("{" + String.join(", ", inner) + "}");
            // A mixin's own mixins' options are among its own: those get the longer path below.
            mixin.getValue().args().forEach(arg -> holders.put(arg, inner));
            if (!addMixins(mixin.getValue(), inner, holders, mixins)) {
                return false;
            }
        }
        return true;
    }

    /** The field of {@code type} (or of a superclass) that holds the mixin picocli names {@code name}. */
    private static Field mixinField(Class<?> type, String name) {
        for (Class<?> each = type; each != Object.class; each = each.getSuperclass()) {
            for (Field field : each.getDeclaredFields()) {
                CommandLine.Mixin mixin = field.getAnnotation(CommandLine.Mixin.class);
                if (mixin != null && (mixin.name().isEmpty() ? field.getName() : mixin.name()).equals(name)) {
                    return field;
                }
            }
        }
        return null;
    }

    /** A mixin of plain options and parameters: no argument groups, nothing picocli injects. */
    private static boolean isPlainMixin(CommandSpec mixin) {
        if (!mixin.argGroups().isEmpty()) {
            return false;
        }
        for (Class<?> each = mixin.userObject().getClass(); each != Object.class; each = each.getSuperclass()) {
            for (Field field : each.getDeclaredFields()) {
                if (field.isAnnotationPresent(CommandLine.Spec.class) || field.isAnnotationPresent(CommandLine.ParentCommand.class)
                        || field.isAnnotationPresent(CommandLine.Unmatched.class)) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * The positional parameters as Java expressions, or null when VerbParser cannot hand them out: each must take
     * on from the index where the one before ended, one value each but the last, which may take all that are left
     * (picocli's arity of such a list is per index: only its minimum counts here).
     */
    private static String parameters(CommandSpec spec, Map<ArgSpec, List<String>> holders) {
        List<PositionalParamSpec> positionals = new ArrayList<>(spec.positionalParameters());
        positionals.sort(Comparator.comparingInt(parameter -> parameter.index().min()));
        List<String> parameters = new ArrayList<>();
        for (int i = 0; i < positionals.size(); i++) {
            PositionalParamSpec parameter = positionals.get(i);
            Kind kind = kindOf(parameter);
            boolean last = i == positionals.size() - 1;
            boolean many = kind == Kind.STRINGS || kind == Kind.PATHS;
            if (kind == null || kind == Kind.FLAG || parameter.defaultValue() != null || parameter.index().min() != i
                    || (many ? !last || parameter.index().max() != Integer.MAX_VALUE
                            : parameter.arity().max() != 1 || (!last && parameter.index().max() != i))) {
                return null;
            }
            parameters.add("new VerbModel.Parameters(" + option(kind, parameter, false, new String[0],
                    holders.get(parameter)) + ", " + i + ", " + parameter.arity().min() + ", "
                    + (many ? Integer.MAX_VALUE : 1) + ")");
        }
        return String.join(", ", parameters);
    }

    /** picocli's settings that VerbParser follows: every other one as picocli has it by default. */
    private static boolean hasPlainSettings(CommandLine command) {
        return !command.isToggleBooleanFlags() && !command.isOverwrittenOptionsAllowed()
                && command.isPosixClusteredShortOptionsAllowed() && !command.isTrimQuotes()
                && "--".equals(command.getEndOfOptionsDelimiter()) && !command.isOptionsCaseInsensitive()
                && !command.isAbbreviatedOptionsAllowed() && !command.isStopAtUnmatched()
                && !command.isUnmatchedArgumentsAllowed() && !command.isUnmatchedOptionsArePositionalParams()
                && !command.isAllowOptionsAsOptionParameters() && command.isExpandAtFiles();
    }

    /**
     * The options of {@code spec} as Java expressions separated by commas: those VerbParser can set, and those it
     * cannot but whose default it applies (with no names); null when one of those has a default it cannot apply.
     * The root's options are the global ones; a verb's are its own (the inherited global ones are the root's).
     */
    private static String options(CommandSpec spec, boolean root, Map<ArgSpec, List<String>> holders) {
        List<String> options = new ArrayList<>();
        for (OptionSpec option : spec.options()) {
            if (option.usageHelp() || option.versionHelp() || (!root && option.inherited())) {
                continue;
            }
            Kind kind = kindOf(option);
            if (kind == Kind.FLAG && option.arity().min() == 0 && option.arity().max() == 1) {
                kind = Kind.SWITCH;
            }
            boolean plain = kind != null && !option.negatable()
                    && (option.fallbackValue().isEmpty() || (kind == Kind.SWITCH && option.fallbackValue().equals("true")))
                    && (kind == Kind.FLAG ? option.arity().max() == 0
                            : kind == Kind.SWITCH || (option.arity().min() == 1 && option.arity().max() == 1));
            boolean defaultApplies = option.defaultValue() == null
                    || (!option.isMultiValue() && !option.defaultValue().contains("${"));
            if (kind != null && plain && defaultApplies) {
                options.add(option(kind, option, option.required(), GivenOption.namesLongestFirst(option),
                        holders.get(option)));
            } else if (option.defaultValue() != null) {
                if (kind == null || !defaultApplies) {
                    return null;
                }
                options.add(option(kind, option, false, new String[0], holders.get(option)));
            }
        }
        return String.join(", ", options);
    }

    /** How VerbParser sets the field of {@code arg}, or null when it cannot. */
    private static Kind kindOf(ArgSpec arg) {
        if (!(arg.userObject() instanceof Field) || arg.converters().length != 0 || arg.parameterConsumer() != null
                || arg.interactive()) {
            return null;
        }
        Class<?> type = arg.type();
        if (!arg.splitRegex().isEmpty()) {
            boolean strings = type == List.class && arg.auxiliaryTypes().length == 1
                    && arg.auxiliaryTypes()[0] == String.class;
            return strings && arg.splitRegex().equals(",") ? Kind.COMMA_STRINGS : null;
        }
        if (type == boolean.class || type == Boolean.class) {
            return Kind.FLAG;
        }
        if (type == String.class) {
            return Kind.STRING;
        }
        if (type == Path.class) {
            return Kind.PATH;
        }
        if (type == int.class || type == Integer.class) {
            return Kind.INT;
        }
        if (type == List.class && arg.auxiliaryTypes().length == 1) {
            Class<?> element = arg.auxiliaryTypes()[0];
            return element == String.class ? Kind.STRINGS : element == Path.class ? Kind.PATHS : null;
        }
        return null;
    }

    private static String option(Kind kind, ArgSpec arg, boolean required, String[] names, List<String> holder) {
        Field field = (Field) arg.userObject();
        StringBuilder expression = new StringBuilder("new Option(Kind.").append(kind).append(", ")
                .append(quote(field.getDeclaringClass().getName())).append(", ").append(quote(field.getName()))
                .append(", ").append(arg.defaultValue() == null ? "null" : quote(arg.defaultValue())).append(", ")
                .append(required);
        for (String name : names) {
            expression.append(", ").append(quote(name));
        }
        expression.append(")");
        if (holder != null) {
            expression.append(".in(").append(String.join(", ", holder)).append(")");
        }
        return expression.toString();
    }

    private static String quote(String text) {
        StringBuilder quoted = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                quoted.append('\\').append(c);
            } else if (c < 0x20 || c > 0x7e) {
                quoted.append(String.format("\\u%04x", (int) c));
            } else {
                quoted.append(c);
            }
        }
        return quoted.append('"').toString();
    }
}
