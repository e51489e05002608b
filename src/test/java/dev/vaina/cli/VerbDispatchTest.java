package dev.vaina.cli;

import dev.vaina.cli.common.ExitCodes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vaina.cli.system.VersionCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Set;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class VerbDispatchTest {
    private record Run(int code, String out, String err) {
    }

    private static Run vaina(String... args) {
        CommandLine commandLine = Main.commandLine(CommandLine.defaultFactory(), args);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int code = commandLine.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void verb_isTheFirstWordAfterGlobalOptions() {
        assertEquals("ps", Verbs.of(new String[] {"ps", "-a"}));
        assertEquals("ps", Verbs.of(new String[] {"--root", "/r", "--runroot=/rr", "ps", "-a"}));
        assertEquals("image", Verbs.of(new String[] {"--systemd-manager", "user", "--runtime", "runc", "image", "ls"}));
        assertEquals("pod", Verbs.of(new String[] {"--log-level", "debug", "--noout", "--cgroup-manager=cgroupfs", "pod", "ps"}));
        assertNull(Verbs.of(new String[] {"--version"}));
        assertNull(Verbs.of(new String[] {"--bogus", "ps"}));
        assertNull(Verbs.of(new String[] {"bogus"}));
        assertNull(Verbs.of(new String[] {"--root"}));
    }

    @Test
    void everyVerbIsNamedAsItsCommandSays() {
        for (String name : Verbs.names()) {
            Class<?> command = Verbs.command(name);
            assertNotNull(command, name);
            assertEquals(name, command.getAnnotation(CommandLine.Command.class).name());
        }
    }

    @Test
    void everyVerbAnswersHelp_builtAlone() {
        for (String name : Verbs.names()) {
            Run run = vaina(name, "--help");
            assertEquals(0, run.code(), name + ": " + run.err());
            assertTrue(run.out().startsWith("Usage: vaina " + name), name + ": " + run.out());
            assertEquals(Set.of(name), Main.commandLine(CommandLine.defaultFactory(), name, "--help")
                    .getSubcommands().keySet());
        }
    }

    @Test
    void helpListsEveryVerb_versionNeedsNone() {
        Run help = vaina("--help");
        assertEquals(0, help.code());
        for (String name : Verbs.names()) {
            assertTrue(help.out().contains("\n  " + name + " "), name + " missing from:\n" + help.out());
        }
        Run version = vaina("--version");
        assertEquals(0, version.code());
        assertEquals("vaina version " + VersionCommand.version() + "\n", version.out());
        assertTrue(Main.commandLine(CommandLine.defaultFactory(), "--version").getSubcommands().isEmpty());
        java.io.ByteArrayOutputStream printed = new java.io.ByteArrayOutputStream();
        java.io.PrintStream stdout = System.out;
        System.setOut(new java.io.PrintStream(printed, true));
        try {
            assertEquals(0, Main.execute("--version"));
        } finally {
            System.setOut(stdout);
        }
        assertEquals(version.out(), printed.toString(), "the fast path prints what picocli prints");
    }

    @Test
    void unknownVerb_isReportedWithEveryVerbKnown() {
        Run run = vaina("--root", "/nonexistent", "psx");
        assertEquals(ExitCodes.ENGINE, run.code());
        assertTrue(run.err().contains("'psx'"), run.err());
        assertTrue(run.err().contains("ps"), run.err());
    }
}
