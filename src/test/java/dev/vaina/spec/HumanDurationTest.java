package dev.vaina.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The boundaries of go-units' HumanDuration, which Podman prints in CREATED and STATUS columns. */
class HumanDurationTest {
    private static String of(Duration d) {
        return HumanDuration.format(d);
    }

    @Test
    void secondsAndMinutes() {
        assertEquals("Less than a second", of(Duration.ofMillis(999)));
        assertEquals("Less than a second", of(Duration.ofSeconds(-5)));
        assertEquals("1 second", of(Duration.ofMillis(1999)));
        assertEquals("59 seconds", of(Duration.ofSeconds(59)));
        assertEquals("About a minute", of(Duration.ofSeconds(119)));
        assertEquals("2 minutes", of(Duration.ofSeconds(120)));
        assertEquals("59 minutes", of(Duration.ofSeconds(3599)));
    }

    @Test
    void hoursRoundToNearest() {
        assertEquals("About an hour", of(Duration.ofMinutes(60)));
        assertEquals("About an hour", of(Duration.ofMinutes(89)));
        assertEquals("2 hours", of(Duration.ofMinutes(90)));
        assertEquals("47 hours", of(Duration.ofHours(47)));
    }

    @Test
    void daysWeeksMonthsYears() {
        assertEquals("2 days", of(Duration.ofHours(48)));
        assertEquals("13 days", of(Duration.ofDays(13)));
        assertEquals("2 weeks", of(Duration.ofDays(14)));
        assertEquals("8 weeks", of(Duration.ofDays(59)));
        assertEquals("2 months", of(Duration.ofDays(60)));
        assertEquals("24 months", of(Duration.ofDays(729)));
        assertEquals("2 years", of(Duration.ofDays(730)));
    }

    @Test
    void ago() {
        Instant now = Instant.parse("2026-01-01T12:00:00Z");
        assertEquals("2 minutes ago", HumanDuration.ago(now.minusSeconds(150), now));
    }

    @Test
    void ago_isTheDurationBetweenTheInstants() {
        java.util.Random random = new java.util.Random(20261207);
        Instant now = Instant.parse("2026-12-07T09:00:00.123456789Z");
        for (int i = 0; i < 100_000; i++) {
            // Around each boundary and anywhere in ten years, either side of now, to the nanosecond.
            long seconds = i % 2 == 0 ? random.nextLong(-10, 400_000_000L) : random.nextLong(-2, 7_300) * 30;
            Instant then = now.minusSeconds(seconds).plusNanos(random.nextInt(2_000_000_000) - 1_000_000_000L);
            assertEquals(HumanDuration.format(Duration.between(then, now)) + " ago", HumanDuration.ago(then, now),
                    then.toString());
        }
    }
}
