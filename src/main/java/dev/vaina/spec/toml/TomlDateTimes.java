package dev.vaina.spec.toml;

/**
 * TOML's dates and times, read from where {@link TomlParser} stands in the document and checked field by field
 * (days per month, leap years, offsets), kept as text ({@link TomlDateTime}).
 */
final class TomlDateTimes {
    private final TomlText in;

    TomlDateTimes(TomlText in) {
        this.in = in;
    }

    /** A date, perhaps followed by a time (after T, t or one space) and then perhaps an offset. */
    TomlDateTime dateTime() throws TomlException {
        int start = in.at;
        int year = field(4, 0, 9999, "year", "0000 to 9999");
        in.expect('-', "the date's month (YYYY-MM-DD)");
        int month = field(2, 1, 12, "month", "01 to 12");
        in.expect('-', "the date's day (YYYY-MM-DD)");
        int dayColumn = in.column();
        int day = field(2, 1, 31, "day", "01 to 31");
        if (day > daysIn(month, year)) {
            throw TomlText.errorAt(in.line, dayColumn, "invalid date " + new String(in.text, start, in.at - start)
                    + ": " + (month == 2 ? "February " + year : "the month") + " has " + daysIn(month, year) + " days");
        }
        boolean timeFollows = in.at < in.end && (in.text[in.at] == 'T' || in.text[in.at] == 't')
                || in.at + 3 < in.end && in.text[in.at] == ' ' && TomlText.isDigit(in.text[in.at + 1])
                && TomlText.isDigit(in.text[in.at + 2]) && in.text[in.at + 3] == ':';
        if (!timeFollows) {
            return new TomlDateTime(TomlDateTime.Kind.LOCAL_DATE, new String(in.text, start, in.at - start));
        }
        in.at++;
        partialTime();
        TomlDateTime.Kind kind = TomlDateTime.Kind.LOCAL_DATE_TIME;
        if (in.at < in.end && (in.text[in.at] == 'Z' || in.text[in.at] == 'z')) {
            in.at++;
            kind = TomlDateTime.Kind.OFFSET_DATE_TIME;
        } else if (in.at < in.end && (in.text[in.at] == '+' || in.text[in.at] == '-')) {
            in.at++;
            field(2, 0, 23, "offset's hour", "00 to 23");
            in.expect(':', "the offset's minutes (+HH:MM)");
            field(2, 0, 59, "offset's minute", "00 to 59");
            kind = TomlDateTime.Kind.OFFSET_DATE_TIME;
        }
        return new TomlDateTime(kind, new String(in.text, start, in.at - start));
    }

    /** HH:MM:SS with a fraction of a second or not (TOML 1.0.0 requires the seconds). */
    void partialTime() throws TomlException {
        field(2, 0, 23, "hour", "00 to 23");
        in.expect(':', "the time's minutes (HH:MM:SS)");
        field(2, 0, 59, "minute", "00 to 59");
        in.expect(':', "the time's seconds (HH:MM:SS): TOML 1.0.0 requires them");
        field(2, 0, 60, "second", "00 to 60");
        if (in.at < in.end && in.text[in.at] == '.') {
            in.at++;
            if (in.at >= in.end || !TomlText.isDigit(in.text[in.at])) {
                throw in.error("expected the digits of a fraction of a second after '.', found " + in.found());
            }
            while (in.at < in.end && TomlText.isDigit(in.text[in.at])) {
                in.at++;
            }
        }
    }

    private int field(int digits, int min, int max, String name, String range) throws TomlException {
        if (!in.digitsAhead(digits)) {
            throw in.error("expected the " + name + " (" + digits + " digits, " + range + "), found " + in.found());
        }
        int value = 0;
        for (int i = 0; i < digits; i++) {
            value = value * 10 + in.text[in.at + i] - '0';
        }
        if (value < min || value > max) {
            throw in.error("invalid " + name + " " + new String(in.text, in.at, digits) + ": expected " + range);
        }
        in.at += digits;
        return value;
    }

    private static int daysIn(int month, int year) {
        if (month == 2) {
            boolean leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
            return leap ? 29 : 28;
        }
        return month == 4 || month == 6 || month == 9 || month == 11 ? 30 : 31;
    }
}
