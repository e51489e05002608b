package dev.vaina.image;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Expected strings are what go-units' HumanSizeWithPrecision(n, 3) gives, with Podman's space added. */
class HumanSizeTest {
    @Test
    void podmanImageSizes() {
        assertEquals("0 B", HumanSize.format(0));
        assertEquals("999 B", HumanSize.format(999));
        assertEquals("1 kB", HumanSize.format(1000));
        assertEquals("4.26 kB", HumanSize.format(4260));
        assertEquals("1.98 MB", HumanSize.format(1_981_440));
        assertEquals("1.5 MB", HumanSize.format(1_500_000));
        assertEquals("77.9 MB", HumanSize.format(77_870_000));
        assertEquals("131 MB", HumanSize.format(131_000_000));
        assertEquals("1.23 GB", HumanSize.format(1_234_567_890));
    }

    @Test
    void goSwitchesToExponentFormWhenRoundingReachesAThousand() {
        // 999.6 kB rounds to 3 digits as 1.00e+03: Go prints "1e+03kB"
        assertEquals("1e+03 kB", HumanSize.format(999_600));
    }

    @Test
    void goFormatG_matchesGo() {
        assertEquals("1.98", HumanSize.goFormatG(1.98144, 3));
        assertEquals("100", HumanSize.goFormatG(100, 3));
        assertEquals("1e+03", HumanSize.goFormatG(999.9, 3));
        assertEquals("0.0001", HumanSize.goFormatG(0.0001, 3));
        assertEquals("1e-05", HumanSize.goFormatG(0.00001, 3));
    }
}
