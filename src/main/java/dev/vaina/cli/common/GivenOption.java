package dev.vaina.cli.common;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * An option a command line gave the verb, as {@link RecordedArguments} keeps it: its names (the longest first),
 * how it takes a value, and the words given for it, in the order given. picocli's parse makes them
 * ({@link #of(CommandSpec)}), and so does the parser that reads the build's verb table.
 */
public final class GivenOption {
    private final String[] names;
    private final boolean takesNoValue;
    private final boolean valueOptional;
    private final List<String> values;

    /**
     * @param names         every name, the longest first
     * @param takesNoValue  a flag
     * @param valueOptional a flag that may be given a value ({@code --rm=false})
     */
    public GivenOption(String[] names, boolean takesNoValue, boolean valueOptional, List<String> values) {
        this.names = names;
        this.takesNoValue = takesNoValue;
        this.valueOptional = valueOptional;
        this.values = values;
    }

    /** The options picocli matched for {@code spec}, each once, in the order first given. */
    public static List<GivenOption> of(CommandSpec spec) {
        List<GivenOption> given = new ArrayList<>();
        for (OptionSpec option : new LinkedHashSet<>(spec.commandLine().getParseResult().matchedOptions())) {
            given.add(new GivenOption(namesLongestFirst(option), option.arity().max() == 0,
                    option.arity().min() == 0, option.originalStringValues()));
        }
        return given;
    }

    /** The option's names, picocli's longest one first (the name {@link RecordedArguments} records). */
    public static String[] namesLongestFirst(OptionSpec option) {
        List<String> names = new ArrayList<>(List.of(option.names()));
        names.remove(option.longestName());
        names.add(0, option.longestName());
        return names.toArray(new String[0]);
    }

    public String longestName() {
        return names[0];
    }

    public boolean named(Set<String> any) {
        for (String name : names) {
            if (any.contains(name)) {
                return true;
            }
        }
        return false;
    }

    public boolean takesNoValue() {
        return takesNoValue;
    }

    public boolean valueOptional() {
        return valueOptional;
    }

    public List<String> values() {
        return values;
    }
}
