package dev.vaina.cli;

import dev.vaina.cli.VerbModel.Kind;
import dev.vaina.cli.common.ContextCommand;
import java.io.IOException;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
 * nothing into, one positional parameter at most, taken from the first; an option it cannot set (another type, an arity, a converter, a split)
 * is left out, so that naming it sends the line to picocli, unless it has a default to apply: then the verb is
 * left out. The build runs it after compiling and compiles what it wrote: {@code VerbTableWriter SOURCE-DIR}.
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
        Map<ArgSpec, Field> holders = new IdentityHashMap<>();
        List<String> mixins = new ArrayList<>();
        for (Map.Entry<String, CommandSpec> mixin : spec.mixins().entrySet()) {
            Field holder = mixinField(spec.userObject().getClass(), mixin.getKey());
            if (holder == null || !isPlainMixin(mixin.getValue())) {
                return null;
            }
            mixins.add(quote(holder.getDeclaringClass().getName()));
            mixins.add(quote(holder.getName()));
            mixin.getValue().args().forEach(arg -> holders.put(arg, holder));
        }
        String options = options(spec, false, holders);
        if (options == null) {
            return null;
        }
        String positional = "null, 0, 0";
        List<PositionalParamSpec> positionals = spec.positionalParameters();
        if (positionals.size() > 1) {
            return null;
        }
        if (positionals.size() == 1) {
            PositionalParamSpec parameter = positionals.get(0);
            Kind kind = kindOf(parameter);
            if (kind == null || kind == Kind.FLAG || parameter.defaultValue() != null || parameter.index().min() != 0
                    || parameter.index().max() < parameter.arity().max() - 1) {
                return null;
            }
            positional = option(kind, parameter, false, new String[0], holders.get(parameter)) + ", "
                    + parameter.arity().min() + ", " + parameter.arity().max();
        }
        return "new VerbModel(" + quote(spec.userObject().getClass().getName()) + ", " + command.isStopAtPositional()
                + ", " + positional + ", new String[] {" + String.join(", ", mixins) + "}"
                + (options.isEmpty() ? "" : ", " + options) + ")";
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

    /** A mixin of plain options and parameters: none of its own, no argument groups, nothing picocli injects. */
    private static boolean isPlainMixin(CommandSpec mixin) {
        if (!mixin.mixins().isEmpty() || !mixin.argGroups().isEmpty()) {
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
     * The options of {@code spec} VerbParser can set, as Java expressions separated by commas; null when one it
     * cannot set has a default (picocli would apply it). The root's options are the global ones; a verb's are its
     * own (the inherited global ones are the root's).
     */
    private static String options(CommandSpec spec, boolean root, Map<ArgSpec, Field> holders) {
        List<String> options = new ArrayList<>();
        for (OptionSpec option : spec.options()) {
            if (option.usageHelp() || option.versionHelp() || (!root && option.inherited())) {
                continue;
            }
            Kind kind = kindOf(option);
            boolean plain = kind != null && option.negatable() == false && option.fallbackValue().isEmpty()
                    && (kind == Kind.FLAG ? option.arity().max() == 0 : option.arity().min() == 1 && option.arity().max() == 1)
                    && (option.defaultValue() == null || (!option.isMultiValue() && !option.defaultValue().contains("${")));
            if (plain) {
                options.add(option(kind, option, option.required(), option.names(), holders.get(option)));
            } else if (option.defaultValue() != null) {
                return null;
            }
        }
        return String.join(", ", options);
    }

    /** How VerbParser sets the field of {@code arg}, or null when it cannot. */
    private static Kind kindOf(ArgSpec arg) {
        if (!(arg.userObject() instanceof Field) || arg.converters().length != 0 || !arg.splitRegex().isEmpty()
                || arg.parameterConsumer() != null || arg.interactive()) {
            return null;
        }
        Class<?> type = arg.type();
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

    private static String option(Kind kind, ArgSpec arg, boolean required, String[] names, Field holder) {
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
            expression.append(".in(").append(quote(holder.getDeclaringClass().getName())).append(", ")
                    .append(quote(holder.getName())).append(")");
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
