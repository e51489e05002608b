package dev.vaina.cli.common;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vaina.store.CreateArguments;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The options a command was given, kept under their longest names with their values as given. */
class RecordedArgumentsTest {
    @Command(name = "create")
    static final class Create {
        @Option(names = {"-p", "--publish"})
        List<String> publish;

        @Option(names = {"-e", "--env"})
        List<String> env;

        @Option(names = {"-t", "--tty"})
        boolean tty;

        @Option(names = "--tls-verify", arity = "0..1", fallbackValue = "true")
        Boolean tlsVerify;

        @Option(names = "--init", arity = "0..1", fallbackValue = "true")
        boolean init;

        @Option(names = "--replace")
        boolean replace;

        @Parameters
        List<String> rest;
    }

    @Test
    void options_underTheirLongestNames_valuesAsGiven_leftOutOnesDropped() {
        CommandLine commandLine = new CommandLine(new Create());
        commandLine.parseArgs("-p", "8080:80", "--env=A=b c", "-t", "--tls-verify=false", "--init", "--replace",
                "--publish", "9090:90", "busybox", "sh");
        CreateArguments recorded = RecordedArguments.of(GivenOption.of(commandLine.getCommandSpec()), Set.of("--replace"), "busybox",
                List.of("sh"));
        assertEquals(List.of("--publish=8080:80", "--publish=9090:90", "--env=A=b c", "--tty", "--tls-verify=false",
                "--init"), recorded.options());
        assertEquals("busybox", recorded.image());
        assertEquals(List.of("sh"), recorded.command());
    }
}
