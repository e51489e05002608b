package dev.vaina.image;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Sizes as Podman prints them in {@code images}: go-units' HumanSizeWithPrecision(size, 3) (decimal
 * units, three significant digits, Go's %g) with a space before the unit: "1.98 MB", "4.26 kB", "0 B".
 */
public final class HumanSize {
    private static final String[] UNITS = {"B", "kB", "MB", "GB", "TB", "PB", "EB", "ZB", "YB"};
    private static final String[] BINARY_UNITS = {"B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB", "ZiB", "YiB"};
    private static final int PRECISION = 3;
    private static final long[] POWERS_OF_TEN = {1, 10, 100, 1_000, 10_000};

    private HumanSize() {
    }

    public static String format(long bytes) {
        return format(bytes, PRECISION, " ");
    }

    /** HumanSizeWithPrecision(size, 3) with nothing before the unit, as Podman's `ps --size` prints: "1.98MB". */
    public static String unspaced(long bytes) {
        return format(bytes, PRECISION, "");
    }

    /** go-units' HumanSize (four significant digits, no space), as Podman's `stats` prints: "651.3kB". */
    public static String compact(long bytes) {
        return format(bytes, 4, "");
    }

    /** go-units' BytesSize (powers of 1024, four significant digits), as Podman's `pod stats` prints: "372KiB". */
    public static String binary(long bytes) {
        return format(bytes, 4, "", 1024.0, BINARY_UNITS);
    }

    private static String format(long bytes, int precision, String separator) {
        return format(bytes, precision, separator, 1000.0, UNITS);
    }

    private static String format(long bytes, int precision, String separator, double base, String[] units) {
        double size = bytes;
        int unit = 0;
        while (size >= base && unit < units.length - 1) {
            size /= base;
            unit++;
        }
        return goFormatG(size, precision) + separator + units[unit];
    }

    /** Go's fmt %.{precision}g: shortest of %e and %f by exponent, trailing zeros dropped. */
    static String goFormatG(double value, int precision) {
        if (value == 0) {
            return "0";
        }
        String quick = quickFormatG(value, precision);
        return quick != null ? quick : exactFormatG(value, precision);
    }

    /**
     * {@link #goFormatG} of a value from 1 up to 10^precision (a size in its unit), in long arithmetic: the double
     * is m·2^e exactly, so value·10^d is m·10^d·2^e, whose integer part and remainder are exact, rounded half to
     * even as {@link #exactFormatG} rounds the double's exact value. BigDecimal's expansion of the double and its
     * rounding, interpreted, cost `images` and `stats` about half a millisecond. Null outside that range.
     */
    static String quickFormatG(double value, int precision) {
        if (precision > 4 || !(value >= 1) || value >= POWERS_OF_TEN[precision]) {
            return null;
        }
        int integerDigits = value >= 1000 ? 4 : value >= 100 ? 3 : value >= 10 ? 2 : 1;
        int decimals = precision - integerDigits;
        long bits = Double.doubleToRawLongBits(value);
        long mantissa = bits & ((1L << 52) - 1) | 1L << 52;
        int exponent = (int) (bits >>> 52 & 0x7ff) - 1075;
        int zeros = Long.numberOfTrailingZeros(mantissa);
        mantissa >>= zeros;
        exponent += zeros;
        long scaled = mantissa * POWERS_OF_TEN[decimals]; // below 2^53 · 10^3
        long rounded;
        if (exponent >= 0) {
            rounded = scaled << exponent; // an integer below 10^4
        } else {
            long whole = scaled >> -exponent;
            long rest = scaled & (1L << -exponent) - 1;
            long half = 1L << -exponent - 1;
            rounded = rest > half || rest == half && (whole & 1) == 1 ? whole + 1 : whole;
        }
        if (rounded == POWERS_OF_TEN[precision]) {
            // Rounded up to the next power of ten: one integer digit more, one decimal less.
            if (decimals == 0) {
                int exponent10 = integerDigits;
                return "1e+" + (exponent10 < 10 ? "0" : "") + exponent10;
            }
            rounded /= 10;
            decimals--;
        }
        String digits = Long.toString(rounded);
        if (decimals == 0) {
            return digits;
        }
        int point = digits.length() - decimals;
        int end = digits.length();
        while (end > point && digits.charAt(end - 1) == '0') {
            end--;
        }
        String whole = digits.substring(0, point);
        return end == point ? whole : whole + "." + digits.substring(point, end);
    }

    /** {@link #goFormatG} of any value, through BigDecimal's exact expansion of the double. */
    static String exactFormatG(double value, int precision) {
        BigDecimal rounded = new BigDecimal(value).round(new MathContext(precision, RoundingMode.HALF_EVEN));
        int exponent = rounded.precision() - rounded.scale() - 1;
        if (exponent < -4 || exponent >= precision) {
            BigDecimal mantissa = rounded.movePointLeft(exponent).stripTrailingZeros();
            String digits = mantissa.toPlainString();
            String sign = exponent < 0 ? "-" : "+";
            int abs = Math.abs(exponent);
            return digits + "e" + sign + (abs < 10 ? "0" : "") + abs;
        }
        return rounded.stripTrailingZeros().toPlainString();
    }
}
