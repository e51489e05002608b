package dev.vaina.gotemplate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** A row whose fields are computed when read: a template that reads one field computes that one, once. */
class ComputedFieldsTest {
    private final List<String> computedNames = new ArrayList<>();

    private GoStruct row() {
        Map<String, Function<String, Object>> fields = new LinkedHashMap<>();
        for (String name : List.of("ID", "Names", "Created")) {
            fields.put(name, source -> {
                computedNames.add(name);
                return source + "-" + name;
            });
        }
        return new GoStruct("containers.psReporter", new ComputedFields<>(fields, "c1"));
    }

    @Test
    void aTemplateThatReadsOneField_computesThatFieldOnly_once() throws TemplateException {
        GoStruct row = row();
        assertEquals("c1-Names c1-Names", Template.parse("ps", "{{.Names}} {{.Names}}").execute(row));
        assertEquals(List.of("Names"), computedNames);
    }

    @Test
    void theWholeStruct_computesEveryField_inTheirOrder() throws TemplateException {
        assertEquals("{\"ID\":\"c1-ID\",\"Names\":\"c1-Names\",\"Created\":\"c1-Created\"}",
                Template.parse("ps", "{{json .}}").execute(row()));
        assertEquals(List.of("ID", "Names", "Created"), computedNames);
        assertEquals("{c1-ID c1-Names c1-Created}", Template.parse("ps", "{{.}}").execute(row()));
    }

    @Test
    void aFieldTheRowDoesNotHave_isAnExecutionError_andComputesNothing() {
        TemplateException e = assertThrows(TemplateException.class,
                () -> Template.parse("ps", "{{.Nope}}").execute(row()));
        assertEquals(true, e.getMessage().contains("can't evaluate field Nope in type containers.psReporter"), e.getMessage());
        assertEquals(List.of(), computedNames);
    }

    @Test
    void theFields_cannotBeChanged() {
        Map<String, Object> fields = row().fields();
        assertThrows(UnsupportedOperationException.class, () -> fields.put("ID", "x"));
    }
}
