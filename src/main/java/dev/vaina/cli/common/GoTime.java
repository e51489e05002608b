package dev.vaina.cli.common;

import dev.vaina.spec.Decimals;
import dev.vaina.spec.Instants;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Set;
import java.util.TimeZone;

/**
 * Times as Go's time.Time prints them: in templates {@code 2026-12-02 05:56:30.01174046 +0000 UTC}, in JSON
 * RFC 3339, in headers time.UnixDate and time.ANSIC. Written field by field: a pattern is parsed when it is made,
 * and a zone's or day's name sets the JDK's locale data up (resource bundles read from the runtime image), some
 * 10 ms of an `events` or a `ps --format` with a date. Only a zone other than UTC is named through the JDK.
 */
public final class GoTime {
    /** The zones the JDK names "UTC" (as Go does): the name is written without it. */
    private static final Set<String> UTC = Set.of("UTC", "Etc/UTC", "UCT", "Etc/UCT", "Universal", "Etc/Universal",
            "Zulu", "Etc/Zulu");
    private static final String[] DAYS = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
    private static final String[] MONTHS = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct",
        "Nov", "Dec"};

    /** Go's zero time, which Podman prints as seconds since the epoch for a container that never started. */
    static final long ZERO_UNIX_SECONDS = -62135596800L;

    private GoTime() {
    }

    /** As a template prints a time.Time: {@code 2026-12-02 05:56:30.01174046 +0000 UTC}, in this machine's zone. */
    public static String format(Instant instant) {
        ZonedDateTime time = instant.atZone(localZone());
        StringBuilder text = new StringBuilder(48);
        date(text, time).append(' ');
        clock(text, time);
        fraction(text, time);
        return offset(text.append(' '), time).append(' ').append(zoneName(time)).toString();
    }

    /** Go's time.RFC3339Nano, as JSON shows a time.Time: {@code 2026-12-02T14:41:58.70928903Z}. */
    public static String rfc3339Nano(Instant instant) {
        ZonedDateTime time = instant.atZone(localZone());
        StringBuilder text = new StringBuilder(40);
        date(text, time).append('T');
        clock(text, time);
        fraction(text, time);
        return time.getOffset().getTotalSeconds() == 0 ? text.append('Z').toString()
                : text.append(time.getOffset().getId()).toString();
    }

    /** Go's time.ANSIC in UTC: {@code Sun Dec  6 10:38:13 2026}. */
    public static String ansic(Instant instant) {
        ZonedDateTime time = instant.atZone(ZoneOffset.UTC);
        StringBuilder text = dayAndMonth(new StringBuilder(24), time);
        clock(text, time).append(' ');
        return year(text, time.getYear()).toString();
    }

    /** Go's time.UnixDate in this machine's zone: {@code Sun Dec  6 10:38:13 UTC 2026}. */
    public static String unixDate(Instant instant) {
        ZonedDateTime time = instant.atZone(localZone());
        StringBuilder text = dayAndMonth(new StringBuilder(32), time);
        clock(text, time).append(' ').append(zoneName(time)).append(' ');
        return year(text, time.getYear()).toString();
    }

    public static long unixSeconds(String isoTime) {
        return isoTime == null ? ZERO_UNIX_SECONDS : Instants.parse(isoTime).getEpochSecond();
    }

    private static StringBuilder date(StringBuilder text, ZonedDateTime time) {
        year(text, time.getYear()).append('-');
        return twoDigits(twoDigits(text, time.getMonthValue()).append('-'), time.getDayOfMonth());
    }

    /** "Sun Dec  6 ": the day of the month padded with a space, as Go's "_2". */
    private static StringBuilder dayAndMonth(StringBuilder text, ZonedDateTime time) {
        text.append(DAYS[time.getDayOfWeek().ordinal()]).append(' ').append(MONTHS[time.getMonthValue() - 1]).append(' ');
        return text.append(time.getDayOfMonth() < 10 ? " " : "").append(time.getDayOfMonth()).append(' ');
    }

    private static StringBuilder clock(StringBuilder text, ZonedDateTime time) {
        twoDigits(text, time.getHour()).append(':');
        twoDigits(text, time.getMinute()).append(':');
        return twoDigits(text, time.getSecond());
    }

    /** The nanoseconds without their trailing zeros, none for a whole second. */
    private static void fraction(StringBuilder text, ZonedDateTime time) {
        if (time.getNano() != 0) {
            text.append('.').append(Decimals.fraction(time.getNano(), 9));
        }
    }

    /** -0700 style. */
    private static StringBuilder offset(StringBuilder text, ZonedDateTime time) {
        int seconds = time.getOffset().getTotalSeconds();
        text.append(seconds < 0 ? '-' : '+');
        int minutes = Math.abs(seconds) / 60;
        return twoDigits(twoDigits(text, minutes / 60), minutes % 60);
    }

    /**
     * This machine's zone. One of UTC's names is taken as "UTC", which the JDK makes without its zone rules'
     * provider: ZoneId.systemDefault() of "Etc/UTC" sets that provider up, which looks for others on the class path
     * (opening vaina.jar, 5-10 ms of an `events` or a `version`).
     */
    private static ZoneId localZone() {
        TimeZone zone = TimeZone.getDefault();
        return UTC.contains(zone.getID()) ? ZoneId.of("UTC") : zone.toZoneId();
    }

    /** The zone's abbreviation, "UTC" or as the JDK names it ("CET"). */
    private static String zoneName(ZonedDateTime time) {
        return UTC.contains(time.getZone().getId()) ? "UTC" : ZoneNames.SHORT.format(time);
    }

    /** Made on first use only, by a machine whose zone is not UTC: then once, not once per time written. */
    private static final class ZoneNames {
        static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("zzz", Locale.ROOT);
    }

    /** Four digits at least, a sign for a year before 1: what Go prints. */
    private static StringBuilder year(StringBuilder text, int year) {
        if (year < 0) {
            text.append('-');
        }
        String digits = Integer.toString(Math.abs(year));
        for (int i = digits.length(); i < 4; i++) {
            text.append('0');
        }
        return text.append(digits);
    }

    private static StringBuilder twoDigits(StringBuilder text, int value) {
        return text.append(value < 10 ? "0" : "").append(value);
    }
}
