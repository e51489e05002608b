package dev.vaina.cli.common;

import dev.vaina.spec.Decimals;
import dev.vaina.spec.Instants;
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
        String fraction = time.getNano() == 0 ? "" : "." + Decimals.fraction(time.getNano(), 9);
        return SECONDS.format(time) + fraction + " " + ZONE.format(time);
    }

    /** Go's time.RFC3339Nano, as JSON shows a time.Time: {@code 2026-12-02T14:41:58.70928903Z}. */
    public static String rfc3339Nano(Instant instant) {
        ZonedDateTime time = instant.atZone(ZoneId.systemDefault());
        String fraction = time.getNano() == 0 ? "" : "." + Decimals.fraction(time.getNano(), 9);
        String offset = time.getOffset().getTotalSeconds() == 0 ? "Z" : time.getOffset().getId();
        return DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss", Locale.ROOT).format(time) + fraction + offset;
    }

    public static long unixSeconds(String isoTime) {
        return isoTime == null ? ZERO_UNIX_SECONDS : Instants.parse(isoTime).getEpochSecond();
    }
}
