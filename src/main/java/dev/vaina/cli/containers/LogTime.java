package dev.vaina.cli.containers;

import dev.vaina.cli.common.CommandFailedException;
import dev.vaina.cli.common.ExitCodes;
import dev.vaina.cli.common.GoDuration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/**
 * The times `logs --since/--until` take, as Podman's do: an RFC 3339 timestamp (with or without zone,
 * UTC when none), a date, Unix seconds (with a fraction), or a duration back from now ("10m", "1h30m").
 */
public final class LogTime {
    private static final Pattern UNIX = Pattern.compile("\\d+(\\.\\d{1,9})?");

    private LogTime() {
    }

    public static Instant parse(String option, String text, Instant now) {
        if (UNIX.matcher(text).matches()) {
            String[] parts = text.split("\\.");
            long nanos = parts.length > 1 ? Long.parseLong((parts[1] + "000000000").substring(0, 9)) : 0;
            return Instant.ofEpochSecond(Long.parseLong(parts[0]), nanos);
        }
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
        try {
            return now.minus(GoDuration.parse(text));
        } catch (RuntimeException e) {
            throw new CommandFailedException(ExitCodes.ENGINE,
                    "parsing " + option + " \"" + text + "\": unable to interpret time value");
        }
    }
}
