package dev.vaina.cli.common;

import dev.vaina.store.CreateArguments;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The options a create command was given, as {@code --name=value} words under each option's longest name, so
 * that they read the same whichever spelling the user chose and can be given again to the same command.
 */
public final class RecordedArguments {
    private RecordedArguments() {
    }

    /**
     * @param given   the options given, in the order given ({@link ContextCommand#givenOptions()})
     * @param leftOut options that concern only that one invocation (any of their names)
     */
    public static CreateArguments of(List<GivenOption> given, Set<String> leftOut, String image, List<String> command) {
        List<String> words = new ArrayList<>();
        // An option given several times is listed once per time: its values hold them all.
        for (GivenOption option : given) {
            if (option.named(leftOut)) {
                continue;
            }
            String name = option.longestName();
            List<String> values = option.values();
            if (option.takesNoValue() || values.isEmpty()) {
                words.add(name);
                continue;
            }
            for (String value : values) {
                // --init and --init=true are one: the flag alone reads as the definition files' keys expect.
                words.add(option.valueOptional() && value.equals("true") ? name : name + "=" + value);
            }
        }
        return new CreateArguments(words, image, command);
    }
}
