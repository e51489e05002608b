package dev.vaina.cli.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.vaina.spec.InvalidSpecException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class GoDurationFormatTest {

    @Test
    void format_writesGosDurationString() {
        assertEquals("0s", GoDuration.format(Duration.ZERO));
        assertEquals("999ns", GoDuration.format(Duration.ofNanos(999)));
        assertEquals("1.5\u00b5s", GoDuration.format(Duration.ofNanos(1500)));
        assertEquals("228.568113ms", GoDuration.format(Duration.ofNanos(228_568_113)));
        assertEquals("2.709041089s", GoDuration.format(Duration.ofNanos(2_709_041_089L)));
        assertEquals("1m0s", GoDuration.format(Duration.ofMinutes(1)));
        assertEquals("1h2m3.5s", GoDuration.format(Duration.ofMillis(3_723_500)));
    }

    @Test
    void parse_readsPartsWithTheirUnits() {
        assertEquals(Duration.ofMillis(1500), GoDuration.parse("1.5s"));
        assertEquals(Duration.ofMillis(100), GoDuration.parse("100ms"));
        assertEquals(Duration.ofSeconds(150), GoDuration.parse("2m30s"));
        assertEquals(Duration.ofHours(1), GoDuration.parse("1h"));
        assertEquals(Duration.ofNanos(3_000_001_500L), GoDuration.parse("3s1us500ns"));
        assertEquals(Duration.ofNanos(2_000), GoDuration.parse("2\u00b5s"));
        assertEquals(Duration.ofMinutes(90), GoDuration.parse("1h30m"));
        assertEquals(Duration.ZERO, GoDuration.parse("0s"));
    }

    @Test
    void parse_refusesWhatIsNotOne() {
        for (String text : new String[] {"", "5", "s", "1.s", ".5s", "5 s", "1h 30m", "-5m", "+5m", "5d", "1.5.5s",
                "10mm"}) {
            InvalidSpecException e = assertThrows(InvalidSpecException.class, () -> GoDuration.parse(text), text);
            assertEquals("invalid duration \"" + text + "\": give a number with a unit, such as 500ms, 2s, 1m30s",
                    e.getMessage());
        }
    }

    @Test
    void table_minimumWidth_padsColumnsAsGosTabwriter() {
        java.io.StringWriter text = new java.io.StringWriter();
        Table table = new Table("PID", "USERNAME-IS-LONG", "X").minimumWidth(12);
        table.add("1", "root", "y");
        table.print(new java.io.PrintWriter(text));
        assertEquals("PID         USERNAME-IS-LONG  X\n1           root              y\n", text.toString());
    }
}
