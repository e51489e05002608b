package dev.vaina.unit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;

class SystemdQuotingTest {
    @Test
    void plainArgumentsStayBare() {
        assertEquals("/usr/bin/vaina launcher 0123abcd --log-level=info a,b:c@d+e",
                SystemdQuoting.commandLine(List.of("/usr/bin/vaina", "launcher", "0123abcd", "--log-level=info",
                        "a,b:c@d+e")));
    }

    @Test
    void spacesAndQuotesAreQuotedAndEscaped() {
        assertEquals("\"two words\" \"say \\\"hi\\\"\" \"back\\\\slash\" \"it's\"",
                String.join(" ", List.of(SystemdQuoting.quoteArgument("two words"),
                        SystemdQuoting.quoteArgument("say \"hi\""), SystemdQuoting.quoteArgument("back\\slash"),
                        SystemdQuoting.quoteArgument("it's"))));
    }

    @Test
    void dollarAndPercentAreDoubledBecauseSystemdExpandsThemInsideQuotesToo() {
        assertEquals("\"$$HOME\"", SystemdQuoting.quoteArgument("$HOME"));
        assertEquals("\"100%%\"", SystemdQuoting.quoteArgument("100%"));
        assertEquals("\"$${x}%%n\"", SystemdQuoting.quoteArgument("${x}%n"));
    }

    @Test
    void emptyArgumentAndLoneSemicolonSurvive() {
        assertEquals("\"\"", SystemdQuoting.quoteArgument(""));
        assertEquals("\";\"", SystemdQuoting.quoteArgument(";"));
    }

    @Test
    void controlCharactersBecomeCEscapes() {
        assertEquals("\"a\\nb\\tc\\x01\"", SystemdQuoting.quoteArgument("a\nb\tc\u0001"));
    }

    @Test
    void programMustBeAnAbsolutePath() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SystemdQuoting.commandLine(List.of("-vaina")));
        assertEquals("the program of a unit's command line must be an absolute path, got \"-vaina\"",
                e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> SystemdQuoting.commandLine(List.of()));
    }

    @Test
    void escapeSpecifiers_doublesPercentAndRefusesNewlines() {
        assertEquals("vaina container web (img:100%%)",
                SystemdQuoting.escapeSpecifiers("vaina container web (img:100%)"));
        assertThrows(IllegalArgumentException.class, () -> SystemdQuoting.escapeSpecifiers("a\nb"));
    }

    @Test
    void splitWords_quotesGroupAndBackslashesEscape() {
        assertEquals(java.util.List.of("sh", "-c", "echo \"a b\"; echo it's", "x y", "tab\there"),
                SystemdQuoting.splitWords("sh -c 'echo \"a b\"; echo it'\\''s'  x\\ y \"tab\\there\""));
        assertEquals(java.util.List.of("", "a"), SystemdQuoting.splitWords("\"\" a"));
        assertEquals(java.util.List.of(), SystemdQuoting.splitWords("   "));
    }

    @Test
    void splitWords_unbalancedQuoteIsAnError() {
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> SystemdQuoting.splitWords("echo \"open"));
    }

    @Test
    void commandLineWithSpecifiers_leavesPercentForSystemd() {
        assertEquals("/bin/x --name systemd-%N \"a b%i\" \"$$HOME\"",
                SystemdQuoting.commandLineWithSpecifiers(java.util.List.of("/bin/x", "--name", "systemd-%N", "a b%i", "$HOME")));
    }
}
