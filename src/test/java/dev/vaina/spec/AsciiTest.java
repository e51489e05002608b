package dev.vaina.spec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

class AsciiTest {
    @Test
    void fields_splitOnRunsOfWhiteSpace_asTrimAndSplitOnWhiteSpaceDo() {
        for (String line : new String[] {"Uid:\t0\t0\t0\t0", "  eth0: 1 2   3\r\n", "a", "rbytes=1 wbytes=2 \u000b x\fy",
                "lo\t \t1"}) {
            assertArrayEquals(line.trim().split("\\s+"), Ascii.fields(line), line);
        }
    }

    @Test
    void fields_ofABlankLine_areNone() {
        assertArrayEquals(new String[0], Ascii.fields(""));
        assertArrayEquals(new String[0], Ascii.fields(" \t\n"));
    }

    @Test
    void fields_keepWhatIsNotAsciiWhiteSpace() {
        assertArrayEquals(new String[] {"a\u00a0b", "c"}, Ascii.fields("a\u00a0b c"));
    }
}
