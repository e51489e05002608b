package dev.vaina.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vaina.cli.containers.CreateCommand;
import dev.vaina.cli.pods.PodCommand;
import dev.vaina.unit.definition.VainaOptions;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The generator checks PodmanArgs= and GlobalArgs= against lists of vaina's options (it cannot afford to load
 * picocli), which the build writes from picocli's model (OptionLists): what the generator reads must be exactly
 * the options of the commands they stand for, each command on its own (the global options it inherits belong
 * to GlobalArgs=). It fails when the build did not write the lists, or wrote them from the wrong commands.
 */
class DefinitionOptionsTest {
    @Test
    void createOptions_areTheOptionsOfVainaCreate() {
        assertEquals(new TreeSet<>(VainaOptions.CREATE), names(new CreateCommand()));
    }

    @Test
    void podCreateOptions_areTheOptionsOfVainaPodCreate() {
        assertEquals(new TreeSet<>(VainaOptions.POD_CREATE), names(PodCommand.SUBCOMMANDS.stream()
                .filter(command -> Verbs.answersTo(command, "create")).findFirst().orElseThrow()));
    }

    @Test
    void globalOptions_areTheValuedAndFlagOptionsOfTheRootCommand() {
        Set<String> all = names(new VainaCommand());
        Set<String> global = new TreeSet<>(VainaOptions.GLOBAL);
        assertEquals(global, new TreeSet<>(all.stream().filter(global::contains).toList()),
                "every listed global option exists");
        assertEquals(new TreeSet<>(Arrays.asList(Verbs.globalOptionNames())), global);
    }

    private static Set<String> names(Object command) {
        return names(new CommandLine(command));
    }

    private static Set<String> names(CommandLine command) {
        Set<String> names = new TreeSet<>();
        for (OptionSpec option : command.getCommandSpec().options()) {
            if (!option.usageHelp() && !option.versionHelp()) {
                names.addAll(Arrays.asList(option.names()));
            }
        }
        return names;
    }
}
