package dev.vaina.gotemplate;

import java.nio.charset.StandardCharsets;
import java.util.List;

/** The parts of Go's fmt package that templates reach through print, println and printf. */
final class GoFmt {
    private GoFmt() {
    }

    /** fmt.Sprint: a space between two operands only when neither is a string. */
    static String sprint(List<Object> args) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < args.size(); i++) {
            if (i > 0 && !(args.get(i) instanceof String) && !(args.get(i - 1) instanceof String)) {
                out.append(' ');
            }
            out.append(GoValues.format(args.get(i)));
        }
        return out.toString();
    }

    /** fmt.Sprintln: spaces between all operands and a newline. */
    static String sprintln(List<Object> args) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < args.size(); i++) {
            out.append(i > 0 ? " " : "").append(GoValues.format(args.get(i)));
        }
        return out.append('\n').toString();
    }

    static String sprintf(String format, List<Object> args) {
        StringBuilder out = new StringBuilder();
        int used = 0;
        int i = 0;
        while (i < format.length()) {
            char c = format.charAt(i++);
            if (c != '%') {
                out.append(c);
                continue;
            }
            int start = i;
            while (i < format.length() && "-+# 0".indexOf(format.charAt(i)) >= 0) {
                i++;
            }
            String flags = format.substring(start, i);
            int widthStart = i;
            while (i < format.length() && Character.isDigit(format.charAt(i))) {
                i++;
            }
            String width = format.substring(widthStart, i);
            String precision = null;
            if (i < format.length() && format.charAt(i) == '.') {
                int precisionStart = ++i;
                while (i < format.length() && Character.isDigit(format.charAt(i))) {
                    i++;
                }
                precision = format.substring(precisionStart, i).isEmpty() ? "0" : format.substring(precisionStart, i);
            }
            if (i >= format.length()) {
                out.append("%!(NOVERB)");
                break;
            }
            char verb = format.charAt(i++);
            if (verb == '%') {
                out.append('%');
            } else if (used >= args.size()) {
                out.append("%!").append(verb).append("(MISSING)");
            } else {
                Spec spec = new Spec(flags, width.isEmpty() ? 0 : Integer.parseInt(width), precision == null ? -1
                        : Integer.parseInt(precision));
                out.append(verb(verb, spec, args.get(used++)));
            }
        }
        if (used < args.size()) {
            out.append("%!(EXTRA ");
            for (int extra = used; extra < args.size(); extra++) {
                out.append(extra > used ? ", " : "").append(GoValues.typeName(args.get(extra))).append('=')
                        .append(GoValues.format(args.get(extra)));
            }
            out.append(')');
        }
        return out.toString();
    }

    private record Spec(String flags, int width, int precision) {
        boolean has(char flag) {
            return flags.indexOf(flag) >= 0;
        }

        String pad(String text, boolean numeric) {
            if (text.length() >= width) {
                return text;
            }
            String padding = (numeric && has('0') && !has('-') ? "0" : " ").repeat(width - text.length());
            if (has('-')) {
                return text + padding;
            }
            if (padding.startsWith("0") && (text.startsWith("-") || text.startsWith("+"))) {
                return text.charAt(0) + padding + text.substring(1);
            }
            return padding + text;
        }
    }

    private static String verb(char verb, Spec spec, Object arg) {
        boolean integer = GoValues.isInteger(arg);
        switch (verb) {
            case 'v':
                return spec.pad(GoValues.format(arg), integer || GoValues.isFloat(arg));
            case 's':
                if (arg instanceof String || arg instanceof java.util.Collection<?> || arg instanceof java.util.Map<?, ?>
                        || arg instanceof GoStruct) {
                    String text = GoValues.format(arg);
                    return spec.pad(spec.precision >= 0 && spec.precision < text.length()
                            ? text.substring(0, spec.precision) : text, false);
                }
                break;
            case 'q':
                if (arg instanceof String s) {
                    return spec.pad(quote(s), false);
                } else if (integer) {
                    return spec.pad("'" + Character.toString((int) ((Number) arg).longValue()) + "'", false);
                }
                break;
            case 'd', 'x', 'X', 'o', 'b':
                if (integer) {
                    return spec.pad(integer(verb, spec, ((Number) arg).longValue()), true);
                } else if (arg instanceof String s && (verb == 'x' || verb == 'X')) {
                    StringBuilder hex = new StringBuilder();
                    for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
                        hex.append(String.format(verb == 'x' ? "%02x" : "%02X", b));
                    }
                    return spec.pad(hex.toString(), false);
                }
                break;
            case 'c':
                if (integer) {
                    return spec.pad(Character.toString((int) ((Number) arg).longValue()), false);
                }
                break;
            case 'f', 'F', 'e', 'E', 'g', 'G':
                if (GoValues.isFloat(arg)) {
                    return spec.pad(floating(verb, spec, ((Number) arg).doubleValue()), true);
                }
                break;
            case 't':
                if (arg instanceof Boolean) {
                    return spec.pad(arg.toString(), false);
                }
                break;
            case 'T':
                return spec.pad(GoValues.typeName(arg), false);
            default:
                break;
        }
        return arg == null ? "%!" + verb + "(<nil>)"
                : "%!" + verb + "(" + GoValues.typeName(arg) + "=" + GoValues.format(arg) + ")";
    }

    private static String integer(char verb, Spec spec, long value) {
        int radix = switch (verb) {
            case 'x', 'X' -> 16;
            case 'o' -> 8;
            case 'b' -> 2;
            default -> 10;
        };
        String digits = Long.toString(Math.abs(value), radix);
        if (verb == 'X') {
            digits = digits.toUpperCase();
        }
        if (spec.has('#')) {
            digits = (radix == 16 ? (verb == 'X' ? "0X" : "0x") : radix == 8 ? "0" : "") + digits;
        }
        String sign = value < 0 ? "-" : spec.has('+') ? "+" : spec.has(' ') ? " " : "";
        return sign + digits;
    }

    private static String floating(char verb, Spec spec, double value) {
        if ((verb == 'g' || verb == 'G') && spec.precision < 0) {
            return GoValues.formatFloat(value, -4, 6, 2);
        }
        int precision = spec.precision < 0 ? 6 : spec.precision;
        String flags = spec.has('+') ? "+" : spec.has(' ') ? " " : "";
        return String.format("%" + flags + "." + precision + (verb == 'F' ? 'f' : verb), value);
    }

    /** strconv.Quote: Go's escapes for control characters, printable characters as they are. */
    static String quote(String s) {
        StringBuilder out = new StringBuilder("\"");
        s.codePoints().forEach(cp -> {
            switch (cp) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                case '\r' -> out.append("\\r");
                case 7 -> out.append("\\a");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case 11 -> out.append("\\v");
                default -> {
                    if (cp < 0x20 || cp == 0x7f) {
                        out.append(String.format("\\x%02x", cp));
                    } else if (Character.isISOControl(cp) || !Character.isDefined(cp)) {
                        out.append(cp > 0xffff ? String.format("\\U%08x", cp) : String.format("\\u%04x", cp));
                    } else {
                        out.appendCodePoint(cp);
                    }
                }
            }
        });
        return out.append('"').toString();
    }
}
