package dev.vaina.cli;

/**
 * What the build wrote down about one verb from picocli's model ({@link VerbTableWriter}): the command class, its
 * mixins, its options that take the plain forms {@link VerbParser} knows, and its positional parameters. Plain
 * classes, not records: a record's generated methods link through a method-handle bootstrap on first use.
 */
final class VerbModel {
    /** How an option or a positional parameter takes its value, by the type of its field. */
    enum Kind {
        /** A flag: given or not. */
        FLAG,
        /** A flag that may be given true or false as {@code --name=VALUE}. */
        SWITCH,
        STRING, PATH, INT, STRINGS, PATHS,
        /** Strings, each value split at its commas ({@code split = ","}). */
        COMMA_STRINGS
    }

    /** The verbs of the generated table, by the words that name them ({@code "ps"}, {@code "pod ps"}). */
    interface Table {
        /** The verb {@code words} name, or null when the build left it to picocli. */
        VerbModel verb(String words);

        /** The root command's options (the global ones), which every verb also takes after its name. */
        Option[] globals();
    }

    /**
     * An option: its names (the longest first), the field it sets, and the default picocli would apply when it is
     * not given. An option with no names is one VerbParser cannot take (a line that gives it is picocli's) but
     * whose default it applies. The field is the command's own, or a mixin's: then {@link #holder} is the path to
     * the mixin, the class and name of each field on the way in turn.
     */
    static final class Option {
        final Kind kind;
        final String owner;
        final String field;
        final String defaultValue;
        final boolean required;
        final String[] names;
        String[] holder = new String[0];

        Option(Kind kind, String owner, String field, String defaultValue, boolean required, String... names) {
            this.kind = kind;
            this.owner = owner;
            this.field = field;
            this.defaultValue = defaultValue;
            this.required = required;
            this.names = names;
        }

        /** The option of the mixin at the end of {@code path} (see {@link #holder}). */
        Option in(String... path) {
            holder = path;
            return this;
        }

        boolean isList() {
            return kind == Kind.STRINGS || kind == Kind.PATHS || kind == Kind.COMMA_STRINGS;
        }

        boolean isFlag() {
            return kind == Kind.FLAG || kind == Kind.SWITCH;
        }

        boolean named(String name) {
            for (String each : names) {
                if (each.equals(name)) {
                    return true;
                }
            }
            return false;
        }
    }

    /**
     * Positional parameters: the field that takes those from index {@code first} on (one, or all that are left when
     * the field is a list), and how many it needs and takes.
     */
    static final class Parameters {
        final Option field;
        final int first;
        final int min;
        final int max;

        Parameters(Option field, int first, int min, int max) {
            this.field = field;
            this.first = first;
            this.min = min;
            this.max = max;
        }
    }

    final String command;
    final boolean stopAtPositional;
    /** The paths to the command's mixins (see {@link Option#holder}), outer ones first: picocli fills empty ones. */
    final String[][] mixins;
    /** The positional parameters, by index: each takes on from where the one before ends. */
    final Parameters[] parameters;
    final Option[] options;

    VerbModel(String command, boolean stopAtPositional, String[][] mixins, Parameters[] parameters, Option... options) {
        this.command = command;
        this.stopAtPositional = stopAtPositional;
        this.mixins = mixins;
        this.parameters = parameters;
        this.options = options;
    }
}
