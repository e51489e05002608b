package dev.vaina.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Instants read as {@code Instant.parse} reads them: the same instant, or refused alike. */
class InstantsTest {
    private final Random random = new Random(20261205);

    @Test
    void between_isDurationBetween() {
        for (int i = 0; i < 100_000; i++) {
            Instant from = Instant.ofEpochSecond(random.nextLong(-1L << 40, 1L << 40), random.nextInt(1_000_000_000));
            Instant to = i % 2 == 0 ? from.plusNanos(random.nextLong(-5_000_000_000L, 5_000_000_000L))
                    : Instant.ofEpochSecond(random.nextLong(-1L << 40, 1L << 40), random.nextInt(1_000_000_000));
            assertEquals(java.time.Duration.between(from, to), Instants.between(from, to), from + " to " + to);
        }
    }

    @Test
    void epochDay_countsEveryDateOfYears0To9999AsLocalDateDoes() {
        java.time.LocalDate date = java.time.LocalDate.of(0, 1, 1);
        java.time.LocalDate end = java.time.LocalDate.of(9999, 12, 31);
        while (!date.isAfter(end)) {
            assertEquals(date.toEpochDay(), Instants.epochDay(date.getYear(), date.getMonthValue(), date.getDayOfMonth()),
                    date.toString());
            date = date.plusDays(1);
        }
    }

    @Test
    void format_writesWhatInstantToStringWrites() {
        List<Instant> instants = new ArrayList<>(List.of(Instant.EPOCH, Instant.MIN, Instant.MAX,
                Instant.parse("0000-01-01T00:00:00Z"), Instant.parse("-0001-12-31T23:59:59.999999999Z"),
                Instant.parse("9999-12-31T23:59:59.999999999Z"), Instant.parse("+10000-01-01T00:00:00Z"),
                Instant.parse("1969-12-31T23:59:59.5Z"), Instant.parse("2024-02-29T12:00:00.000001Z")));
        for (int i = 0; i < 50_000; i++) {
            long seconds = i % 10 == 0 ? random.nextLong(Instant.MIN.getEpochSecond(), Instant.MAX.getEpochSecond())
                    : random.nextLong(-62_167_219_200L - 100_000, 253_402_300_799L + 100_000);
            int nanos = switch (random.nextInt(4)) {
                case 0 -> 0;
                case 1 -> random.nextInt(1_000) * 1_000_000;
                case 2 -> random.nextInt(1_000_000) * 1_000;
                default -> random.nextInt(1_000_000_000);
            };
            instants.add(Instant.ofEpochSecond(seconds, nanos));
        }
        java.time.format.DateTimeFormatter nineDigits = java.time.format.DateTimeFormatter
                .ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'").withZone(java.time.ZoneOffset.UTC);
        for (Instant instant : instants) {
            assertEquals(instant.toString(), Instants.format(instant), instant.getEpochSecond() + "s " + instant.getNano());
            if (instant.getEpochSecond() >= -62_167_219_200L && instant.getEpochSecond() <= 253_402_300_799L) {
                assertEquals(nineDigits.format(instant), Instants.formatNanos(instant), instant.toString());
            }
        }
    }

    @Test
    void instantsAsVainaWritesThem_andEveryFractionLength_readAsInstantParseReadsThem() {
        for (int i = 0; i < 20_000; i++) {
            Instant instant = Instant.ofEpochSecond(random.nextLong(-62_167_219_200L, 253_402_300_799L),
                    random.nextInt(4) == 0 ? 0 : random.nextInt(1_000_000_000));
            String text = instant.toString();
            assertSame(text);
            String whole = text.substring(0, 19);
            String nanos = String.format("%09d", instant.getNano());
            assertSame(whole + "." + nanos.substring(0, 1 + random.nextInt(9)) + "Z");
        }
    }

    @Test
    void whatInstantParseRefusesOrReadsOtherwise_isRefusedOrReadTheSame() {
        List<String> texts = new ArrayList<>(List.of("2026-02-29T00:00:00Z", "2024-02-29T00:00:00Z",
                "1900-02-29T00:00:00Z", "2000-02-29T23:59:59Z", "2026-02-30T00:00:00Z", "2026-04-31T00:00:00Z",
                "2026-13-01T00:00:00Z", "2026-00-10T00:00:00Z", "2026-12-00T00:00:00Z", "2026-12-05T24:00:00Z",
                "2026-12-05T23:60:00Z", "2026-12-05T23:59:60Z", "2026-12-31T23:59:60Z", "2026-12-05t04:00:00z",
                "2026-12-05T04:00:00+01:00", "2026-12-05T04:00:00.1234567890Z", "2026-12-05T04:00:00.Z",
                "2026-12-05T04:00:00 Z", "2026-12-05T04:00Z", " 2026-12-05T04:00:00Z", "2026-12-05T04:00:00Z ",
                "+2026-12-05T04:00:00Z", "0000-01-01T00:00:00Z", "9999-12-31T23:59:59.999999999Z",
                "２０２６-12-05T04:00:00Z", "2026-1２-05T04:00:00Z", "2026-12-05T04:00:00.-1Z", "", "Z"));
        String valid = "2026-12-05T04:00:00.123456789Z";
        String marks = "0123456789-:.TZtz+ x";
        for (int i = 0; i < 5_000; i++) {
            StringBuilder changed = new StringBuilder(valid);
            changed.setCharAt(random.nextInt(changed.length()), marks.charAt(random.nextInt(marks.length())));
            texts.add(changed.toString());
        }
        int read = 0;
        for (String text : texts) {
            read += assertSame(text) ? 1 : 0;
        }
        assertTrue(read > 1_000 && read < texts.size(), read + " of " + texts.size() + " read");
    }

    /** Whether {@code text} was read (by both alike); fails if one reads it and the other does not, or otherwise. */
    private static boolean assertSame(String text) {
        Instant expected;
        try {
            expected = Instant.parse(text);
        } catch (DateTimeParseException refused) {
            try {
                Instant read = Instants.parse(text);
                throw new AssertionError("\"" + text + "\" read as " + read + ", refused by Instant.parse");
            } catch (DateTimeParseException alike) {
                return false;
            }
        }
        assertEquals(expected, Instants.parse(text), text);
        return true;
    }
}
