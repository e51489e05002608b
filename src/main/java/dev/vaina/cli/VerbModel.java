package dev.vaina.cli;

/**
 * What the build wrote down about one verb from picocli's model ({@link VerbTableWriter}): the command class, its
 * options that take the plain forms {@link VerbParser} knows, and its positional parameters. Plain classes, not
 * records: a record's generated methods link through a method-handle bootstrap on first use.
 */
final class VerbModel {
    /** How an option or a positional parameter takes its value, by the type of its field. */
    enum Kind { FLAG, STRING, PATH, INT, STRINGS, PATHS }

    /** The verbs of the generated table, by the words that name them ({@code "ps"}, {@code "pod ps"}). */
    interface Table {
        /** The verb {@code words} name, or null when the build left it to picocli. */
        VerbModel verb(String words);

        /** The root command's options (the global ones), which every verb also takes after its name. */
        Option[] globals();
    }

    /**
     * An option: its names, the field it sets, and the default picocli would apply when it is not given. The field
     * is the command's own, or a mixin's: then {@link #holder} names the command's field that holds the mixin.
     */
    static final class Option {
        final Kind kind;
        final String owner;
        final String field;
        final String defaultValue;
        final boolean required;
        final String[] names;
        String[] holder;

        Option(Kind kind, String owner, String field, String defaultValue, boolean required, String... names) {
            this.kind = kind;
            this.owner = owner;
            this.field = field;
            this.defaultValue = defaultValue;
            this.required = required;
            this.names = names;
        }

        /** The option of the mixin in the field {@code holderField} of the class {@code holderOwner}. */
        Option in(String holderOwner, String holderField) {
            holder = new String[] {holderOwner, holderField};
            return this;
        }

        boolean isList() {
            return kind == Kind.STRINGS || kind == Kind.PATHS;
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

    final String command;
    final boolean stopAtPositional;
    /** The command's mixin fields, as class and field name in turn: picocli fills those that hold nothing. */
    final String[] mixins;
    final Option[] options;
    /** The positional parameters' field (null when the verb takes none), and how many it takes. */
    final Option positional;
    final int minPositional;
    final int maxPositional;

    VerbModel(String command, boolean stopAtPositional, Option positional, int minPositional, int maxPositional,
            String[] mixins, Option... options) {
        this.command = command;
        this.stopAtPositional = stopAtPositional;
        this.mixins = mixins;
        this.positional = positional;
        this.minPositional = minPositional;
        this.maxPositional = maxPositional;
        this.options = options;
    }
}
