package dev.vaina.spec;

import java.time.Duration;
import java.time.Instant;

/**
 * ISO-8601 instants as vaina writes them ({@code Instant.toString()}: {@code 2026-12-05T04:00:00.123Z}), read
 * and written without the JDK's date-time formatter: the first {@code Instant.parse} or {@code Instant.toString}
 * of a JVM sets that formatter up, 6-10 ms of every command that shows when something was created or records
 * when something happened (and of every container's launcher). Any other form (a leap second, an offset,
 * lower-case letters) is read by {@code Instant.parse}, so what is accepted and what is refused are the same.
 * Dates are counted to and from days since the epoch by hand, as {@code LocalDate} counts them: its class's
 * initialisation sets {@code ChronoField}'s and {@code ChronoUnit}'s tables up, half a millisecond of `ps`.
 */
public final class Instants {
    private static final int[] SCALE = {100_000_000, 10_000_000, 1_000_000, 100_000, 10_000, 1_000, 100, 10, 1};
    /** 0000-01-01 and 9999-12-31 as days since the epoch: the years written without a sign. */
    private static final long FIRST_DAY = -719_528;
    private static final long LAST_DAY = 2_932_896;
    /** 400 Gregorian years. */
    private static final long DAYS_PER_ERA = 146_097;
    /** From 0000-03-01 to the epoch. */
    private static final long DAYS_FROM_MARCH_0000 = 719_468;

    private Instants() {
    }

    /**
     * As {@code Duration.between(from, to)}, from the instants' seconds and nanoseconds: {@code Duration.between}
     * goes through {@code Instant.until}, which sets java.time's field and unit tables up (some tenths of a
     * millisecond of `ps`, `images` and `stats`).
     */
    public static Duration between(Instant from, Instant to) {
        return Duration.ofSeconds(to.getEpochSecond() - from.getEpochSecond(), (long) to.getNano() - from.getNano());
    }

    /** As {@link Instant#parse}: the instant, or a {@code DateTimeParseException}. */
    public static Instant parse(String text) {
        Instant plain = plain(text);
        return plain != null ? plain : Instant.parse(text);
    }

    /**
     * As {@link Instant#toString}: {@code yyyy-MM-ddTHH:mm:ssZ}, with the fraction in 3, 6 or 9 digits when there
     * is one. Years outside 0-9999, which ISO-8601 writes with a sign, are left to {@code Instant.toString}.
     */
    public static String format(Instant instant) {
        return format(instant, false);
    }

    /** As {@link #format}, with the fraction always in nine digits (a network's creation time, as Podman writes it). */
    public static String formatNanos(Instant instant) {
        return format(instant, true);
    }

    private static String format(Instant instant, boolean allNanos) {
        long seconds = instant.getEpochSecond();
        long epochDay = Math.floorDiv(seconds, 86_400);
        if (epochDay < FIRST_DAY || epochDay > LAST_DAY) {
            return instant.toString();
        }
        // The civil date: years counted from 1 March, so that February's varying length comes last in each; eras
        // of 400 years, 146 097 days each, the Gregorian calendar's cycle.
        long fromMarch0000 = epochDay + DAYS_FROM_MARCH_0000;
        long era = Math.floorDiv(fromMarch0000, DAYS_PER_ERA);
        int dayOfEra = (int) (fromMarch0000 - era * DAYS_PER_ERA);
        int yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365;
        int dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
        int monthFromMarch = (5 * dayOfYear + 2) / 153;
        int day = dayOfYear - (153 * monthFromMarch + 2) / 5 + 1;
        int month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9;
        int year = (int) (era * 400 + yearOfEra + (month <= 2 ? 1 : 0));
        int secondOfDay = (int) Math.floorMod(seconds, 86_400);
        StringBuilder text = new StringBuilder(30);
        digits(text, year, 4).append('-');
        digits(text, month, 2).append('-');
        digits(text, day, 2).append('T');
        digits(text, secondOfDay / 3_600, 2).append(':');
        digits(text, secondOfDay / 60 % 60, 2).append(':');
        digits(text, secondOfDay % 60, 2);
        int nanos = instant.getNano();
        if (allNanos) {
            digits(text.append('.'), nanos, 9);
        } else if (nanos > 0) {
            text.append('.');
            if (nanos % 1_000_000 == 0) {
                digits(text, nanos / 1_000_000, 3);
            } else if (nanos % 1_000 == 0) {
                digits(text, nanos / 1_000, 6);
            } else {
                digits(text, nanos, 9);
            }
        }
        return text.append('Z').toString();
    }

    private static StringBuilder digits(StringBuilder text, int value, int width) {
        String number = Integer.toString(value);
        for (int i = number.length(); i < width; i++) {
            text.append('0');
        }
        return text.append(number);
    }

    /** {@code yyyy-MM-ddTHH:mm:ss[.f{1,9}]Z} with every field in range, else null. */
    private static Instant plain(String text) {
        int length = text.length();
        if (length < 20 || text.charAt(4) != '-' || text.charAt(7) != '-' || text.charAt(10) != 'T'
                || text.charAt(13) != ':' || text.charAt(16) != ':' || text.charAt(length - 1) != 'Z') {
            return null;
        }
        int nanos = 0;
        if (length > 20) {
            int digits = length - 21;
            if (text.charAt(19) != '.' || digits < 1 || digits > SCALE.length) {
                return null;
            }
            int fraction = number(text, 20, length - 1);
            if (fraction < 0) {
                return null;
            }
            nanos = fraction * SCALE[digits - 1];
        }
        int year = number(text, 0, 4);
        int month = number(text, 5, 7);
        int day = number(text, 8, 10);
        int hour = number(text, 11, 13);
        int minute = number(text, 14, 16);
        int second = number(text, 17, 19);
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > daysIn(year, month)
                || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) {
            return null;
        }
        long epochDay = epochDay(year, month, day);
        return Instant.ofEpochSecond(epochDay * 86_400 + hour * 3_600L + minute * 60L + second, nanos);
    }

    /** Days since 1970-01-01 of a date of the proleptic Gregorian calendar, as {@code LocalDate.toEpochDay} counts. */
    static long epochDay(int year, int month, int day) {
        // Years from 1 March (the format above explains), January and February the last months of the year before.
        int marchYear = month <= 2 ? year - 1 : year;
        long era = Math.floorDiv(marchYear, 400);
        int yearOfEra = (int) (marchYear - era * 400);
        int monthFromMarch = month <= 2 ? month + 9 : month - 3;
        int dayOfYear = (153 * monthFromMarch + 2) / 5 + day - 1;
        int dayOfEra = 365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
        return era * DAYS_PER_ERA + dayOfEra - DAYS_FROM_MARCH_0000;
    }

    /** As {@code Month.length}, without {@code Year}, whose class sets a date-time formatter up. */
    private static int daysIn(int year, int month) {
        if (month == 2) {
            return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28;
        }
        return month == 4 || month == 6 || month == 9 || month == 11 ? 30 : 31;
    }

    /** The ASCII digits from {@code from} to {@code to} as a number, or -1. */
    private static int number(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
