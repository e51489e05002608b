package dev.vaina.gotemplate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The engine against outputs and error messages of Go's text/template as Podman 4.3.1 prints them: the
 * literal cases from {@code podman version --format TEMPLATE}, the object cases from
 * {@code podman inspect --format TEMPLATE} of a created container named gt-two with labels a=1 and b=x whose
 * command is {@code true}. Podman runs an inspect template inside {@code {{range .}}...{{end}}} over the list
 * of objects, which is why those cases are wrapped the same way (and why their columns count from it).
 */
class TemplateTest {

    private static final GoStruct CONTAINER = new GoStruct("*define.InspectContainerData", map(
            "Name", "gt-two",
            "State", new GoStruct("*define.InspectContainerState", map("Status", "created", "Running", false, "Pid", 0L)),
            "Config", new GoStruct("*define.InspectContainerConfig", map("Labels", map("a", "1", "b", "x"),
                    "Cmd", List.of("true"))),
            "HostConfig", new GoStruct("*define.InspectContainerHostConfig", map("RestartPolicy",
                    new GoStruct("*define.InspectRestartPolicy", map("Name", "", "MaximumRetryCount", 0L))))));

    static Stream<Arguments> literals() {
        return Stream.of(
                Arguments.of("{{1e6}}|{{printf \"%v|%g|%v|%v\" 1e6 1e6 123456.0 0.00001}}", "1e+06|1e+06|1e+06|123456|1e-05"),
                Arguments.of("{{json 1e6}}|{{json 1e21}}|{{json 0.0000001}}|{{json \"a<b>&\\\"c\\\"\\n\"}}",
                        "1000000|1e+21|1e-7|\"a<b>&\\\"c\\\"\\n\""),
                Arguments.of("{{printf \"%5.2f|%e|%x|%X|%q|%c|%t|%d|%-4s|%04d|%+d|%5s\" 3.14159 1234.5 255 \"hi\" \"a\\\"b\" 65 true 3 \"ab\" 7 5 \"xy\"}}",
                        " 3.14|1.234500e+03|ff|6869|\"a\\\"b\"|A|true|3|ab  |0007|+5|   xy"),
                Arguments.of("{{print 1 2 \"a\" 3 \"b\" \"c\"}}|{{println 1 \"a\"}}|", "1 2a3bc|1 a\n|"),
                Arguments.of("{{printf \"%s %d\"}}|{{printf \"%s\" 1 2}}|{{printf \"%d\" nil}}|{{printf \"%d%%\" 50}}",
                        "%!s(MISSING) %!d(MISSING)|%!s(int=1)%!(EXTRA int=2)|%!d(<nil>)|50%"),
                Arguments.of("{{title \"hello wORLD-x_y z9a\"}}|{{truncate \"abcdef\" 3}}|{{truncate \"ab\" 3}}|{{len \"héllo\"}}",
                        "Hello WORLD-X_y Z9a|abc|ab|6"),
                Arguments.of("{{lt \"a\" \"b\"}} {{gt 2 1}} {{eq \"a\" \"b\" \"a\"}} {{ne 1 2}} {{and 1 0 2}} {{or 0 \"\" \"x\"}} {{not 0}} {{le 2 2}} {{ge 1 2}}",
                        "true true true true 0 x true true false"),
                Arguments.of("{{index \"abc\" 1}}|{{\"quoted\\ttab\"}}|{{`raw\\t`}}|{{'a'}}|{{0x1F}}|{{-3}}|{{1.5}}|{{true}}",
                        "98|quoted\ttab|raw\\t|97|31|-3|1.5|true"),
                Arguments.of("{{$x := \"v\"}}{{$x}}{{$x = \"w\"}}{{$x}}{{with $y := \"in\"}}{{$y}}{{.}}{{end}}", "vwinin"),
                Arguments.of("{{if 0}}a{{else if \"\"}}b{{else if 1}}c{{else}}d{{end}}", "c"),
                Arguments.of("{{range $i, $c := split \"a,b,c\" \",\"}}{{if eq $i 1}}{{continue}}{{end}}{{$i}}={{$c}};{{end}}", "0=a;2=c;"),
                Arguments.of("{{range split \"\" \",\"}}[{{.}}]{{else}}empty{{end}}", "[]"),
                Arguments.of("{{- \" a \" -}}  |  {{- \" b \" }}   {{/* comment */}}x  {{- /* c2 */ -}}  y", " a | b    xy"),
                Arguments.of("{{(printf \"%s\" \"paren\") | len}}|{{len (split \"a b\" \" \")}}", "5|2"),
                Arguments.of("{{printf \"%s\" | upper}}", "%!S(MISSING)"),
                Arguments.of("{{range $i, $c := split \"a,b,c,d\" \",\"}}{{if eq $i 2}}{{break}}{{end}}{{$c}}{{end}}"
                        + "|{{with \"\"}}x{{else}}empty{{end}}|{{with $v := \"w\"}}{{$v}}{{.}}{{end}}", "ab|empty|ww"),
                Arguments.of("{{$x := 1}}{{range split \"a b\" \" \"}}{{$x = 2}}{{$y := .}}{{$y}}{{end}}{{$x}}", "ab2"),
                Arguments.of("{{printf \"%v %v %v\" (split \"a b\" \" \") true nil}}|{{printf \"%6.3s|%-6d|%x\" \"abcdef\" 42 -255}}",
                        "[a b] true <nil>|   abc|42    |-ff"),
                Arguments.of("{{if and (eq 1 1) (ne \"a\" \"b\") (not false)}}all{{end}}|{{or false 0 \"\"}}|{{and \"x\" \"y\"}}", "all||y"),
                Arguments.of("{{ \"spaced\" }}|{{- \"left\"}}|{{\"right\" -}}  |{{/* only a comment */}}|{{- /* trimmed */ -}}  |",
                        "spaced|left|right|||"),
                Arguments.of("{{len \"abc\" | printf \"%d chars\"}}|{{\"a\" | eq \"a\"}}|{{1 | lt 0}}", "3 chars|true|true"),
                Arguments.of("{{index (split \"a:b\" \":\") 1}}|{{slice \"abc\" 1}}", "b|bc"));
    }

    @ParameterizedTest
    @MethodSource("literals")
    void literal_printsWhatGoPrints(String template, String expected) throws TemplateException {
        assertEquals(expected, Template.parse("version", template).execute(null));
    }

    static Stream<Arguments> objects() {
        return Stream.of(
                Arguments.of("{{.Name}} {{.State.Status}} {{.State.Running}} {{.State.Pid}}", "gt-two created false 0\n"),
                Arguments.of("{{.Config.Labels}}|{{.Config.Labels.a}}|{{.Config.Labels.zz}}|{{index .Config.Labels \"b\"}}|{{index .Config.Labels \"zz\"}}|",
                        "map[a:1 b:x]|1|<no value>|x||\n"),
                Arguments.of("{{json .Config.Labels}}|{{json .Config.Cmd}}|{{.Config.Cmd}}|{{len .Config.Labels}}|{{join .Config.Cmd \",\"}}",
                        "{\"a\":\"1\",\"b\":\"x\"}|[\"true\"]|[true]|2|true\n"),
                Arguments.of("{{range $k, $v := .Config.Labels}}{{$k}}={{$v}};{{end}}|{{range .Config.Labels}}{{.}}{{end}}|{{range $v := .Config.Cmd}}<{{$v}}>{{end}}",
                        "a=1;b=x;|1x|<true>\n"),
                Arguments.of("{{with .Config.Labels}}{{.a}}{{end}}|{{with .Config.Labels.zz}}yes{{else}}no{{end}}|{{if and .State.Running .Name}}r{{else}}s{{end}}",
                        "1|no|s\n"),
                Arguments.of("{{.Name | upper}}{{.Config.Labels | len}}", "GT-TWO2\n"));
    }

    @ParameterizedTest
    @MethodSource("objects")
    void object_printsWhatGoPrints(String template, String expected) throws TemplateException {
        assertEquals(expected, inspect(template).execute(List.of(CONTAINER)));
    }

    static Stream<Arguments> parseErrors() {
        return Stream.of(
                Arguments.of("{{if}}", "template: version:1: missing value for if"),
                Arguments.of("{{end}}", "template: version:1: unexpected {{end}}"),
                Arguments.of("{{nofunc 1}}", "template: version:1: function \"nofunc\" not defined"),
                Arguments.of("{{$undefined}}", "template: version:1: undefined variable \"$undefined\""),
                Arguments.of("{{if 1}}unterminated", "template: version:1: unexpected EOF"),
                Arguments.of("{{\"unterminated}}", "template: version:1: unterminated quoted string"),
                Arguments.of("{{(1 2}}", "template: version:1: unclosed left paren"),
                Arguments.of("{{break}}", "template: version:1: {{break}} outside {{range}}"),
                Arguments.of("a\n{{.Names", "template: version:2: unclosed action"));
    }

    @ParameterizedTest
    @MethodSource("parseErrors")
    void badTemplate_failsToParseWithGosMessage(String template, String message) {
        assertEquals(message, assertThrows(TemplateException.class, () -> Template.parse("version", template)).getMessage());
    }

    /** Podman's message for a format that was wrapped: the '{' of the closing {{end}} inside an open action. */
    @org.junit.jupiter.api.Test
    void unclosedActionInsideTheRange_isABadCharacter() {
        TemplateException e = assertThrows(TemplateException.class, () -> inspect("{{.Names"));
        assertEquals("template: inspect:1: bad character U+007B '{'", e.getMessage());
    }

    static Stream<Arguments> executionErrors() {
        String inspect = "template: inspect:";
        return Stream.of(
                Arguments.of("{{.HostConfig.RestartPolicy}}|{{.State.Foo}}", "{ 0}|", inspect
                        + "1:49: executing \"inspect\" at <.State.Foo>: can't evaluate field Foo in type *define.InspectContainerState"),
                Arguments.of("{{.Name.Foo}}", "", inspect + "1:18: executing \"inspect\" at <.Name.Foo>: can't evaluate field Foo in type string"),
                Arguments.of("{{index .Config.Cmd 5}}", "", inspect
                        + "1:13: executing \"inspect\" at <index .Config.Cmd 5>: error calling index: index out of range: 5"),
                Arguments.of("{{index .Config.Labels 1}}", "", inspect
                        + "1:13: executing \"inspect\" at <index .Config.Labels 1>: error calling index: value has type int; should be string"),
                Arguments.of("{{len .State.Pid}}", "", inspect
                        + "1:13: executing \"inspect\" at <len .State.Pid>: error calling len: len of type int"),
                Arguments.of("{{.Config.Labels.a.b}}", "", inspect
                        + "1:20: executing \"inspect\" at <.Config.Labels.a.b>: can't evaluate field b in type string"),
                Arguments.of("{{$n := .Name}}{{range .Config.Cmd}}{{$n}}:{{.}} {{$.Name}}{{end}}", "gt-two:true ", inspect
                        + "1:63: executing \"inspect\" at <$.Name>: can't evaluate field Name in type []interface {}"),
                Arguments.of("{{eq .Config.Cmd .Config.Cmd}}", "", inspect
                        + "1:13: executing \"inspect\" at <eq .Config.Cmd .Config.Cmd>: error calling eq: non-comparable type [true]: []string"),
                Arguments.of("{{lt .State.Pid 1.5}}", "", inspect
                        + "1:13: executing \"inspect\" at <lt .State.Pid 1.5>: error calling lt: incompatible types for comparison"),
                Arguments.of("{{truncate .Name \"x\"}}", "", inspect + "1:28: executing \"inspect\" at <\"x\">: expected integer; found \"x\""));
    }

    @ParameterizedTest
    @MethodSource("executionErrors")
    void failingAction_keepsTheOutputBeforeItAndNamesTheNode(String template, String before, String message)
            throws TemplateException {
        StringBuilder out = new StringBuilder();
        Template parsed = inspect(template);
        TemplateException e = assertThrows(TemplateException.class, () -> parsed.execute(List.of(CONTAINER), out));
        assertEquals(message, e.getMessage());
        assertEquals(before, out.toString());
    }

    static Stream<Arguments> literalExecutionErrors() {
        String version = "template: version:";
        return Stream.of(
                Arguments.of("{{eq 1 1.0}}", "", version + "1:2: executing \"version\" at <eq 1 1.0>: error calling eq: incompatible types for comparison"),
                Arguments.of("{{and}}", "", version + "1:2: executing \"version\" at <and>: wrong number of args for and: want at least 1 got 0"),
                Arguments.of("{{upper 3}}", "", version + "1:8: executing \"version\" at <3>: expected string; found 3"),
                Arguments.of("{{nil}}", "", version + "1:2: executing \"version\" at <nil>: nil is not a command"),
                Arguments.of("{{\"x\" | printf \"%s-%s\" \"y\"}}|{{\"abc\" | upper | truncate 2}}", "y-x|",
                        version + "1:56: executing \"version\" at <2>: expected string; found 2"),
                Arguments.of("{{range 3}}x{{end}}", "", version + "1:8: executing \"version\" at <3>: range can't iterate over 3"),
                Arguments.of("{{3 | printf}}", "", version + "1:6: executing \"version\" at <printf>: wrong type for value; expected string; got int"));
    }

    @ParameterizedTest
    @MethodSource("literalExecutionErrors")
    void failingLiteralAction_namesTheNodeAsGoDoes(String template, String before, String message) throws TemplateException {
        StringBuilder out = new StringBuilder();
        Template parsed = Template.parse("version", template);
        TemplateException e = assertThrows(TemplateException.class, () -> parsed.execute(null, out));
        assertEquals(message, e.getMessage());
        assertEquals(before, out.toString());
    }

    /** How fmt prints the data model (the rules of Go's fmt package, as %v applies them). */
    @org.junit.jupiter.api.Test
    void values_printAsGoPrintsThem() throws TemplateException {
        Map<String, Object> data = map("L", Arrays.asList("a", null, map("z", 1L, "b", List.of())), "F", 2131015.0,
                "S", new GoStruct("T", map("A", "x", "B", 2L)), "N", null, "E", List.of());
        assertEquals("[a <nil> map[b:[] z:1]]|2.131015e+06|{x 2}|<nil>|<no value>|[]|{\"A\":\"x\",\"B\":2}|null",
                Template.parse("t", "{{.L}}|{{.F}}|{{.S}}|{{.N}}|{{.Missing}}|{{.E}}|{{json .S}}|{{json .N}}").execute(data));
    }

    /** `podman image inspect -f TEMPLATE` of an image without labels, whose Labels is a nil map. */
    @org.junit.jupiter.api.Test
    void nilMap_printsEmptyButEncodesToNull() throws TemplateException {
        GoStruct image = new GoStruct("*inspect.ImageData", map("Labels", GoNilMap.INSTANCE));
        assertEquals("map[]|null|0||<no value>|n\n", inspect("{{.Labels}}|{{json .Labels}}|{{len .Labels}}"
                + "|{{index .Labels \"x\"}}|{{.Labels.x}}|{{if .Labels}}y{{else}}n{{end}}").execute(List.of(image)));
    }

    private static Template inspect(String template) throws TemplateException {
        return Template.parse("inspect", "{{range .}}" + template + "\n{{end -}}");
    }

    private static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
