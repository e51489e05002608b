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
