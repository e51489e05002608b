package dev.vaina.cli.containers;

import dev.vaina.cli.common.CommandFailedException;
import dev.vaina.cli.common.ExitCodes;
import dev.vaina.cli.common.GoDuration;
import dev.vaina.spec.Ascii;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * The times `logs --since/--until` take, as Podman's do: an RFC 3339 timestamp (with or without zone,
 * UTC when none), a date, Unix seconds (with a fraction), or a duration back from now ("10m", "1h30m").
 */
public final class LogTime {
    private LogTime() {
    }

    public static Instant parse(String option, String text, Instant now) {
        if (unixSeconds(text)) {
            int dot = text.indexOf('.');
            String seconds = dot < 0 ? text : text.substring(0, dot);
            long nanos = dot < 0 ? 0 : Long.parseLong((text.substring(dot + 1) + "000000000").substring(0, 9));
            return Instant.ofEpochSecond(Long.parseLong(seconds), nanos);
        }
        // Each of the dated forms has a '-' after its year; a duration never has one but as its sign.
        if (text.indexOf('-') > 0) {
            try {
                return OffsetDateTime.parse(text).toInstant();
            } catch (DateTimeParseException e) {
                // not with a zone; try the next form
            }
            try {
                return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e) {
                // not a local date and time
            }
            try {
                return LocalDate.parse(text).atStartOfDay().toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e) {
                // not a date
            }
        }
        try {
            return now.minus(GoDuration.parse(text));
        } catch (RuntimeException e) {
            throw new CommandFailedException(ExitCodes.ENGINE,
                    "parsing " + option + " \"" + text + "\": unable to interpret time value");
        }
    }

    /** Unix seconds, with a fraction of one to nine digits or none (digits only: no sign). */
    private static boolean unixSeconds(String text) {
        int dot = text.indexOf('.');
        if (dot < 0) {
            return Ascii.isDigits(text);
        }
        int decimals = text.length() - dot - 1;
        return dot > 0 && decimals >= 1 && decimals <= 9 && Ascii.isDigits(text.substring(0, dot))
                && Ascii.isDigits(text.substring(dot + 1));
    }
}
