package dev.vaina.cli.containers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.vaina.cli.common.CommandFailedException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LogTimeTest {
    private static final Instant NOW = Instant.parse("2026-12-06T10:00:00Z");

    @Test
    void readsEachFormPodmanTakes() {
        assertEquals(Instant.ofEpochSecond(1700000000), LogTime.parse("--since", "1700000000", NOW));
        assertEquals(Instant.ofEpochSecond(1700000000, 500_000_000), LogTime.parse("--since", "1700000000.5", NOW));
        assertEquals(Instant.ofEpochSecond(1700000000, 123456789), LogTime.parse("--since", "1700000000.123456789", NOW));
        assertEquals(Instant.parse("2026-12-06T08:00:00Z"), LogTime.parse("--since", "2026-12-06T10:00:00+02:00", NOW));
        assertEquals(Instant.parse("2026-12-06T09:30:00Z"), LogTime.parse("--since", "2026-12-06T09:30:00", NOW));
        assertEquals(Instant.parse("2026-12-05T00:00:00Z"), LogTime.parse("--since", "2026-12-05", NOW));
        assertEquals(Instant.parse("2026-12-06T09:50:00Z"), LogTime.parse("--since", "10m", NOW));
        assertEquals(Instant.parse("2026-12-06T08:29:30Z"), LogTime.parse("--until", "1h30m30s", NOW));
    }

    @Test
    void refusesWhatIsNoneOfThem() {
        for (String text : new String[] {"", "yesterday", "1700000000.", "1700000000.1234567891", ".5", "2026-13-01",
                "12:00", "+5"}) {
            CommandFailedException e = assertThrows(CommandFailedException.class, () -> LogTime.parse("--since", text, NOW),
                    text);
            assertEquals("parsing --since \"" + text + "\": unable to interpret time value", e.getMessage());
        }
    }
}
