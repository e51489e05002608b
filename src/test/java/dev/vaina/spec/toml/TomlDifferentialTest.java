package dev.vaina.spec.toml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.tomlj.Toml;
import org.tomlj.TomlArray;
import org.tomlj.TomlParseError;
import org.tomlj.TomlParseResult;
import org.tomlj.TomlVersion;

/**
 * Holds {@link TomlParser} to tomlj, the parser vaina used before: both must accept and refuse the same documents
 * and read the same values from those they accept, on a corpus written here and on documents a seeded generator
 * writes (valid ones, and the same after random edits). Where tomlj 1.1.1 departs from TOML 1.0.0, the
 * specification's answer is the one asserted: such documents are listed in {@link #TOMLJ_DEPARTURES}, each with why.
 */
class TomlDifferentialTest {
    /** Documents both parsers accept, and must read alike. */
    private static final List<String> VALID = List.of(
            "",
            "# comment only\n\n",
            "a = 1\nb = -2\nc = +3\nd = 1_000\ne = 0xdead_BEEF\nf = 0o755\ng = 0b1010\nh = -0\n",
            "max = 9223372036854775807\nmin = -9223372036854775808\nhex = 0x7fffffffffffffff\n",
            "f1 = 1.0\nf2 = -3.5e-3\nf3 = 6.02E+23\nf4 = 1e06\nf5 = 1_0.0_1\nf6 = -0.0\nf7 = 0.0\n",
            "i1 = inf\ni2 = +inf\ni3 = -inf\nn1 = nan\nn2 = +nan\nn3 = -nan\n",
            "t = true\nf = false\n",
            "s1 = \"basic \\\"quoted\\\" \\\\ \\b\\t\\n\\f\\r \\u00e9 \\U0001F600\"\ns2 = 'C:\\path\\*'\n",
            "m1 = \"\"\"\nline one\nline two\"\"\"\nm2 = '''\n raw \\n '''\n",
            "m3 = \"\"\"trim \\\n     spaces \\\n  done\"\"\"\nm4 = \"\"\"quotes \"\" inside\"\"\"\"\"\n",
            "m5 = '''two '' quotes'''''\nm6 = \"\"\"\r\ncrlf\r\n\"\"\"\n",
            "odt1 = 1979-05-27T07:32:00Z\nodt2 = 1979-05-27T00:32:00-07:00\nodt3 = 1979-05-27T00:32:00.999999+05:30\n",
            "odt4 = 1979-05-27 07:32:00Z\nodt5 = 1979-05-27t07:32:00z\nldt = 1979-05-27T07:32:00.5\n",
            "ld = 1979-05-27\nlt1 = 07:32:00\nlt2 = 00:32:00.123456789\nleap = 2024-02-29\nzero = 0000-01-01\n",
            "a = []\nb = [1, 'two', 1979-05-27, 3.0, [4], {five = 5}]\nc = [\n  1, # one\n  2,\n]\n",
            "nested = [[[[]]], [[1], [2, [3]]]]\n",
            "t = { a = 1, b.c = 2, d = { e = [1, 2] } }\nempty = {}\n",
            "a.b.c = 1\na.b.d = 2\na.e = 3\n\"quoted key\".x = 4\n'literal'.\"\" = 5\n",
            "[a]\nx = 1\n[a.b]\ny = 2\n[c.d.e]\n[c]\nz = 3\n",
            "[x.y.z.w]\n[x]\n[x.y]\n",
            "[[p]]\nname = 'a'\n[[p]]\n[[p]]\nname = 'c'\n[p.sub]\nk = 1\n[[p.list]]\nv = 1\n[[p.list]]\nv = 2\n",
            "[[a.b]]\nx = 1\n[a]\ny = 2\n",
            "[fruit]\napple.color = 'red'\napple.taste.sweet = true\n[fruit.apple.texture]\nsmooth = true\n",
            "[a.b.c]\nz = 9\n[a]\nb.d = 2\n",
            "[ spaced . 'header' . \"x y\" ]\nk = 1\n[[ spaced . arr ]]\n",
            "a = 1\r\nb = 2\r\n[t]\r\nc = [\r\n1,\r\n]\r\n",
            "\"\" = 1\n[x.\"\"]\ny = 2\n",
            "key = \"value\" # comment with 'quotes' and \"more\" and # hashes\n",
            "a = { b = [\n1,\n2\n] }\n",
            "1234 = 1\n3.14159 = 'pi'\n-_ = 2\n",
            "date_then_comment = 1979-05-27 # comment\n",
            "unicode = \"ʎǝʞ 😀 \\u0000\"\n\"ключ\" = 'значение'\n# comentário\n");

    /** Documents both parsers refuse. */
    private static final List<String> INVALID = List.of(
            "a = 1\na = 2\n", "a = \n", "= 1\n", "a = 1 b = 2\n", "a.b = 1\na.b.c = 2\n", "a = 01\n", "a = 1__0\n",
            "a = _1\n", "a = 1_\n", "a = +0x1\n", "a = 0X1\n", "a = 9223372036854775808\n", "a = 0xFFFFFFFFFFFFFFFF\n",
            "a = .5\n", "a = 5.\n", "a = 1.e5\n", "a = 1e\n", "a = Inf\n", "a = NaN\n", "a = True\n", "a = yes\n",
            "a = \"open\n", "a = 'open\n", "a = \"\\e\"\n", "a = \"\\uD800\"\n", "a = \"\\U00110000\"\n",
            "a = \"\\u12\"\n",
            "a = \"\"\"x\"\"\"\"\"\"\n", "a = '''x''''''\n", "a = \"\"\"never closed\n", "a = '''never closed\n",
            "a = \"bell\u0007\"\n", "a = 'bell\u0007'\n", "# bell \u0007\n", "a = 1\rb = 2\n",
            "a = 1979-13-01\n", "a = 1979-02-30\n", "a = 2023-02-29\n", "a = 1900-02-29\n", "a = 1979-04-31\n",
            "a = 24:00:00\n", "a = 12:60:00\n", "a = 12:00:61\n", "a = 07:32\n", "a = 1979-05-27T\n",
            "a = 1979-05-27T07:32:00+24:00\n", "a = 07:32:00Z\n", "a = [1,,2]\n", "a = [,]\n", "a = [1 2]\n",
            "a = [1\n", "a = { b = 1, }\n", "a = { b = 1\n}\n", "a = {\nb = 1 }\n", "a = { b = 1, b = 2 }\n",
            "a = { b = 1 }\na.c = 2\n", "a = { b = 1 }\n[a]\n", "[a]\n[a]\n",
            "[a]\nb = 1\n[a.b]\n", "a.b = 1\n[a]\n", "[a]\nb.c = 1\n[a.b]\n", "[[a]]\n[a]\n", "[a]\n[[a]]\n",
            "a = []\n[[a]]\n", "[a.b]\n[[a]]\n", "[[a.b]]\n[a]\nb.y = 2\n", "[a.b.c]\nz = 9\n[a]\nb.c.t = 1\n",
            "[]\n", "[a\n", "[a]]\n", "[[a]\n", "[ [a] ]\n", "[a] b = 1\n", "[\"\"\"a\"\"\"]\n", "\"\"\"a\"\"\" = 1\n",
            "a = [1]]\n", "a = \"x\" \"y\"\n", "a.\n", "a b = 1\n", "a = 1979-05-27  07:32:00\n");

    /**
     * Documents where tomlj 1.1.1 departs from TOML 1.0.0: what the specification says of each (asserted of
     * {@link TomlParser}) and why; tomlj's opposite answer is asserted too, so that a tomlj that mends one moves
     * it to the corpus.
     */
    private static final List<Departure> TOMLJ_DEPARTURES = List.of(
            new Departure("d = 1979-05-27T07:32:60Z\n", true, "the grammar allows a second of 60 (a leap second); "
                    + "tomlj, reading it into java.time, refuses it"),
            new Departure("t = 23:59:60\n", true, "the same for a local time"),
            new Departure("d = 1979-05-27T07:32:00.1234567891\n", true, "a fraction finer than an implementation holds "
                    + "is to be truncated, not refused; tomlj refuses more than 9 digits"),
            new Departure("d = 1979-05-27T07:32:00+23:28\n", true, "the grammar's offsets run to 23:59 either way; "
                    + "tomlj, reading them into java.time, refuses those beyond 18:00"),
            new Departure("\uFEFFa = 1\n", true, "a UTF-8 document may start with a byte order mark, the encoding's "
                    + "signature; tomlj refuses it"),
            new Departure("f = 1e400\n", true, "floats are IEEE 754 binary64, where 1e400 rounds to infinity; tomlj "
                    + "refuses it as too large"),
            new Departure("f = 1e-400\n", true, "the same at the other end: 1e-400 rounds to 0; tomlj refuses it as "
                    + "too small"),
            new Departure("d = 1979-05-27T07:32:00+05:0\n", false, "an offset's minutes are two digits; tomlj takes "
                    + "one"),
            new Departure("d = 1979-05-27T07:32:00-3:42\n", false, "the same for the offset's hours"),
            new Departure("d = 1979-05-27T07:32:00+009:43\n", false, "the same with three digits for the hours"),
            new Departure("d = 1979-05-27T07:32:00+00:057\n", false, "the same for the offset's minutes"),
            new Departure("a = [1979-\t05-27, 07:\t32:00, 1]\n", false, "dates and times have no white space; "
                    + "tomlj passes over tabs within them in an array"),
            new Departure("s = \"\\'\"\n", false, "TOML 1.0.0 has no escape \\'; tomlj reads it as a quote"),
            new Departure("a = [1979-05-27]\nb = 1\n", true, "tomlj refuses the line after an array whose last value, "
                    + "a date or a time, stands right before its ']'"),
            new Departure("a = [07:32:00]\nb = 1\n", true, "the same with a local time"),
            new Departure("a = { b = 07:32:00}\n", true, "and a time right before an inline table's '}'"),
            new Departure("a = { b = 1 }\n[a.c]\n", false, "an inline table is complete at its closing brace: no "
                    + "header may add a table to it; tomlj lets one"),
            new Departure("a = \"\uD83D\"\n", false, "half a surrogate pair is no Unicode character (nor has it a "
                    + "UTF-8 form); tomlj takes it from a Java string"));

    /** An offset west of UTC by less than an hour, which tomlj reads as east of it (-00:30 as +00:30). */
    private static final Pattern WEST_BY_MINUTES = Pattern.compile("\\d\\d:\\d\\d(\\.\\d+)?-00:(0[1-9]|[1-5]\\d)");

    /** A fraction of a second of more than 9 digits, which tomlj refuses (or throws at). */
    private static final Pattern LONG_FRACTION = Pattern.compile("(:\\d\\d\\.\\d{9})\\d+");

    /** An exponent of 300 or more either way, near or beyond the ends of a double's range. */
    private static final Pattern HUGE_EXPONENT = Pattern.compile("\\d[eE][+-]?0*([3-9]\\d\\d|\\d{4,})");

    /** An offset whose hours or minutes are not two digits: tomlj takes one or three. */
    private static final Pattern OFFSET_DIGITS = Pattern.compile(
            "\\d\\d:\\d\\d(\\.\\d+)?[+-](\\d|\\d{3,}):\\d|\\d\\d:\\d\\d(\\.\\d+)?[+-]\\d+:(\\d(?!\\d)|\\d{3})");

    /** Tabs or spaces around a date's dashes or a time's colons, which tomlj passes over in places. */
    private static final Pattern SPACE_IN_TIME = Pattern.compile("\\d[ \\t]+[-:]\\d|\\d[-:][ \\t]+\\d");

    /** A date or time right before an array's ']' or an inline table's '}', which tomlj refuses (or what follows). */
    private static final Pattern DATE_BEFORE_BRACKET = Pattern.compile(
            "(\\d{4}-\\d\\d-\\d\\d|\\d\\d:\\d\\d:\\d\\d(?:\\.\\d+)?(?:[Zz]|[+-]\\d\\d:\\d\\d)?)([]}])");

    static {
        // tomlj checks some escapes with Java assertions, which tests run with; it refuses them when assertions are
        // off, as they are in production, which is what this test compares with.
        TomlDifferentialTest.class.getClassLoader().setPackageAssertionStatus("org.tomlj", false);
    }

    @Test
    void corpus_bothAcceptAndReadAlike() {
        for (String document : VALID) {
            Object ours = ours(document);
            assertFalse(ours instanceof Refused, () -> "refused: " + show(document) + ": " + ours);
            assertEquals(tomlj(document), ours, () -> show(document));
        }
    }

    @Test
    void corpus_bothRefuse() {
        for (String document : INVALID) {
            assertTrue(ours(document) instanceof Refused, () -> "accepted: " + show(document));
            assertTrue(tomlj(document) instanceof Refused, () -> "tomlj accepted: " + show(document));
        }
    }

    @Test
    void departures_specificationsAnswerHere_oppositeInTomlj() {
        for (Departure departure : TOMLJ_DEPARTURES) {
            boolean accepted;
            try {
                TomlParser.parse(departure.document);
                accepted = true;
            } catch (TomlException e) {
                accepted = false;
            }
            assertEquals(departure.valid, accepted, departure.why);
            assertEquals(departure.valid, tomlj(departure.document) instanceof Refused,
                    "tomlj now agrees, move the document to the corpus: " + departure.why);
        }
    }

    /** The one value tomlj reads otherwise: an offset of -00:MM loses its sign, east of UTC instead of west. */
    @Test
    void departures_westOfUtcByMinutes() throws TomlException {
        String document = "d = 1979-05-27T07:32:00-00:30\n";
        OffsetDateTime west = OffsetDateTime.of(1979, 5, 27, 7, 32, 0, 0, ZoneOffset.ofHoursMinutes(0, -30));
        assertEquals(west, javaTime((TomlDateTime) TomlParser.parse(document).get("d")));
        assertEquals(west.withOffsetSameLocal(ZoneOffset.ofHoursMinutes(0, 30)),
                Toml.parse(document, TomlVersion.V1_0_0).get("d"), "tomlj now reads it right: compare it again");
        assertTrue(WEST_BY_MINUTES.matcher(document).find());
    }

    /** What departures read to here, beyond being accepted. */
    @Test
    void departures_readToTheSpecificationsValues() throws TomlException {
        assertEquals(Double.POSITIVE_INFINITY, TomlParser.parse("f = 1e400\n").get("f"));
        assertEquals(0.0, TomlParser.parse("f = 1e-400\n").get("f"));
        assertEquals(1L, TomlParser.parse("\uFEFFa = 1\n").get("a"));
        assertEquals(LocalDateTime.of(1979, 5, 27, 7, 32, 0, 123_456_789),
                javaTime((TomlDateTime) TomlParser.parse("d = 1979-05-27T07:32:00.1234567891\n").get("d")));
        assertEquals(List.of(new TomlDateTime(TomlDateTime.Kind.LOCAL_DATE, "1979-05-27")),
                TomlParser.parse("a = [1979-05-27]\nb = 1\n").get("a"));
    }

    /**
     * Generated documents: keys from a few names, so that tables and keys meet and clash, values of every kind,
     * and two in three of them after random edits (which mostly break them, sometimes not). Where the two parsers
     * disagree, the document must be one of the departures above, recognized by what it holds.
     */
    @Test
    void generatedDocuments_bothAgree() {
        Random random = new Random(20_241_207);
        int accepted = 0;
        int refused = 0;
        int departures = 0;
        for (int i = 0; i < 6000; i++) {
            String document = new Generator(random).document();
            if (i % 3 != 0) {
                document = mutate(document, random);
            }
            TomlTable ours;
            String fault = null;
            try {
                ours = TomlParser.parse(document);
            } catch (TomlException e) {
                ours = null;
                fault = e.getMessage();
            }
            Object theirs = tomlj(document);
            boolean theyRefuse = theirs instanceof Refused;
            if (ours == null && theyRefuse) {
                refused++;
                continue;
            }
            if ((ours == null) != theyRefuse) {
                String departure = ours == null ? refusedDeparture(document, fault)
                        : acceptedDeparture(document, ours, ((Refused) theirs).reason());
                if (departure == null) {
                    fail("document " + i + " " + show(document) + ": here " + (ours == null ? fault : "accepted")
                            + ", tomlj " + theirs);
                }
                departures++;
                continue;
            }
            Object plain = plain(ours);
            if (!theirs.equals(plain) && WEST_BY_MINUTES.matcher(document).find()) {
                departures++;
                continue;
            }
            assertEquals(theirs, plain, "document " + i + " " + show(document));
            accepted++;
        }
        // Both sides must be well represented, or the generator has drifted to one of them.
        assertTrue(accepted > 1000, "accepted documents: " + accepted);
        assertTrue(refused > 1000, "refused documents: " + refused);
        assertTrue(departures < accepted / 20, "departures: " + departures);
    }

    /**
     * Which of the listed departures a document this parser accepted and tomlj refused is, or null: the document
     * must hold what departs, and tomlj must refuse it for that. Where the document can be written without the
     * departure (a space before the bracket, the fraction cut to 9 digits), tomlj must read that as this parser
     * read the document; otherwise tomlj's reason must be the departure's.
     */
    private static String acceptedDeparture(String document, TomlTable ours, String theirReason) {
        String repaired = LONG_FRACTION.matcher(DATE_BEFORE_BRACKET.matcher(document).replaceAll("$1 $2"))
                .replaceAll("$1");
        if (!repaired.equals(document)) {
            Object theirs = tomlj(repaired);
            if (!(theirs instanceof Refused refusal)) {
                return theirs.equals(plain(ours)) ? "a date or time right before ']' or '}', or a fraction of a second "
                        + "finer than nanoseconds" : null;
            }
            theirReason = refusal.reason();
        }
        if (theirReason.contains("Float is too") && HUGE_EXPONENT.matcher(document.replace("_", "")).find()) {
            return "a float beyond a double's range, or below its least value";
        }
        List<TomlDateTime> dateTimes = new ArrayList<>();
        collectDateTimes(ours, dateTimes);
        for (TomlDateTime dateTime : dateTimes) {
            try {
                javaTime(dateTime);
            } catch (DateTimeException e) {
                if (theirReason.contains("Invalid seconds") || theirReason.contains("zone offset")) {
                    return "a date-time java.time cannot hold (a second of 60, an offset beyond 18:00)";
                }
            }
        }
        return null;
    }

    private static void collectDateTimes(Object value, List<TomlDateTime> into) {
        if (value instanceof TomlTable table) {
            for (Map.Entry<String, Object> entry : table.entrySet()) {
                collectDateTimes(entry.getValue(), into);
            }
        } else if (value instanceof List<?> list) {
            for (Object item : list) {
                collectDateTimes(item, into);
            }
        } else if (value instanceof TomlDateTime dateTime) {
            into.add(dateTime);
        }
    }

    /** Which of the listed departures a document this parser refused and tomlj accepted is, or null. */
    private static String refusedDeparture(String document, String fault) {
        if (fault.contains(": the header [") && fault.contains("which holds an inline table")) {
            return "a header adding a table to an inline table";
        }
        if (OFFSET_DIGITS.matcher(document).find()) {
            return "an offset's hours or minutes in other than two digits";
        }
        if (SPACE_IN_TIME.matcher(document).find()) {
            return "white space within a date or time";
        }
        if (fault.contains(": invalid escape: a backslash followed by '''")) {
            return "the escape \\'";
        }
        return fault.contains(": lone surrogate ") ? "half a surrogate pair" : null;
    }

    private record Departure(String document, boolean valid, String why) {
    }

    /** A refusal, with its reason for failure messages. */
    private record Refused(String reason) {
    }

    /** The document as read here, as plain values, or a Refused. */
    private static Object ours(String document) {
        try {
            return plain(TomlParser.parse(document));
        } catch (TomlException e) {
            return new Refused(e.getMessage());
        }
    }

    /** The document as tomlj reads it (TOML 1.0.0), as plain values, or a Refused. */
    private static Object tomlj(String document) {
        TomlParseResult result;
        try {
            result = Toml.parse(document, TomlVersion.V1_0_0);
        } catch (TomlParseError | NullPointerException | DateTimeException e) {
            // Some faults tomlj throws rather than lists: a bad escape in a header's key, some malformed offsets,
            // fractions of a second of more than 9 digits.
            return new Refused("thrown: " + e);
        }
        if (result.hasErrors()) {
            return new Refused(result.errors().get(0).toString());
        }
        return plain(result);
    }

    /**
     * Values both parsers' trees can be compared as: a table is the list of its entries in order, an array a list,
     * a date-time a java.time value; strings, numbers and booleans are already alike.
     */
    private static Object plain(Object value) {
        if (value instanceof TomlTable table) {
            List<Object> entries = new ArrayList<>();
            for (Map.Entry<String, Object> entry : table.entrySet()) {
                entries.add(Map.entry(entry.getKey(), plain(entry.getValue())));
            }
            return entries;
        }
        if (value instanceof org.tomlj.TomlTable table) {
            List<Object> entries = new ArrayList<>();
            for (String key : table.keySet()) {
                entries.add(Map.entry(key, plain(table.get(List.of(key)))));
            }
            return entries;
        }
        if (value instanceof List<?> list) {
            List<Object> items = new ArrayList<>();
            for (Object item : list) {
                items.add(plain(item));
            }
            return items;
        }
        if (value instanceof TomlArray array) {
            return plain(array.toList());
        }
        if (value instanceof TomlDateTime dateTime) {
            return javaTime(dateTime);
        }
        return value;
    }

    /** A date-time as java.time reads its text, the separator and Z made upper case, the fraction cut to ns. */
    private static Object javaTime(TomlDateTime dateTime) {
        String text = dateTime.text();
        if (text.length() > 10 && text.charAt(4) == '-') {
            text = text.substring(0, 10) + "T" + text.substring(11);
        }
        text = text.replace('z', 'Z');
        int point = text.indexOf('.');
        if (point > 0) {
            int digitsEnd = point + 1;
            while (digitsEnd < text.length() && Character.isDigit(text.charAt(digitsEnd))) {
                digitsEnd++;
            }
            if (digitsEnd - point - 1 > 9) {
                text = text.substring(0, point + 10) + text.substring(digitsEnd);
            }
        }
        return switch (dateTime.kind()) {
            case OFFSET_DATE_TIME -> OffsetDateTime.parse(text);
            case LOCAL_DATE_TIME -> LocalDateTime.parse(text);
            case LOCAL_DATE -> LocalDate.parse(text);
            case LOCAL_TIME -> LocalTime.parse(text);
        };
    }

    /** A document as a Java string literal, for failure messages. */
    private static String show(String document) {
        StringBuilder shown = new StringBuilder("\"");
        for (char c : document.toCharArray()) {
            switch (c) {
                case '\\' -> shown.append("\\\\");
                case '"' -> shown.append("\\\"");
                case '\n' -> shown.append("\\n");
                case '\r' -> shown.append("\\r");
                case '\t' -> shown.append("\\t");
                default -> shown.append(c < 0x20 || c >= 0x7f ? String.format("\\u%04x", (int) c) : String.valueOf(c));
            }
        }
        return shown.append('"').toString();
    }

    /** Characters that edits insert: TOML's punctuation, digits and letters that mean something in values. */
    private static final String EDIT_CHARACTERS = " \t\n\r\"'[]{}=.,#\\_-+:01579aeEfinxobtTzZ\u00e9\u0007";

    /** One to three random edits: a character removed, inserted or replaced, a line doubled or dropped. */
    private static String mutate(String document, Random random) {
        StringBuilder text = new StringBuilder(document);
        int edits = 1 + random.nextInt(3);
        for (int i = 0; i < edits; i++) {
            int at = text.length() == 0 ? 0 : random.nextInt(text.length());
            char c = EDIT_CHARACTERS.charAt(random.nextInt(EDIT_CHARACTERS.length()));
            switch (random.nextInt(5)) {
                case 0 -> {
                    if (at < text.length()) {
                        text.deleteCharAt(at);
                    }
                }
                case 1 -> text.insert(at, c);
                case 2 -> {
                    if (at < text.length()) {
                        text.setCharAt(at, c);
                    }
                }
                default -> {
                    int start = text.lastIndexOf("\n", at) + 1;
                    int end = text.indexOf("\n", at);
                    end = end < 0 ? text.length() : end + 1;
                    String line = text.substring(start, end);
                    if (random.nextBoolean()) {
                        text.insert(end, line.endsWith("\n") ? line : "\n" + line);
                    } else {
                        text.delete(start, end);
                    }
                }
            }
        }
        return text.toString();
    }

    /** Writes one TOML-ish document: key/value lines, headers, comments and blank lines, mostly valid. */
    private static final class Generator {
        private static final String[] NAMES = {"a", "b", "c", "key", "x_y", "1", "-", "\"a\"", "'b'", "\"with space\"",
            "\"\"", "\"\\u0061\"", "'c.d'"};
        private final Random random;
        private final StringBuilder out = new StringBuilder();
        private final String newline;

        Generator(Random random) {
            this.random = random;
            this.newline = random.nextInt(8) == 0 ? "\r\n" : "\n";
        }

        String document() {
            int lines = 1 + random.nextInt(10);
            for (int i = 0; i < lines; i++) {
                switch (random.nextInt(12)) {
                    case 0 -> out.append("# comment ").append(random.nextInt(100));
                    case 1 -> out.append(random.nextBoolean() ? "" : "  \t");
                    case 2 -> out.append('[').append(spaces()).append(key(3)).append(spaces()).append(']');
                    case 3 -> out.append("[[").append(spaces()).append(key(3)).append(spaces()).append("]]");
                    default -> out.append(key(2)).append(spaces()).append('=').append(spaces()).append(value(0));
                }
                if (random.nextInt(6) == 0) {
                    out.append(" # trailing \"comment\"");
                }
                out.append(newline);
            }
            return out.toString();
        }

        private String spaces() {
            return switch (random.nextInt(6)) {
                case 0 -> " ";
                case 1 -> "\t";
                case 2 -> "  ";
                default -> random.nextBoolean() ? "" : " ";
            };
        }

        private String key(int maxParts) {
            StringBuilder key = new StringBuilder(NAMES[random.nextInt(NAMES.length)]);
            int parts = 1 + random.nextInt(maxParts);
            for (int i = 1; i < parts; i++) {
                key.append(random.nextInt(4) == 0 ? " . " : ".").append(NAMES[random.nextInt(NAMES.length)]);
            }
            return key.toString();
        }

        private String value(int depth) {
            int kinds = depth < 3 ? 9 : 7;
            return switch (random.nextInt(kinds)) {
                case 0 -> integer();
                case 1 -> floatingPoint();
                case 2 -> random.nextBoolean() ? "true" : "false";
                case 3, 4 -> string();
                case 5 -> dateTime();
                case 6 -> random.nextBoolean() ? integer() : string();
                case 7 -> array(depth);
                default -> inlineTable(depth);
            };
        }

        private String integer() {
            return switch (random.nextInt(7)) {
                case 0 -> Long.toString(random.nextLong());
                case 1 -> (random.nextBoolean() ? "+" : "-") + random.nextInt(1000);
                case 2 -> "0x" + Long.toHexString(random.nextLong() >>> 1 >>> random.nextInt(60));
                case 3 -> "0o" + Long.toOctalString(random.nextInt(100_000)) + "_7";
                case 4 -> "0b1_0" + Long.toBinaryString(random.nextInt(64));
                case 5 -> random.nextBoolean() ? "9223372036854775807" : "-9223372036854775808";
                default -> withUnderscores(Integer.toString(random.nextInt(1_000_000)));
            };
        }

        private String withUnderscores(String digits) {
            StringBuilder number = new StringBuilder();
            for (int i = 0; i < digits.length(); i++) {
                if (i > 0 && random.nextInt(3) == 0) {
                    number.append('_');
                }
                number.append(digits.charAt(i));
            }
            return number.toString();
        }

        private String floatingPoint() {
            return switch (random.nextInt(6)) {
                case 0 -> (random.nextBoolean() ? "-" : "") + random.nextInt(1000) + "." + random.nextInt(1000);
                case 1 -> random.nextInt(100) + "e" + (random.nextBoolean() ? "-" : "+") + random.nextInt(300);
                case 2 -> random.nextInt(10) + "." + withUnderscores(Integer.toString(random.nextInt(100_000)))
                        + "E" + random.nextInt(20);
                case 3 -> new String[] {"inf", "+inf", "-inf", "nan", "+nan", "-nan"}[random.nextInt(6)];
                case 4 -> Double.toString(random.nextDouble() * Math.pow(10, random.nextInt(40) - 20))
                        .replace("E", "e");
                default -> withUnderscores(Integer.toString(random.nextInt(100_000))) + ".0";
            };
        }

        private String string() {
            String[] pieces = {"plain", " ", "é", "😀", "\\\"", "\\\\", "\\n", "\\t", "\\u00e9", "\\U0001F600", "#",
                "'", "\"\"", "[x]", "{y}", "\\r", "\\b", "\\f"};
            StringBuilder body = new StringBuilder();
            int count = random.nextInt(5);
            for (int i = 0; i < count; i++) {
                body.append(pieces[random.nextInt(pieces.length)]);
            }
            String text = body.toString();
            return switch (random.nextInt(5)) {
                case 0 -> "\"" + text.replace("\"\"", "\\\"") + "\"";
                case 1 -> "'" + text.replace("'", "").replace("\\", "/") + "'";
                case 2 -> "\"\"\"" + newline + text + (random.nextBoolean() ? " \\" + newline + "   " : newline)
                        + "end\"\"\"";
                case 3 -> "'''" + (random.nextBoolean() ? newline : "") + text.replace("'", "") + newline + "x'''";
                default -> "\"" + text.replace("\"\"", "") + "\"";
            };
        }

        private String dateTime() {
            String date = String.format("%04d-%02d-%02d", random.nextInt(10_000), 1 + random.nextInt(12),
                    1 + random.nextInt(31));
            String time = String.format("%02d:%02d:%02d", random.nextInt(24), random.nextInt(60), random.nextInt(60));
            if (random.nextBoolean()) {
                time += "." + String.format("%09d", random.nextInt(1_000_000_000)).substring(0, 1 + random.nextInt(9));
            }
            String separator = new String[] {"T", "t", " "}[random.nextInt(3)];
            String offset = switch (random.nextInt(4)) {
                case 0 -> "Z";
                case 1 -> "z";
                // Up to 17 hours: java.time, which tomlj reads offsets into, stops at 18 (a departure listed above).
                default -> String.format("%s%02d:%02d", random.nextBoolean() ? "+" : "-", random.nextInt(18),
                        random.nextInt(60));
            };
            return switch (random.nextInt(4)) {
                case 0 -> date + separator + time + offset;
                case 1 -> date + separator + time;
                case 2 -> date;
                default -> time;
            };
        }

        private String array(int depth) {
            StringBuilder array = new StringBuilder("[");
            int count = random.nextInt(4);
            for (int i = 0; i < count; i++) {
                array.append(random.nextInt(4) == 0 ? newline + "  " : " ").append(value(depth + 1));
                if (i < count - 1 || random.nextBoolean()) {
                    array.append(',');
                }
                if (random.nextInt(6) == 0) {
                    array.append(" # in the array").append(newline);
                }
            }
            return array.append(random.nextBoolean() ? newline : " ").append(']').toString();
        }

        private String inlineTable(int depth) {
            StringBuilder table = new StringBuilder("{");
            int count = random.nextInt(4);
            for (int i = 0; i < count; i++) {
                table.append(i == 0 ? " " : ", ").append(key(2)).append(" = ").append(value(depth + 1));
            }
            return table.append(" }").toString();
        }
    }
}
