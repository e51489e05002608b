package dev.vaina.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Which texts are a sha256 in vaina's stored form: exactly 64 lower-case hex digits, nothing around them. */
class DigestsTest {
    private static final String HEX = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
    /** The pattern the check was once written as: what it must still accept and refuse. */
    private static final Pattern HEX64 = Pattern.compile("[0-9a-f]{64}");

    @Test
    void isHex64_acceptsSixtyFourLowerCaseHexDigits() {
        assertTrue(Digests.isHex64(HEX));
        assertTrue(Digests.isHex64("0".repeat(64)));
        assertTrue(Digests.isHex64("f".repeat(64)));
    }

    @Test
    void isHex64_refusesOtherLengthsAndNull() {
        assertFalse(Digests.isHex64(null));
        assertFalse(Digests.isHex64(""));
        assertFalse(Digests.isHex64(HEX.substring(1)));
        assertFalse(Digests.isHex64(HEX + "0"));
        assertFalse(Digests.isHex64(HEX + HEX));
    }

    @Test
    void isHex64_refusesUpperCaseAndOtherCharacters() {
        assertFalse(Digests.isHex64(HEX.toUpperCase()));
        assertFalse(Digests.isHex64("A" + HEX.substring(1)));
        for (String other : List.of("g", "G", "x", " ", "\n", ":", "/", "-", "`", "@", "[", "\u0660", "\uff10",
                "\u00e9")) {
            assertFalse(Digests.isHex64(other + HEX.substring(1)), other);
            assertFalse(Digests.isHex64(HEX.substring(1) + other), other);
            assertFalse(Digests.isHex64(HEX.substring(0, 30) + other + HEX.substring(31)), other);
        }
        assertFalse(Digests.isHex64("sha256:" + HEX));
        assertFalse(Digests.isHex64(HEX.substring(0, 63) + "\n"));
        assertFalse(Digests.isHex64(HEX + "\n"));
    }

    @Test
    void isHex64_agreesWithThePatternOnEveryCharacterInEveryPlace() {
        for (int at : new int[] {0, 1, 31, 62, 63}) {
            for (char c = 0; c < 0x300; c++) {
                String text = HEX.substring(0, at) + c + HEX.substring(at + 1);
                assertEquals(HEX64.matcher(text).matches(), Digests.isHex64(text), "char " + (int) c + " at " + at);
            }
        }
        for (int length = 0; length <= 130; length++) {
            String text = "a".repeat(length);
            assertEquals(HEX64.matcher(text).matches(), Digests.isHex64(text), "length " + length);
        }
    }

    @Test
    void requireHex_namesWhatWasWrong() {
        assertEquals(HEX, Digests.requireHex(HEX, "image id"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Digests.requireHex(HEX.toUpperCase(), "image id"));
        assertEquals("image id must be 64 lowercase hex digits (a sha256), got \"" + HEX.toUpperCase() + "\"",
                e.getMessage());
    }
}
