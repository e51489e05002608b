package dev.vaina.spec.toml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vaina.spec.toml.TomlDateTime.Kind;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** TOML 1.0.0, feature by feature: what each document reads to, and the line of the fault in each bad one. */
class TomlParserTest {

    // Comments, white space, line endings

    @Test
    void comments_wholeLinesAndAfterValues() throws TomlException {
        TomlTable table = TomlParser.parse("# a comment\t with a tab\n  # indented\nkey = \"value\" # after\n"
                + "other = \"# not a comment\"\n#\n");
        assertEquals(List.of("key", "other"), List.copyOf(table.keySet()));
        assertEquals("value", table.get("key"));
        assertEquals("# not a comment", table.get("other"));
    }

    @ParameterizedTest(name = "control character {0} in a comment")
    @ValueSource(ints = {0x00, 0x07, 0x0b, 0x1f, 0x7f})
    void comments_refuseControlCharacters(int c) {
        TomlException e = fault("a = 1\n# bad " + (char) c + " here\n");
        assertEquals(2, e.line());
        assertEquals(7, e.column());
        assertTrue(e.problem().contains("U+00" + String.format("%02X", c)), e.problem());
    }

    @Test
    void comments_refuseALoneCarriageReturn() {
        assertEquals(1, fault("# comment \r more\na = 1\n").line());
    }

    @Test
    void lineEndings_crlfLikeLf_loneCarriageReturnRefused() throws TomlException {
        TomlTable table = TomlParser.parse("a = 1\r\n[t]\r\nb = [\r\n  2, # two\r\n]\r\n");
        assertEquals(1L, table.get("a"));
        assertEquals(List.of(2L), table.getTable("t").get("b"));
        assertEquals(3, table.getTable("t").lineOf("b"));
        assertEquals(1, fault("a = 1\rb = 2\n").line());
        assertEquals(2, fault("a = 1\n\r").line());
    }

    @Test
    void whitespace_tabsAndSpacesAroundEverything() throws TomlException {
        TomlTable table = TomlParser.parse("\t a\t.\tb = 1 \t\n [ t . u ] \n\tc\t=\t2\n[[ arr ]]\n");
        assertEquals(1L, table.get(List.of("a", "b")));
        assertEquals(2L, table.get(List.of("t", "u", "c")));
        assertEquals(1, ((List<?>) table.get("arr")).size());
    }

    @Test
    void emptyDocuments() throws TomlException {
        assertTrue(TomlParser.parse("").isEmpty());
        assertTrue(TomlParser.parse("\n\n  \n# only comments\n").isEmpty());
    }

    @Test
    void keyValue_mustEndItsLine() {
        assertEquals(1, fault("a = 1 b = 2\n").line());
        assertEquals(2, fault("a = 1\nb = \"x\" \"y\"\n").line());
        assertEquals(1, fault("[t] x = 1\n").line());
        assertEquals(1, fault("a = truex\n").line());
    }

    // Keys

    @Test
    void keys_bareQuotedLiteralAndEmpty() throws TomlException {
        TomlTable table = TomlParser.parse("bare_key-1 = 1\n1234 = 2\n\"127.0.0.1\" = 3\n\"ʎǝʞ\" = 4\n"
                + "'quoted \"value\"' = 5\n\"\" = 6\n\"tab\\there\" = 7\n");
        assertEquals(1L, table.get("bare_key-1"));
        assertEquals(2L, table.get("1234"));
        assertEquals(3L, table.get("127.0.0.1"));
        assertEquals(4L, table.get("ʎǝʞ"));
        assertEquals(5L, table.get("quoted \"value\""));
        assertEquals(6L, table.get(""));
        assertEquals(7L, table.get("tab\there"));
    }

    @Test
    void keys_dottedWithSpacesAroundDots() throws TomlException {
        TomlTable table = TomlParser.parse("physical.color = \"orange\"\nphysical . shape = \"round\"\n"
                + "site.\"google.com\" = true\n3.14159 = \"pi\"\n");
        assertEquals("orange", table.get(List.of("physical", "color")));
        assertEquals("round", table.get(List.of("physical", "shape")));
        assertEquals(Boolean.TRUE, table.get(List.of("site", "google.com")));
        assertEquals("pi", table.get(List.of("3", "14159")));
    }

    @Test
    void keys_keepTheDocumentsOrder() throws TomlException {
        TomlTable table = TomlParser.parse("z = 1\na = 2\nm.y = 3\nm.b = 4\nb = 5\n");
        assertEquals(List.of("z", "a", "m", "b"), List.copyOf(table.keySet()));
        assertEquals(List.of("y", "b"), List.copyOf(table.getTable("m").keySet()));
    }

    @Test
    void keys_knowWhereTheyWereDefined() throws TomlException {
        TomlTable table = TomlParser.parse("# first\n  a = 1\nb.c = 2\n\n[t]\n  x = [\n1]\ny = 2\n[t.u.v]\n[t.u]\n");
        assertEquals(2, table.lineOf("a"));
        assertEquals(3, table.columnOf("a"));
        assertEquals(3, table.lineOf("b"));
        assertEquals(3, table.getTable("b").lineOf("c"));
        assertEquals(5, table.lineOf("t"));
        TomlTable t = table.getTable("t");
        assertEquals(6, t.lineOf("x"));
        assertEquals(8, t.lineOf("y"));
        assertEquals(10, t.lineOf("u"), "made on the way at line 9, defined by its own header at line 10");
        assertEquals(0, t.lineOf("missing"));
        assertEquals(0, t.columnOf("missing"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "= 1", "a b = 1", "a. = 1", ".a = 1", "a..b = 1", "\"\"\"a\"\"\" = 1", "'''a''' = 1", "a = ", "a",
        "a =\n1", "a.\nb = 1", "\"a\nb\" = 1", "ä = 1", "a = # comment",
    })
    void keys_malformedOnesAreRefusedOnTheirLine(String line) {
        assertEquals(2, fault("ok = 1\n" + line + "\nlast = 2\n").line());
    }

    @Test
    void keys_expectedEqualsMessageNamesTheKey() {
        TomlException e = fault("[[registry]]\n\n  insecure true\n");
        assertEquals(3, e.line());
        assertEquals(12, e.column());
        assertEquals("line 3, column 12: expected '=' after the key \"insecure\", found 't'", e.getMessage());
    }

    @Test
    void keys_definedTwiceAreRefused() {
        assertEquals(2, fault("name = \"a\"\nname = \"b\"\n").line());
        assertEquals(2, fault("spelling = \"favorite\"\n\"spelling\" = \"favourite\"\n").line());
        assertEquals(2, fault("a.b = 1\na.b = 2\n").line());
        assertEquals(3, fault("[t]\nx = 1\n'x' = 2\n").line());
        assertTrue(fault("a = 1\na = 2\n").problem().contains("first at line 1"));
    }

    @Test
    void dottedKeys_mayNotAddToAValueOrRedefineATable() {
        // A key with a value cannot become a table, nor a table a value.
        assertEquals(2, fault("fruit.apple = 1\nfruit.apple.smooth = true\n").line());
        assertEquals(2, fault("fruit.apple.smooth = true\nfruit.apple = 1\n").line());
        assertEquals(2, fault("a = [1]\na.b = 2\n").line());
    }

    @Test
    void dottedKeys_mayAddToTablesTheyMadeInAnyOrder() throws TomlException {
        TomlTable table = TomlParser.parse("apple.type = \"fruit\"\norange.type = \"fruit\"\n"
                + "apple.skin = \"thin\"\norange.skin = \"thick\"\n");
        assertEquals("thin", table.get(List.of("apple", "skin")));
        assertEquals("thick", table.get(List.of("orange", "skin")));
    }

    // Strings

    @Test
    void basicStrings_allEscapes() throws TomlException {
        assertEquals("\b\t\n\f\r\"\\é😀Z", value("\"\\b\\t\\n\\f\\r\\\"\\\\\\u00E9\\U0001F600\\u005a\""));
        assertEquals("I'm a string. \"You can quote me\". Name\tJosé\nLocation\tSF.",
                value("\"I'm a string. \\\"You can quote me\\\". Name\\tJos\\u00E9\\nLocation\\tSF.\""));
        assertEquals("", value("\"\""));
        assertEquals("tab\tstays", value("\"tab\tstays\""));
        assertEquals("\uD7FF\uE000\uDBFF\uDFFF", value("\"\\uD7FF\\uE000\\U0010FFFF\""));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "\"\\e\"", "\"\\x41\"", "\"\\ \"", "\"\\u12\"", "\"\\u12G4\"", "\"\\U0000004\"", "\"\\uD800\"", "\"\\uDFFF\"",
        "\"\\U00110000\"", "\"\\UFFFFFFFF\"", "\"\\\"", "\"open", "\"a\u0001b\"", "\"a\u007fb\"", "\"a\u001fb\"",
        "\"a\rb\"",
    })
    void basicStrings_badEscapesAndCharactersAreRefused(String value) {
        assertEquals(2, fault("ok = 1\ns = " + value + "\n").line());
    }

    @Test
    void basicStrings_mayNotSpanLines() {
        TomlException e = fault("s = \"one\ntwo\"\n");
        assertEquals(1, e.line());
        assertTrue(e.problem().contains("not closed"), e.problem());
    }

    @Test
    void literalStrings_asWritten() throws TomlException {
        assertEquals("C:\\Users\\nodejs\\templates", value("'C:\\Users\\nodejs\\templates'"));
        assertEquals("Tom \"Dubs\" Preston-Werner", value("'Tom \"Dubs\" Preston-Werner'"));
        assertEquals("<\\i\\c*\\s*>", value("'<\\i\\c*\\s*>'"));
        assertEquals("", value("''"));
        assertEquals("with\ttab", value("'with\ttab'"));
        assertEquals(2, fault("ok = 1\ns = 'it's'\n").line());
        assertEquals(2, fault("ok = 1\ns = 'open\n").line());
        assertEquals(2, fault("ok = 1\ns = 'bell\u0007'\n").line());
    }

    @Test
    void multiLineBasicStrings_firstNewlineTrimmed() throws TomlException {
        assertEquals("Roses are red\nViolets are blue", value("\"\"\"\nRoses are red\nViolets are blue\"\"\""));
        assertEquals("\nkept", value("\"\"\"\n\nkept\"\"\""));
        assertEquals("same line\n", value("\"\"\"same line\n\"\"\""));
        assertEquals("crlf\nnormalized\n", value("\"\"\"\r\ncrlf\r\nnormalized\r\n\"\"\""));
    }

    @Test
    void multiLineBasicStrings_lineEndingBackslash() throws TomlException {
        String expected = "The quick brown fox jumps over the lazy dog.";
        assertEquals(expected, value("\"\"\"\nThe quick brown \\\n\n\n  fox jumps over \\\n    the lazy dog.\"\"\""));
        assertEquals(expected, value("\"\"\"\\\n       The quick brown \\\n       fox jumps over \\\n"
                + "       the lazy dog.\\\n       \"\"\""));
        assertEquals("ab", value("\"\"\"a\\ \t \n \t\r\n  b\"\"\""));
        assertEquals(2, fault("ok = 1\ns = \"\"\"a\\ b\"\"\"\n").line(), "a backslash and spaces not ending the line");
    }

    @Test
    void multiLineBasicStrings_quotesInsideAndBeforeTheEnd() throws TomlException {
        assertEquals("Here are two quotation marks: \"\". Simple enough.",
                value("\"\"\"Here are two quotation marks: \"\". Simple enough.\"\"\""));
        assertEquals("Here are three quotation marks: \"\"\".",
                value("\"\"\"Here are three quotation marks: \"\"\\\".\"\"\""));
        assertEquals("\"This,\" she said, \"is just a pointless statement.\"",
                value("\"\"\"\"This,\" she said, \"is just a pointless statement.\"\"\"\""));
        assertEquals("x\"", value("\"\"\"x\"\"\"\""));
        assertEquals("x\"\"", value("\"\"\"x\"\"\"\"\""));
        assertEquals("\"\"", value("\"\"\"\"\"\"\"\""));
        assertEquals(1, fault("s = \"\"\"x\"\"\"\"\"\"\n").line(), "six quotes: one too many");
        assertEquals(1, fault("s = \"\"\"a\"\"\"b\"\"\"\n").line());
    }

    @Test
    void multiLineBasicStrings_escapesAndControlCharacters() throws TomlException {
        assertEquals("tab\there\u00e9\n", value("\"\"\"tab\\there\\u00e9\n\"\"\""));
        assertEquals(3, fault("ok = 1\ns = \"\"\"\nbad\\q\n\"\"\"\n").line());
        assertEquals(3, fault("ok = 1\ns = \"\"\"\nbell\u0007\n\"\"\"\n").line());
        assertEquals(3, fault("ok = 1\ns = \"\"\"\nlone\rcr\n\"\"\"\n").line());
    }

    @Test
    void multiLineStrings_unclosedOnesAreReportedWhereTheyBegin() {
        TomlException e = fault("ok = 1\ns = \"\"\"\nnever\nclosed\n");
        assertEquals(2, e.line());
        assertEquals(5, e.column());
        assertEquals(2, fault("ok = 1\ns = '''\nnever\nclosed\n").line());
    }

    @Test
    void multiLineLiteralStrings() throws TomlException {
        assertEquals("I [dw]on't need \\d{2} apples", value("'''I [dw]on't need \\d{2} apples'''"));
        assertEquals("The first newline is\ntrimmed in raw strings.\n   All other whitespace\n   is preserved.\n",
                value("'''\nThe first newline is\ntrimmed in raw strings.\n   All other whitespace\n"
                        + "   is preserved.\n'''"));
        assertEquals("Here are fifteen quotation marks: \"\"\"\"\"\"\"\"\"\"\"\"\"\"\"",
                value("'''Here are fifteen quotation marks: \"\"\"\"\"\"\"\"\"\"\"\"\"\"\"'''"));
        assertEquals("'That,' she said, 'is still pointless.'",
                value("''''That,' she said, 'is still pointless.''''"));
        assertEquals("no \\\nescape", value("'''no \\\nescape'''"));
        assertEquals(1, fault("s = '''x''''''\n").line());
        assertEquals(3, fault("ok = 1\ns = '''\nbell\u0007\n'''\n").line());
    }

    // Integers

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', value = {
        "+99 | 99", "42 | 42", "0 | 0", "-17 | -17", "+0 | 0", "-0 | 0", "1_000 | 1000", "5_349_221 | 5349221",
        "53_49_221 | 5349221", "1_2_3_4_5 | 12345", "0xDEADBEEF | 3735928559", "0xdeadbeef | 3735928559",
        "0xdead_beef | 3735928559", "0x00ff | 255", "0o01234567 | 342391", "0o755 | 493",
        "0b11010110 | 214", "0b0_1 | 1", "9223372036854775807 | 9223372036854775807",
        "-9223372036854775808 | -9223372036854775808", "0x7FFFFFFFFFFFFFFF | 9223372036854775807",
        "0o777777777777777777777 | 9223372036854775807",
        "0b111111111111111111111111111111111111111111111111111111111111111 | 9223372036854775807",
    })
    void integers(String written, long expected) throws TomlException {
        assertEquals(expected, value(written));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "012", "+012", "-00", "00", "0_0", "1__2", "_1", "1_", "+_1", "+0x1", "-0x1", "0X1F", "0xg", "0x", "0o",
        "0b", "0o8", "0b2", "0x_1", "0x1_", "1a", "9223372036854775808", "-9223372036854775809",
        "0x8000000000000000", "0xFFFFFFFFFFFFFFFF", "0o1000000000000000000000", "1-2", "++1", "--1", "1+",
    })
    void integers_malformedOrOutOfRangeAreRefused(String written) {
        assertEquals(2, fault("ok = 1\nn = " + written + "\n").line());
    }

    @Test
    void integers_outOfRangeMessageSaysTheRange() {
        assertTrue(fault("n = 9223372036854775808").problem().contains("64-bit"));
    }

    // Floats

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', value = {
        "+1.0 | 1.0", "3.1415 | 3.1415", "-0.01 | -0.01", "5e+22 | 5e22", "1e06 | 1e6", "-2E-2 | -0.02",
        "6.626e-34 | 6.626e-34", "224_617.445_991_228 | 224617.445991228", "0.0 | 0.0", "0e0 | 0.0",
        "1e1_0 | 1e10", "1.5E+0_3 | 1500", "1e400 | Infinity", "-1e400 | -Infinity",
    })
    void floats(String written, double expected) throws TomlException {
        assertEquals(expected, value(written));
    }

    @Test
    void floats_specialValuesAndSignedZero() throws TomlException {
        assertEquals(Double.POSITIVE_INFINITY, value("inf"));
        assertEquals(Double.POSITIVE_INFINITY, value("+inf"));
        assertEquals(Double.NEGATIVE_INFINITY, value("-inf"));
        assertEquals(Double.NaN, value("nan"));
        assertEquals(Double.NaN, value("+nan"));
        assertEquals(Double.NaN, value("-nan"));
        assertEquals(-0.0, value("-0.0"));
        assertEquals(0.0, value("+0.0"));
        assertEquals(Double.class, value("1.0").getClass());
        assertEquals(Long.class, value("1").getClass());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        ".7", "7.", "3.e+20", "1e", "1e+", "1e_3", "01.5", "00.0", "1._5", "1_.5", "1.5_", "1.5e3_", "Inf", "NaN",
        "infinity", "1e5.5", "1.2.3", "+.5", "inf_", "- inf", "1,5", "0x1.5", "1e5e5", "0.1.", "_1.0",
    })
    void floats_malformedAreRefused(String written) {
        assertEquals(2, fault("ok = 1\nf = " + written + "\n").line());
    }

    // Booleans and bare words

    @Test
    void booleans() throws TomlException {
        assertEquals(Boolean.TRUE, value("true"));
        assertEquals(Boolean.FALSE, value("false"));
        for (String word : List.of("True", "FALSE", "tru", "fals", "yes", "no", "null", "bare")) {
            assertEquals(1, fault("b = " + word + "\n").line(), word);
        }
    }

    // Dates and times

    @Test
    void dateTimes_keepKindAndText() throws TomlException {
        assertKind(Kind.OFFSET_DATE_TIME, "1979-05-27T07:32:00Z", "1979-05-27T00:32:00-07:00",
                "1979-05-27T00:32:00.999999-07:00", "1979-05-27 07:32:00Z", "1979-05-27t07:32:00z",
                "1979-05-27T07:32:00+14:00", "1979-05-27T07:32:00+23:59", "2016-12-31T23:59:60Z");
        assertKind(Kind.LOCAL_DATE_TIME, "1979-05-27T07:32:00", "1979-05-27 00:32:00.999999",
                "1979-05-27T00:32:00.1234567891234");
        assertKind(Kind.LOCAL_DATE, "1979-05-27", "0000-01-01", "9999-12-31");
        assertKind(Kind.LOCAL_TIME, "07:32:00", "00:32:00.999999", "23:59:59.0", "23:59:60", "00:00:00");
    }

    private static void assertKind(Kind kind, String... written) throws TomlException {
        for (String text : written) {
            assertEquals(new TomlDateTime(kind, text), value(text), text);
        }
    }

    @Test
    void dateTimes_daysPerMonthAndLeapYears() throws TomlException {
        assertEquals(new TomlDateTime(Kind.LOCAL_DATE, "2024-02-29"), value("2024-02-29"));
        assertEquals(new TomlDateTime(Kind.LOCAL_DATE, "2000-02-29"), value("2000-02-29"));
        assertEquals(new TomlDateTime(Kind.LOCAL_DATE, "0000-02-29"), value("0000-02-29"));
        assertEquals(new TomlDateTime(Kind.LOCAL_DATE, "2023-04-30"), value("2023-04-30"));
        assertEquals(new TomlDateTime(Kind.LOCAL_DATE, "2023-12-31"), value("2023-12-31"));
        for (String date : List.of("2023-02-29", "1900-02-29", "2100-02-29", "2024-02-30", "2023-04-31",
                "2023-06-31", "2023-09-31", "2023-11-31", "2023-01-32", "2023-00-10", "2023-13-01", "2023-01-00")) {
            assertEquals(1, fault("d = " + date + "\n").line(), date);
        }
        assertEquals("invalid date 2023-02-29: February 2023 has 28 days", fault("d = 2023-02-29").problem());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "1979-05-27T24:00:00", "1979-05-27T23:60:00", "1979-05-27T23:59:61", "1979-05-27T07:32Z", "07:32",
        "7:32:00", "07:3:00", "1979-5-27", "1979-05-7", "79-05-27", "1979-05-27T", "1979-05-27T07:32:00.",
        "1979-05-27T07:32:00+24:00", "1979-05-27T07:32:00+07:60", "1979-05-27T07:32:00+0700",
        "1979-05-27T07:32:00+7:00",
        "1979-05-27  07:32:00", "1979-05-27_07:32:00", "07:32:00Z", "07:32:00-07:00", "1979-05-27T07:32:00ZZ",
        "1979/05/27", "1979-05-27T7:32:00", "12345-05-27",
    })
    void dateTimes_malformedAreRefused(String written) {
        assertEquals(2, fault("ok = 1\nd = " + written + "\n").line());
    }

    @Test
    void dateTimes_aDateThenACommentIsADate() throws TomlException {
        assertEquals(new TomlDateTime(Kind.LOCAL_DATE, "1979-05-27"), value("1979-05-27 # a comment"));
        assertEquals(new TomlDateTime(Kind.LOCAL_DATE, "1979-05-27"), value("1979-05-27 "));
    }

    // Arrays

    @Test
    void arrays_ofAnyValuesMixed() throws TomlException {
        assertEquals(List.of(), value("[]"));
        assertEquals(List.of(1L, 2L, 3L), value("[ 1, 2, 3 ]"));
        assertEquals(List.of("red", "yellow", "green"), value("[ \"red\", \"yellow\", \"green\" ]"));
        assertEquals(List.of(List.of(1L, 2L), List.of(3L, 4L, 5L)), value("[ [ 1, 2 ], [3, 4, 5] ]"));
        assertEquals(List.of(List.of(1L, 2L), List.of("a", "b", "c")), value("[ [ 1, 2 ], [\"a\", 'b', \"c\"] ]"));
        assertEquals(List.of(0.1, 0.2, 0.5, 1L, 2L, 5L), value("[ 0.1, 0.2, 0.5, 1, 2, 5 ]"));
        assertEquals(List.of("all", "strings", "are the same", "type"),
                value("[ \"all\", 'strings', \"\"\"are the same\"\"\", '''type''' ]"));
    }

    @Test
    void arrays_ofInlineTablesAndDates() throws TomlException {
        TomlTable table = TomlParser.parse("contributors = [\n  \"Foo Bar <foo@example.com>\",\n"
                + "  { name = \"Baz Qux\", email = \"bazqux@example.com\", url = \"https://example.com/bazqux\" }\n]\n"
                + "dates = [1979-05-27, 07:32:00]\n");
        List<?> contributors = (List<?>) table.get("contributors");
        assertEquals("Foo Bar <foo@example.com>", contributors.get(0));
        TomlTable baz = (TomlTable) contributors.get(1);
        assertEquals(List.of("name", "email", "url"), List.copyOf(baz.keySet()));
        assertEquals(List.of(new TomlDateTime(Kind.LOCAL_DATE, "1979-05-27"),
                new TomlDateTime(Kind.LOCAL_TIME, "07:32:00")), table.get("dates"));
    }

    @Test
    void arrays_spanLinesWithCommentsAndATrailingComma() throws TomlException {
        assertEquals(List.of(1L, 2L, 3L), TomlParser.parse("a = [\n  1, # one\n\n  2\n  # two\n  , 3, # three\n]\n")
                .get("a"));
        assertEquals(List.of(1L, 2L), value("[1,2,]"));
        assertEquals(List.of(1L), value("[\n1\n,\n]"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {"[,] | 2", "[1,,2] | 2", "[,1] | 2", "[1 2] | 2",
        "[1 | 2", "[1, | 2", "[1\\n2] | 3", "[1,2,,] | 2", "[\"a\" \"b\"] | 2", "[1]] | 2", "[ # comment ] | 2",
        "[1,\\n\\n,2] | 4", "[1\\n# c\\n3, ] | 4"})
    void arrays_malformedAreRefused(String written, int line) {
        assertEquals(line, fault("ok = 1\na = " + written.replace("\\n", "\n") + "\n").line());
    }

    @Test
    void arrays_unclosedOnesAreReportedWhereTheyBegin() {
        TomlException e = fault("ok = 1\na = [\n  1,\n  2\n");
        assertEquals(2, e.line());
        assertEquals(5, e.column());
    }

    @Test
    void arrays_cannotBeChanged() throws TomlException {
        List<?> array = (List<?>) value("[1, 2]");
        assertThrows(UnsupportedOperationException.class, () -> array.remove(0));
        TomlTable table = TomlParser.parse("[[t]]\n");
        List<?> tables = (List<?>) table.get("t");
        assertThrows(UnsupportedOperationException.class, () -> tables.remove(0));
    }

    @Test
    void nesting_deepIsFine_deeperThanTheLimitIsRefused() throws TomlException {
        int limit = TomlParser.MAX_DEPTH;
        Object value = value("[".repeat(limit) + "]".repeat(limit));
        for (int i = 1; i < limit; i++) {
            value = ((List<?>) value).get(0);
        }
        assertEquals(List.of(), value);
        assertEquals(1, fault("a = " + "[".repeat(limit + 1) + "]".repeat(limit + 1)).line());
        assertEquals(1, fault("a = " + "{b=".repeat(limit + 1) + "1" + "}".repeat(limit + 1)).line());
    }

    // Inline tables

    @Test
    void inlineTables() throws TomlException {
        TomlTable table = TomlParser.parse("name = { first = \"Tom\", last = \"Preston-Werner\" }\n"
                + "point = { x = 1, y = 2 }\nanimal = { type.name = \"pug\" }\nempty = {}\nspaced = {  }\n"
                + "nested = { a = { b = [ { c = 1 } ] } }\n");
        assertEquals("Preston-Werner", table.get(List.of("name", "last")));
        assertEquals(2L, table.get(List.of("point", "y")));
        assertEquals("pug", table.get(List.of("animal", "type", "name")));
        assertTrue(table.getTable("empty").isEmpty());
        assertTrue(table.getTable("spaced").isEmpty());
        List<?> b = (List<?>) table.get(List.of("nested", "a", "b"));
        assertEquals(1L, ((TomlTable) b.get(0)).get("c"));
    }

    @Test
    void inlineTables_valuesInsideMaySpanLines() throws TomlException {
        TomlTable table = TomlParser.parse("t = { list = [\n 1,\n 2,\n], text = \"\"\"a\nb\"\"\" }\nnext = 1\n");
        assertEquals(List.of(1L, 2L), table.get(List.of("t", "list")));
        assertEquals("a\nb", table.get(List.of("t", "text")));
        assertEquals(6, table.lineOf("next"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"{ a = 1, }", "{ a = 1\n}", "{\na = 1 }", "{ a = 1,\nb = 2 }", "{ a = 1 b = 2 }",
        "{ a = 1, a = 2 }", "{ a.b = 1, a = 2 }", "{ a = {}, a.b = 1 }", "{ , }", "{ a = 1 # c\n}", "{ a }",
        "{ a = 1", "{ a = 1,, b = 2 }"})
    void inlineTables_malformedAreRefused(String written) {
        assertEquals(2, fault("ok = 1\nt = " + written + "\n").line());
    }

    @Test
    void inlineTables_areCompleteOnceClosed() {
        assertEquals(2, fault("product.type = { name = \"Nail\" }\nproduct.type.edible = false\n").line());
        assertEquals(2, fault("product.type.name = \"Nail\"\nproduct.type = { edible = false }\n").line());
        assertEquals(2, fault("a = { b = 1 }\n[a]\n").line());
        assertEquals(2, fault("a = { b = 1 }\n[a.c]\n").line());
        assertEquals(2, fault("a = { b = { c = 1 } }\n[a.b.d]\n").line());
        assertEquals(2, fault("a = { b = 1 }\n[[a.c]]\n").line());
        assertEquals(2, fault("a = [{ b = 1 }]\n[a.c]\n").line());
    }

    // Tables

    @Test
    void tables_headersQuotedKeysAndSubTables() throws TomlException {
        TomlTable table = TomlParser.parse("[table-1]\nkey1 = \"some string\"\nkey2 = 123\n\n[table-2]\n"
                + "key1 = \"another string\"\n[dog.\"tater.man\"]\ntype.name = \"pug\"\n[ j . \"ʞ\" . 'l' ]\n"
                + "[a.b.c]\n[ d.e.f ]\n[ g .  h  . i ]\n[\"\"]\nx = 1\n");
        assertEquals(123L, table.get(List.of("table-1", "key2")));
        assertEquals("pug", table.get(List.of("dog", "tater.man", "type", "name")));
        assertTrue(table.get(List.of("j", "ʞ", "l")) instanceof TomlTable);
        assertTrue(table.get(List.of("g", "h", "i")) instanceof TomlTable);
        assertEquals(1L, table.get(List.of("", "x")));
        assertNull(table.get(List.of("table-1", "key1", "deeper")));
    }

    @Test
    void tables_superTablesMayBeDefinedAfterwards() throws TomlException {
        TomlTable table = TomlParser.parse("[x.y.z.w]\na = 1\n[x]\nb = 2\n[x.y]\nc = 3\n");
        assertEquals(1L, table.get(List.of("x", "y", "z", "w", "a")));
        assertEquals(2L, table.get(List.of("x", "b")));
        assertEquals(3L, table.get(List.of("x", "y", "c")));
        assertEquals(List.of("y", "b"), List.copyOf(table.getTable("x").keySet()));
    }

    @Test
    void tables_areDefinedOnce() {
        assertEquals(4, fault("[fruit]\napple = \"red\"\n\n[fruit]\norange = \"orange\"\n").line());
        assertEquals(4, fault("[fruit]\napple = \"red\"\n\n[fruit.apple]\ntexture = \"smooth\"\n").line());
        assertEquals(3, fault("[a]\n[a.b]\n[a]\n").line());
        assertEquals(3, fault("[a.b]\n[a]\n[a]\n").line());
        assertEquals(2, fault("[a]\n['a']\n").line());
        assertEquals(2, fault("a = 1\n[a]\n").line());
        assertEquals(2, fault("a = [1]\n[a]\n").line());
        assertEquals(2, fault("a = 1\n[a.b]\n").line());
        assertTrue(fault("[a]\n[a]\n").problem().contains("first at line 1"));
    }

    @Test
    void tables_madeByDottedKeysCannotBeDefinedByHeaders_butMayHoldSubTables() throws TomlException {
        assertEquals(4, fault("[fruit]\napple.color = \"red\"\napple.taste.sweet = true\n[fruit.apple]\n").line());
        assertEquals(4, fault("[fruit]\napple.color = \"red\"\napple.taste.sweet = true\n[fruit.apple.taste]\n")
                .line());
        assertEquals(2, fault("a.b.c = 1\n[a]\n").line());
        assertEquals(2, fault("a.b.c = 1\n[a.b]\n").line());
        TomlTable table = TomlParser.parse("[fruit]\napple.color = \"red\"\napple.taste.sweet = true\n"
                + "[fruit.apple.texture]\nsmooth = true\n");
        assertEquals(Boolean.TRUE, table.get(List.of("fruit", "apple", "texture", "smooth")));
        assertEquals(Boolean.TRUE, table.get(List.of("fruit", "apple", "taste", "sweet")));
    }

    @Test
    void tables_dottedKeysMayNotAddToATableAHeaderDefined() {
        assertEquals(4, fault("[a.b.c]\nz = 9\n[a]\nb.c.t = 1\n").line());
        assertEquals(4, fault("[a.b.c.d]\nz = 9\n[a]\nb.c.d.k.t = 1\n").line());
    }

    @Test
    void tables_dottedKeysMayAddToATableAHeaderOnlyMadeOnItsWay_whichNoHeaderMayDefineThen()
            throws TomlException {
        TomlTable table = TomlParser.parse("[a.b.c]\nz = 9\n[a]\nb.d = 2\n");
        assertEquals(2L, table.get(List.of("a", "b", "d")));
        assertEquals(9L, table.get(List.of("a", "b", "c", "z")));
        assertEquals(5, fault("[a.b.c]\nz = 9\n[a]\nb.d = 2\n[a.b]\n").line());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"[]", "[a", "[a.]", "[.a]", "[a b]", "[a]]", "[[a]", "[[a] ]", "[ [a] ]", "[a] b",
        "[\"\"\"a\"\"\"]", "[a\n]", "[a = 1]", "[[]]"})
    void tables_malformedHeadersAreRefused(String header) {
        assertEquals(2, fault("ok = 1\n" + header + "\n").line());
    }

    // Arrays of tables

    @Test
    void arraysOfTables() throws TomlException {
        TomlTable table = TomlParser.parse("[[products]]\nname = \"Hammer\"\nsku = 738594937\n\n"
                + "[[products]]  # empty\n\n"
                + "[[products]]\nname = \"Nail\"\nsku = 284758393\n\ncolor = \"gray\"\n");
        List<?> products = (List<?>) table.get("products");
        assertEquals(3, products.size());
        assertEquals("Hammer", ((TomlTable) products.get(0)).get("name"));
        assertTrue(((TomlTable) products.get(1)).isEmpty());
        assertEquals("gray", ((TomlTable) products.get(2)).get("color"));
        assertEquals(1, table.lineOf("products"));
    }

    @Test
    void arraysOfTables_nestedAndSubTablesGoToTheLastElement() throws TomlException {
        TomlTable table = TomlParser.parse("[[fruits]]\nname = \"apple\"\n\n[fruits.physical]\ncolor = \"red\"\n"
                + "shape = \"round\"\n\n[[fruits.varieties]]\nname = \"red delicious\"\n\n[[fruits.varieties]]\n"
                + "name = \"granny smith\"\n\n\n[[fruits]]\nname = \"banana\"\n\n[[fruits.varieties]]\n"
                + "name = \"plantain\"\n");
        List<?> fruits = (List<?>) table.get("fruits");
        TomlTable apple = (TomlTable) fruits.get(0);
        assertEquals("red", apple.get(List.of("physical", "color")));
        List<?> appleVarieties = (List<?>) apple.get("varieties");
        assertEquals("granny smith", ((TomlTable) appleVarieties.get(1)).get("name"));
        TomlTable banana = (TomlTable) fruits.get(1);
        assertEquals("plantain", ((TomlTable) ((List<?>) banana.get("varieties")).get(0)).get("name"));
        assertNull(banana.get("physical"));
    }

    @Test
    void arraysOfTables_implicitParentThenDefined() throws TomlException {
        TomlTable table = TomlParser.parse("[[a.b]]\nx = 1\n[a]\ny = 2\n");
        assertEquals(2L, table.get(List.of("a", "y")));
        assertEquals(1, ((List<?>) table.get(List.of("a", "b"))).size());
    }

    @Test
    void arraysOfTables_conflicts() {
        // A table under an array of tables' name, then the array: which element would the table be?
        assertEquals(5, fault("[fruit.physical]\ncolor = \"red\"\nshape = \"round\"\n\n[[fruit]]\n").line());
        assertEquals(7, fault("[[fruit]]\nname = \"apple\"\n\n[[fruit.varieties]]\nname = \"red delicious\"\n\n"
                + "[fruit.varieties]\nname = \"granny smith\"\n").line());
        assertEquals(5, fault("[[fruit]]\n[fruit.physical]\ncolor = \"red\"\n\n[[fruit.physical]]\n").line());
        assertEquals(3, fault("[[albums.songs]]\nname = \"Glory Days\"\n[[albums]]\n").line());
        assertEquals(2, fault("[[a]]\n[a]\n").line());
        assertEquals(2, fault("[a]\n[[a]]\n").line());
        assertEquals(2, fault("a = 1\n[[a]]\n").line());
    }

    @Test
    void arraysOfTables_staticArraysCannotBeAppendedTo() {
        assertEquals(2, fault("fruits = []\n[[fruits]]\n").line());
        assertEquals(2, fault("fruits = [{ name = \"apple\" }]\n[[fruits]]\n").line());
        assertTrue(fault("a = []\n[[a]]\n").problem().contains("[[a]]"));
    }

    @Test
    void arraysOfTables_dottedKeysCannotAddToThem() throws TomlException {
        assertEquals(3, fault("[[a.b]]\n[a]\nb.y = 2\n").line());
        // Within an element, a.b is a key of the element's own.
        TomlTable table = TomlParser.parse("[[a]]\na.b = 1\n");
        assertEquals(1L, ((TomlTable) ((List<?>) table.get("a")).get(0)).get(List.of("a", "b")));
    }

    // Encoding

    @Test
    void utf8_decodedFromBytes() throws TomlException {
        TomlTable table = TomlParser.parse("# comentário\nnome = \"José 😀\"\n'ключ' = 1\n"
                .getBytes(StandardCharsets.UTF_8));
        assertEquals("José 😀", table.get("nome"));
        assertEquals(1L, table.get("ключ"));
    }

    @Test
    void utf8_invalidBytesAreRefusedWhereTheyStand() {
        byte[] ok = "a = 1\nb = \"x".getBytes(StandardCharsets.UTF_8);
        for (byte[] bad : List.of(new byte[] {(byte) 0xc3, 0x28}, new byte[] {(byte) 0xff},
                new byte[] {(byte) 0xed, (byte) 0xa0, (byte) 0x80}, new byte[] {(byte) 0xc0, (byte) 0xaf},
                new byte[] {(byte) 0xe2, (byte) 0x82})) {
            byte[] document = new byte[ok.length + bad.length];
            System.arraycopy(ok, 0, document, 0, ok.length);
            System.arraycopy(bad, 0, document, ok.length, bad.length);
            TomlException e = assertThrows(TomlException.class, () -> TomlParser.parse(document));
            assertEquals(2, e.line());
            assertEquals(7, e.column());
            assertTrue(e.problem().contains("UTF-8"), e.problem());
        }
    }

    @Test
    void utf8_byteOrderMarkOnlyAtTheStart() throws TomlException {
        assertEquals(1L, TomlParser.parse(new byte[] {(byte) 0xef, (byte) 0xbb, (byte) 0xbf, 'a', ' ', '=', ' ', '1'})
                .get("a"));
        assertEquals(1L, TomlParser.parse("\uFEFFa = 1").get("a"));
        assertEquals(2, fault("a = 1\n\uFEFFb = 2\n").line());
        assertEquals(1, fault("\uFEFF\uFEFFa = 1\n").line());
    }

    @Test
    void unicode_loneSurrogatesAreRefused_pairsAreFine() throws TomlException {
        assertEquals("\uD83D\uDE00", value("\"\uD83D\uDE00\""));
        assertEquals("\uD83D\uDE00", value("'\uD83D\uDE00'"));
        assertEquals(1L, TomlParser.parse("# \uD83D\uDE00\na = 1").get("a"));
        assertEquals(1, fault("a = \"\uD83D\"\n").line());
        assertEquals(1, fault("a = '\uDE00'\n").line());
        assertEquals(1, fault("# \uDE00\uD83D\n").line());
        assertEquals(2, fault("a = 1\nb = '''\uD83Dx'''\n").line());
    }

    // Files, paths and messages

    @Test
    void files_areReadAsUtf8_missingOnesStayIOExceptions(@TempDir Path dir) throws IOException, TomlException {
        Path file = dir.resolve("conf.toml");
        Files.write(file, "[engine]\nruntime = \"crün\"\n".getBytes(StandardCharsets.UTF_8));
        assertEquals("crün", TomlParser.parse(file).get(List.of("engine", "runtime")));
        assertThrows(NoSuchFileException.class, () -> TomlParser.parse(dir.resolve("missing.toml")));
        Files.write(file, new byte[] {'a', ' ', '=', ' ', '"', (byte) 0xfe, '"'});
        assertEquals(1, assertThrows(TomlException.class, () -> TomlParser.parse(file)).line());
    }

    @Test
    void joinKeyPath_quotesKeysThatAreNotBare() {
        assertEquals("a.b-c_1", TomlTable.joinKeyPath(List.of("a", "b-c_1")));
        assertEquals("aliases.\"tools/kit\"", TomlTable.joinKeyPath(List.of("aliases", "tools/kit")));
        assertEquals("\"\".\"a b\".\"q\\\"uote\".\"back\\\\slash\".\"tab\\t\".\"bell\\u0007\"",
                TomlTable.joinKeyPath(List.of("", "a b", "q\"uote", "back\\slash", "tab\t", "bell\u0007")));
        assertEquals("\"ключ\"", TomlTable.joinKeyPath(List.of("ключ")));
        assertEquals("", TomlTable.joinKeyPath(List.of()));
    }

    @Test
    void tables_lookUpsAndEquality() throws TomlException {
        TomlTable table = TomlParser.parse("a.b = 1\nc = \"x\"\n");
        assertTrue(table.contains("a"));
        assertFalse(table.contains("a.b"), "a key, not a dotted path");
        assertNull(table.get("a.b"));
        assertEquals(1L, table.get(List.of("a", "b")));
        assertNull(table.get(List.of("c", "d")));
        assertNull(table.getTable("c"));
        assertEquals(table, table.get(List.of()));
        assertEquals(TomlParser.parse("c = 'x'\n[a]\nb = 1\n"), table);
        assertFalse(TomlParser.parse("a.b = 2\nc = \"x\"\n").equals(table));
        assertEquals(2, table.size());
        assertThrows(UnsupportedOperationException.class, () -> table.keySet().remove("a"));
        assertThrows(UnsupportedOperationException.class, () -> table.entrySet().clear());
    }

    @Test
    void exception_messageStartsWithThePosition() {
        TomlException e = fault("a = 1\nb = @\n");
        assertEquals(2, e.line());
        assertEquals(5, e.column());
        assertEquals("line 2, column 5: " + e.problem(), e.getMessage());
        assertTrue(e.problem().startsWith("expected a value"), e.problem());
    }

    /** The example document of toml.io, whole. */
    @Test
    void theSpecificationsExample() throws TomlException {
        TomlTable table = TomlParser.parse("""
                # This is a TOML document

                title = "TOML Example"

                [owner]
                name = "Tom Preston-Werner"
                dob = 1979-05-27T07:32:00-08:00

                [database]
                enabled = true
                ports = [ 8000, 8001, 8002 ]
                data = [ ["delta", "phi"], [3.14] ]
                temp_targets = { cpu = 79.5, case = 72.0 }

                [servers]

                [servers.alpha]
                ip = "10.0.0.1"
                role = "frontend"

                [servers.beta]
                ip = "10.0.0.2"
                role = "backend"
                """);
        assertEquals("TOML Example", table.get("title"));
        assertEquals(new TomlDateTime(Kind.OFFSET_DATE_TIME, "1979-05-27T07:32:00-08:00"),
                table.get(List.of("owner", "dob")));
        assertEquals(List.of(8000L, 8001L, 8002L), table.get(List.of("database", "ports")));
        assertEquals(List.of(List.of("delta", "phi"), List.of(3.14)), table.get(List.of("database", "data")));
        assertEquals(72.0, table.get(List.of("database", "temp_targets", "case")));
        assertEquals("backend", table.get(List.of("servers", "beta", "role")));
        assertEquals(List.of("alpha", "beta"), List.copyOf(table.getTable("servers").keySet()));
    }

    private static Object value(String written) throws TomlException {
        return TomlParser.parse("v = " + written + "\n").get("v");
    }

    private static TomlException fault(String document) {
        return assertThrows(TomlException.class, () -> TomlParser.parse(document), document);
    }
}
