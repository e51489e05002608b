package dev.vaina.image;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
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

    @Test
    void quickFormatG_writesWhatTheExactExpansionWrites() {
        Random random = new Random(20261207);
        long[] bases = {1000, 1024};
        for (int i = 0; i < 400_000; i++) {
            int precision = 3 + random.nextInt(2);
            // A size divided down into its unit as format does, or any double of the range, or one near a tie.
            double value;
            switch (i % 3) {
                case 0 -> {
                    value = random.nextLong(1, Long.MAX_VALUE >> random.nextInt(62));
                    double base = bases[random.nextInt(2)];
                    while (value >= base) {
                        value /= base;
                    }
                }
                case 1 -> value = 1 + random.nextDouble() * (Math.pow(10, precision) - 1);
                default -> {
                    int decimals = random.nextInt(precision);
                    value = (random.nextInt(9 * (int) Math.pow(10, precision - 1)) + Math.pow(10, precision - 1) + 0.5)
                            / Math.pow(10, decimals);
                    value = Math.nextAfter(value, random.nextBoolean() ? 0 : Double.MAX_VALUE);
                }
            }
            if (value < 1) {
                continue;
            }
            String quick = HumanSize.quickFormatG(value, precision);
            if (value < Math.pow(10, precision)) {
                assertEquals(HumanSize.exactFormatG(value, precision), quick, value + " to " + precision + " digits");
            }
        }
        // Ties, exactly representable: half to even, as Go rounds.
        assertEquals("2.12", HumanSize.quickFormatG(2.125, 3));
        assertEquals("2.38", HumanSize.quickFormatG(2.375, 3));
        assertEquals("1e+03", HumanSize.quickFormatG(999.5, 3));
        assertEquals("10", HumanSize.quickFormatG(9.9990234375, 3));
    }
}
