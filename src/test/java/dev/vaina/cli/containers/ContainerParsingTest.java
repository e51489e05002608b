package dev.vaina.cli.containers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vaina.spec.InvalidSpecException;
import org.junit.jupiter.api.Test;

class ContainerParsingTest {
    @Test
    void criLogLine_fullAndPartialLinesOnBothStreams() {
        CriLogLine full = CriLogLine.parse("2026-11-28T17:00:00.123456789Z stdout F hello world");
        assertFalse(full.stderr());
        assertEquals("hello world\n", full.output());
        CriLogLine partial = CriLogLine.parse("2026-11-28T17:00:00.1Z stderr P no newline yet");
        assertTrue(partial.stderr());
        assertEquals("no newline yet", partial.output());
        assertEquals("\n", CriLogLine.parse("2026-11-28T17:00:00Z stdout F ").output());
    }

    @Test
    void criLogLine_foreignLineIsShownRatherThanLost() {
        assertEquals("garbage\n", CriLogLine.parse("garbage").output());
    }

    @Test
    void psFilter_rejectsUnknownKeysAndStatuses() {
        assertThrows(InvalidSpecException.class, () -> PsFilter.parse("color=red"));
        assertThrows(InvalidSpecException.class, () -> PsFilter.parse("status=sleeping"));
        assertThrows(InvalidSpecException.class, () -> PsFilter.parse("name"));
        assertEquals(new PsFilter("name", "^web$"), PsFilter.parse("name=^web$"));
    }
}
