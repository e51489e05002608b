package dev.vaina.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DecimalsTest {
    @Test
    void fixed_writesWhatStringFormatWrites() {
        double[] values = {0, -0.0, 0.125, 0.0005, 1.005, 2.675, 99.995, 100, 1e-7, 123456.789, 0.1 + 0.2, 5e-324, 1e20,
            9.9995, -3.14159, -0.001, -0.0004, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
        Random random = new Random(11);
        for (int i = 0; i < 20_000; i++) {
            double value = random.nextDouble() * Math.pow(10, random.nextInt(8) - 3);
            check(value);
            check(Math.round(value * 1000) / 1000.0 + 0.0005); // ties at the third decimal
            check(-value);
            // Where Double.toString writes an exponent: below 10^-3 (a sleeping container's CPU share) and from 10^7.
            check(random.nextDouble() * Math.pow(10, random.nextInt(32) - 14));
            check(Math.floor(value) + 0.995 + random.nextInt(2) * 0.004); // carried through every place
        }
        for (double value : values) {
            check(value);
        }
    }

    private static void check(double value) {
        for (int places : new int[] {0, 1, 2, 3}) {
            assertEquals(String.format(Locale.ROOT, "%." + places + "f", value), Decimals.fixed(value, places),
                    value + " with " + places);
        }
    }

    @Test
    void fraction_padsToItsDigits_andDropsTrailingZeros() {
        assertEquals("005", Decimals.fraction(5, 3));
        assertEquals("12", Decimals.fraction(120, 3));
        assertEquals("", Decimals.fraction(0, 3));
        assertEquals("000000001", Decimals.fraction(1, 9));
        assertEquals("70928903", Decimals.fraction(709289030, 9));
    }
}
