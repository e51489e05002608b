package dev.vaina.cli.common;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
    void table_minimumWidth_padsColumnsAsGosTabwriter() {
        java.io.StringWriter text = new java.io.StringWriter();
        Table table = new Table("PID", "USERNAME-IS-LONG", "X").minimumWidth(12);
        table.add("1", "root", "y");
        table.print(new java.io.PrintWriter(text));
        assertEquals("PID         USERNAME-IS-LONG  X\n1           root              y\n", text.toString());
    }
}
