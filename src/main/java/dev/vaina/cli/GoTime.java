package dev.vaina.cli;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** A time as Go's time.Time prints it in templates: {@code 2026-12-02 05:56:30.01174046 +0000 UTC}. */
public final class GoTime {
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);
    private static final DateTimeFormatter ZONE = DateTimeFormatter.ofPattern("xx zzz", Locale.ROOT);

    /** Go's zero time, which Podman prints as seconds since the epoch for a container that never started. */
    static final long ZERO_UNIX_SECONDS = -62135596800L;

    private GoTime() {
    }

    public static String format(Instant instant) {
        ZonedDateTime time = instant.atZone(ZoneId.systemDefault());
        String fraction = time.getNano() == 0 ? ""
                : ("." + String.format("%09d", time.getNano())).replaceAll("0+$", "");
        return SECONDS.format(time) + fraction + " " + ZONE.format(time);
    }

    public static long unixSeconds(String isoTime) {
        return isoTime == null ? ZERO_UNIX_SECONDS : Instant.parse(isoTime).getEpochSecond();
    }
}
