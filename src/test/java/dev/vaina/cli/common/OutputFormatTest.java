package dev.vaina.cli.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vaina.gotemplate.GoStruct;
import dev.vaina.testsupport.ShortStrings;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@code --format} values against what Podman 4.3.1 printed for `podman ps -a --format ...` with two
 * containers, gt-one (running) and gt-two (created), as recorded in each test.
 */
class OutputFormatTest {
    private static final List<GoStruct> ROWS = List.of(
            row("9733ec496723", "gt-one", "2026-12-02 05:56:30.01174046 +0000 UTC", "Up 3 seconds ago", "sleep 1000"),
            row("cbb6ece8824b", "gt-two", "2026-12-02 05:56:30.641128765 +0000 UTC", "Created", "true"));
    private static final Map<String, String> HEADERS = OutputFormat.headers(ROWS.get(0).fields().keySet(),
            Map.of("ID", "CONTAINER ID"));

    @Test
    void tableTemplate_alignsColumnsUnderDerivedHeadersAsPodmanDoes() {
        assertEquals("""
                CONTAINER ID  IMAGE              NAMES       CREATED AT                               STATUS            PORTS       COMMAND
                9733ec496723  localhost/gtbox:1  gt-one      2026-12-02 05:56:30.01174046 +0000 UTC   Up 3 seconds ago              sleep 1000
                cbb6ece8824b  localhost/gtbox:1  gt-two      2026-12-02 05:56:30.641128765 +0000 UTC  Created                       true
                """, print("table {{.ID}}\\t{{.Image}}\\t{{.Names}}\\t{{.CreatedAt}}\\t{{.Status}}\\t{{.Ports}}\\t{{.Command}}"));
    }

    @Test
    void tableTemplate_turnsEverySpaceIntoAColumnBreak() {
        assertEquals("""
                NAMES       X                       CONTAINER ID
                gt-one      X                       9733ec496723
                gt-two      X                       cbb6ece8824b
                """, print("table {{.Names}} X  {{.ID}}"));
    }

    @Test
    void failingTable_printsWhatItHadAlignedAndNamesTheField() {
        StringWriter text = new StringWriter();
        OutputFormat format = OutputFormat.forList("table {{.Names}} {{.Foo}}", "ps");
        CommandFailedException e = assertThrows(CommandFailedException.class,
                () -> format.print(new PrintWriter(text), ROWS, HEADERS));
        assertEquals("template: ps:1:24: executing \"ps\" at <.Foo>: can't evaluate field Foo in type containers.psReporter",
                e.getMessage());
        assertEquals(125, e.exitCode());
        assertEquals("NAMES       <no value>\ngt-one      ", text.toString());
    }

    @Test
    void plainTemplate_printsOneLinePerObjectWithEscapesAndNoHeader() {
        assertEquals("gt-one\t9733ec496723\ngt-two\tcbb6ece8824b\n", print("{{.Names}}\\t{{.ID}}\\n"));
        assertEquals("gt-one\n\ngt-two\n\n", print("{{.Names}}\\n\\n"));
        assertEquals("gt-one  9733ec496723\ngt-two  cbb6ece8824b\n", print("{{.Names}}  {{.ID}}"));
    }

    @Test
    void templateThatRangesOverAll_isNotRunPerObject() {
        assertEquals(" gt-onegt-two\n", print(" {{range .}}{{.Names}}{{end}}"));
    }

    @Test
    void formatWords_chooseJsonOrTheCommandsOwnTable() {
        assertTrue(OutputFormat.forList("json", "ps").isJson());
        assertTrue(OutputFormat.forList("{{json .}}", "ps").isJson());
        assertTrue(OutputFormat.forList(" {{ json . }} ", "ps").isJson());
        assertTrue(OutputFormat.forList(null, "ps").isDefault());
        assertTrue(OutputFormat.forList("table", "ps").isDefault());
        assertFalse(OutputFormat.forList("{{json .Labels}}", "ps").isJson());
    }

    @Test
    void jsonOfAll_allowsSpacesAndTrimMarkersWhereGoDoes() {
        for (String format : List.of("{{json .}}", "{{-json .-}}", "{{- json . -}}", " \t\n{{json\t.}}\r\n",
                "{{json\u000B.}}", "{{json\f.}}", "{{  json  .  }}")) {
            assertTrue(OutputFormat.isJsonOfAll(format), format);
            assertTrue(OutputFormat.forList(format, "images").isJson(), format);
        }
    }

    @Test
    void jsonOfAll_isNotJsonOfAPartNorJsonAmongOtherText() {
        for (String format : List.of("", "json", "{{json.}}", "{{json .Labels}}", "{{ json . }}x", "x{{json .}}",
                "{{json . }", "{{json .}}}", "{{{json .}}", "{{json .}} {{json .}}", "{{JSON .}}", "{{json . - }}",
                "{{ - json .}}", "{{--json .}}", "{{json .--}}", "{{jsonx .}}", "{{json\u00a0.}}", "{{json\u2003.}}",
                "\u00a0{{json .}}", "{{json .}}\u0085")) {
            assertFalse(OutputFormat.isJsonOfAll(format), format);
        }
        assertFalse(OutputFormat.forList("{{json .Labels}}", "images").isJson());
    }

    @Test
    void rangeOverAll_isFoundAnywhereInTheTemplate() {
        for (String text : List.of("{{range .}}{{.Names}}{{end}}", "x {{- range . -}} y", "{{{range .}}",
                "{{.A}}{{range\n.}}", "{{-range\t.-}}")) {
            assertTrue(OutputFormat.rangesOverAll(text), text);
        }
        for (String text : List.of("", "{{range .Names}}", "{{range.}}", "{{ range $x := .}}", "{{rangex .}}",
                "{{range .}", "{{range . }", "{ {range .}}", "{{range . - }}", "{{ - range .}}", "{{range\u00a0.}}")) {
            assertFalse(OutputFormat.rangesOverAll(text), text);
        }
    }

    @Test
    void jsonAndRangeChecks_agreeWithTheirPatternsOnEveryShortTemplate() {
        // The patterns the checks were once written as: what they must still accept and refuse.
        Pattern jsonOfAll = Pattern.compile("\\s*\\{\\{-?\\s*json\\s+\\.\\s*-?}}\\s*");
        Pattern rangeOverAll = Pattern.compile("\\{\\{-?\\s*range\\s+\\.\\s*-?}}");
        List<String> pieces = List.of("{{", "}}", "{", "}", "-", " ", "\t", "\u000B", "\u00a0", "json", "range", ".",
                "x");
        for (String text : ShortStrings.of(pieces, 5)) {
            assertEquals(jsonOfAll.matcher(text).matches(), OutputFormat.isJsonOfAll(text), text);
            assertEquals(rangeOverAll.matcher(text).find(), OutputFormat.rangesOverAll(text), text);
        }
    }

    @Test
    void badTemplate_failsBeforeAnythingIsPrinted() {
        CommandFailedException e = assertThrows(CommandFailedException.class, () -> OutputFormat.forList("{{.Names", "ps"));
        assertEquals("template: ps:1: bad character U+007B '{'", e.getMessage());
        assertEquals(125, e.exitCode());
    }

    @Test
    void headers_splitFieldNamesIntoUpperCaseWords() {
        assertEquals(List.of("CREATED AT", "IMAGE ID", "PARENT ID", "REPO DIGESTS", "ID", "OS ARCH", "R/O"),
                List.copyOf(OutputFormat.headers(List.of("CreatedAt", "ImageID", "ParentId", "RepoDigests", "ID", "OSArch",
                        "ReadOnly"), Map.of("ReadOnly", "R/O")).values()));
    }

    private static String print(String format) {
        StringWriter text = new StringWriter();
        OutputFormat.forList(format, "ps").print(new PrintWriter(text), ROWS, HEADERS);
        return text.toString();
    }

    private static GoStruct row(String id, String name, String createdAt, String status, String command) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("ID", id);
        fields.put("Image", "localhost/gtbox:1");
        fields.put("Names", name);
        fields.put("CreatedAt", createdAt);
        fields.put("Status", status);
        fields.put("Ports", "");
        fields.put("Command", command);
        return new GoStruct("containers.psReporter", fields);
    }
}
