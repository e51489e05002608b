package dev.vaina.cli.common;

import dev.vaina.store.CreateArguments;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The options a create command was given, as {@code --name=value} words under each option's longest name, so
 * that they read the same whichever spelling the user chose and can be given again to the same command.
 */
public final class RecordedArguments {
    private RecordedArguments() {
    }

    /**
     * @param spec    the command as picocli parsed it
     * @param leftOut options that concern only that one invocation (any of their names)
     */
    public static CreateArguments of(CommandSpec spec, Set<String> leftOut, String image, List<String> command) {
        List<String> words = new ArrayList<>();
        // An option given several times is listed once per time: its values hold them all.
        for (OptionSpec option : new java.util.LinkedHashSet<>(spec.commandLine().getParseResult().matchedOptions())) {
            if (List.of(option.names()).stream().anyMatch(leftOut::contains)) {
                continue;
            }
            String name = option.longestName();
            List<String> values = option.originalStringValues();
            if (option.arity().max() == 0 || values.isEmpty()) {
                words.add(name);
                continue;
            }
            for (String value : values) {
                // --init and --init=true are one: the flag alone reads as the definition files' keys expect.
                words.add(option.arity().min() == 0 && value.equals("true") ? name : name + "=" + value);
            }
        }
        return new CreateArguments(words, image, command);
    }
}
