package dev.vaina.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ByteSizeTest {
    /** The grammar as a regular expression, to hold the hand-written reader to it. */
    private static final Pattern SIZE = Pattern.compile("(\\d+(?:\\.\\d+)?) ?([kmgtp])?i?b?");

    @Test
    void readsWhatTheGrammarTakes_andRefusesTheRest() {
        String[] numbers = {"", "0", "512", "1.5", "1.", ".5", "10.25", "x"};
        String[] middles = {"", " ", "  "};
        String[] units = {"", "k", "M", "g", "T", "p", "x", "kk"};
        String[] tails = {"", "i", "b", "ib", "iB", "bi", "B", "i b", " "};
        int read = 0;
        for (String number : numbers) {
            for (String middle : middles) {
                for (String unit : units) {
                    for (String tail : tails) {
                        String text = number + middle + unit + tail;
                        Matcher matcher = SIZE.matcher(text.strip().toLowerCase(Locale.ROOT));
                        if (matcher.matches()) {
                            String u = matcher.group(2);
                            long expected = (long) (Double.parseDouble(matcher.group(1))
                                    * Math.pow(1024, u == null ? 0 : "kmgtp".indexOf(u) + 1));
                            assertEquals(expected, ByteSize.parse("memory", text), "'" + text + "'");
                            read++;
                        } else {
                            InvalidSpecException e = assertThrows(InvalidSpecException.class,
                                    () -> ByteSize.parse("memory", text), "'" + text + "'");
                            assertEquals("invalid value for memory: invalid size: '" + text + "'", e.getMessage());
                        }
                    }
                }
            }
        }
        assertEquals(true, read > 100, read + " read");
    }

    @Test
    void unitsArePowersOf1024() {
        assertEquals(512L * 1024 * 1024, ByteSize.parse("memory", "512m"));
        assertEquals(1536L * 1024 * 1024, ByteSize.parse("memory", "1.5GiB"));
        assertEquals(64, ByteSize.parse("shm-size", "64"));
    }
}
