package dev.vaina.spec;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Month;
import java.time.Year;

/**
 * ISO-8601 instants as vaina writes them ({@code Instant.toString()}: {@code 2026-12-05T04:00:00.123Z}), read
 * without the JDK's date-time formatter: the first {@code Instant.parse} of a JVM sets that formatter up, 9-10 ms
 * of every command that shows when something was created. Any other form (a leap second, an offset, lower-case
 * letters) is read by {@code Instant.parse}, so what is accepted and what is refused are the same.
 */
public final class Instants {
    private static final int[] SCALE = {100_000_000, 10_000_000, 1_000_000, 100_000, 10_000, 1_000, 100, 10, 1};

    private Instants() {
    }

    /** As {@link Instant#parse}: the instant, or a {@code DateTimeParseException}. */
    public static Instant parse(String text) {
        Instant plain = plain(text);
        return plain != null ? plain : Instant.parse(text);
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
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > Month.of(month).length(Year.isLeap(year))
                || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) {
            return null;
        }
        long epochDay = LocalDate.of(year, month, day).toEpochDay();
        return Instant.ofEpochSecond(epochDay * 86_400 + hour * 3_600L + minute * 60L + second, nanos);
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
