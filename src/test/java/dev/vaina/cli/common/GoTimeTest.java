package dev.vaina.cli.common;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.TimeZone;
import org.junit.jupiter.api.Test;

/** Written by hand, each form as the JDK's patterns wrote it (Go's layouts), in zones east, west and at UTC. */
class GoTimeTest {
    private static final Instant[] INSTANTS = {Instant.parse("2026-12-02T05:56:30.01174046Z"),
        Instant.parse("2026-12-06T10:38:13Z"), Instant.parse("2026-07-14T23:59:59.999999999Z"),
        Instant.parse("1999-01-01T00:00:00.5Z"), Instant.parse("2026-03-29T01:30:00.000000001Z")};

    @Test
    void eachFormIsWhatTheJdksPatternsWrite() {
        TimeZone saved = TimeZone.getDefault();
        try {
            for (String zone : new String[] {"Etc/UTC", "UTC", "Europe/Berlin", "America/New_York", "Asia/Kolkata",
                    "GMT", "Z"}) {
                TimeZone.setDefault(TimeZone.getTimeZone(ZoneId.of(zone)));
                for (Instant instant : INSTANTS) {
                    var time = instant.atZone(ZoneId.systemDefault());
                    String fraction = time.getNano() == 0 ? ""
                            : ("." + String.format("%09d", time.getNano())).replaceAll("0+$", "");
                    assertEquals(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT).format(time) + fraction
                            + " " + DateTimeFormatter.ofPattern("xx zzz", Locale.ROOT).format(time),
                            GoTime.format(instant), zone);
                    String offset = time.getOffset().getTotalSeconds() == 0 ? "Z" : time.getOffset().getId();
                    assertEquals(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss", Locale.ROOT).format(time)
                            + fraction + offset, GoTime.rfc3339Nano(instant), zone);
                    assertEquals(DateTimeFormatter.ofPattern("EEE MMM ppd HH:mm:ss zzz yyyy", Locale.ROOT).format(time),
                            GoTime.unixDate(instant), zone);
                    assertEquals(DateTimeFormatter.ofPattern("EEE MMM ppd HH:mm:ss yyyy", Locale.ROOT)
                            .withZone(ZoneOffset.UTC).format(instant), GoTime.ansic(instant), zone);
                }
            }
        } finally {
            TimeZone.setDefault(saved);
        }
    }

    @Test
    void templatesTimeAtUtc() {
        TimeZone saved = TimeZone.getDefault();
        try {
            TimeZone.setDefault(TimeZone.getTimeZone(ZoneId.of("Etc/UTC")));
            assertEquals("2026-12-02 05:56:30.01174046 +0000 UTC", GoTime.format(INSTANTS[0]));
            assertEquals("Sun Dec  6 10:38:13 UTC 2026", GoTime.unixDate(INSTANTS[1]));
        } finally {
            TimeZone.setDefault(saved);
        }
    }
}
