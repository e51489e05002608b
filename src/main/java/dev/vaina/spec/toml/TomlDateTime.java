package dev.vaina.spec.toml;

/**
 * A TOML date, time or date-time value: its kind and its text as the document wrote it (the separator may be
 * {@code T}, {@code t} or a space, the offset {@code Z} or {@code z}, the fraction of a second any number of digits).
 * The parser has checked every field (months, days per month in leap years and others, hours, minutes, seconds,
 * offsets). It is kept as text rather than as a java.time value because setting up java.time's tables costs a
 * command's start more than reading the whole file, and no configuration vaina reads holds a date yet.
 */
public record TomlDateTime(Kind kind, String text) {
    /** The four forms of TOML 1.0.0. */
    public enum Kind {
        /** A date and a time with an offset from UTC: {@code 1979-05-27T07:32:00-07:00}. */
        OFFSET_DATE_TIME,
        /** A date and a time without an offset: {@code 1979-05-27T07:32:00}. */
        LOCAL_DATE_TIME,
        /** A date alone: {@code 1979-05-27}. */
        LOCAL_DATE,
        /** A time of day alone: {@code 07:32:00}. */
        LOCAL_TIME
    }

    public TomlDateTime {
        if (kind == null || text == null) {
            throw new NullPointerException("a TOML date-time needs a kind and a text");
        }
    }

    /** The text as written, as a message would quote the value. */
    @Override
    public String toString() {
        return text;
    }
}
