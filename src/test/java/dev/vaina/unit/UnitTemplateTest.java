package dev.vaina.unit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import freemarker.template.Configuration;
import freemarker.template.SimpleObjectWrapper;
import freemarker.template.Template;
import freemarker.template.TemplateExceptionHandler;

/**
 * The templates' language is a part of FreeMarker's: every template of templates/, and the corner cases of
 * white-space stripping, must render exactly as FreeMarker renders them.
 */
class UnitTemplateTest {
    private static final Configuration FREEMARKER = freeMarker();
    private static final String[] TEXTS = {"", "x", "two words", "$HOME ${x} <#if>", "100%", "a\\b \"q\"", "é ü"};
    private static final String[] RESTARTS = {"no", "always", "on-failure"};

    private static Configuration freeMarker() {
        System.setProperty("org.freemarker.loggerLibrary", "none");
        Configuration configuration = new Configuration(Configuration.VERSION_2_3_34);
        configuration.setObjectWrapper(new SimpleObjectWrapper(Configuration.VERSION_2_3_34));
        configuration.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        configuration.setLogTemplateExceptions(false);
        return configuration;
    }

    private static String byFreeMarker(String name, String source, Map<String, ?> values) {
        try {
            StringWriter out = new StringWriter();
            new Template(name, new StringReader(source), FREEMARKER).process(values, out);
            return out.toString();
        } catch (Exception e) {
            return "error";
        }
    }

    private static String byVaina(String name, String source, Map<String, ?> values) {
        UnitTemplate template = UnitTemplate.parse(name, source);
        try {
            return template.render(values);
        } catch (IllegalArgumentException e) {
            return "error";
        }
    }

    private static void assertSameAsFreeMarker(String source, Map<String, ?> values) {
        assertEquals(byFreeMarker("t.ftl", source, values), byVaina("t.ftl", source, values),
                "template:\n" + source + "\nvalues: " + values);
    }

    @Test
    void everyTemplate_rendersAsFreeMarkerDoes_withValuesSetOrNotAtRandom() throws IOException {
        List<Path> templates;
        try (Stream<Path> files = Files.list(Path.of("templates"))) {
            templates = files.filter(file -> file.toString().endsWith(".ftl")).sorted().toList();
        }
        assertTrue(templates.size() >= 7, "templates/ holds " + templates);
        Random random = new Random(11);
        for (Path file : templates) {
            String source = Files.readString(file, StandardCharsets.UTF_8);
            Set<String> optional = names(source, "<#if (\\w+)\\?\\?");
            Set<String> lists = names(source, "(\\w+)\\?has_content|<#list (\\w+) as");
            Set<String> items = names(source, "<#list \\w+ as (\\w+)>");
            Set<String> all = names(source, "\\$\\{(\\w+)}|<#(?:else)?if (\\w+)|<#list (\\w+)");
            all.removeAll(items);
            int distinct = 0;
            Set<String> outputs = new LinkedHashSet<>();
            for (int round = 0; round < 200; round++) {
                Map<String, Object> values = new HashMap<>();
                for (String name : all) {
                    if (optional.contains(name) && random.nextBoolean()) {
                        continue;
                    }
                    if (lists.contains(name)) {
                        List<String> list = new ArrayList<>();
                        for (int i = random.nextInt(3); i > 0; i--) {
                            list.add(TEXTS[random.nextInt(TEXTS.length)]);
                        }
                        values.put(name, list);
                    } else if (name.equals("restart")) {
                        values.put(name, RESTARTS[random.nextInt(RESTARTS.length)]);
                    } else {
                        values.put(name, TEXTS[random.nextInt(TEXTS.length)]);
                    }
                }
                String expected = byFreeMarker(file.toString(), source, values);
                assertEquals(expected, byVaina(file.toString(), source, values), file + " with " + values);
                if (outputs.add(expected)) {
                    distinct++;
                }
            }
            assertTrue(!outputs.contains("error"), file + ": every value it uses was set, yet FreeMarker failed");
            assertTrue(distinct > 10, file + " rendered only " + distinct + " different texts in 200 rounds");
        }
    }

    private static Set<String> names(String source, String pattern) {
        Set<String> names = new LinkedHashSet<>();
        Matcher matcher = Pattern.compile(pattern).matcher(source);
        while (matcher.find()) {
            for (int group = 1; group <= matcher.groupCount(); group++) {
                if (matcher.group(group) != null) {
                    names.add(matcher.group(group));
                }
            }
        }
        return names;
    }

    @Test
    void whiteSpaceStripping_matchesFreeMarker() {
        Map<String, Object> set = Map.of("a", "A", "b", "B", "l", List.of("1", "2"));
        Map<String, Object> unset = Map.of("l", List.of());
        for (String source : List.of(
                "x\n<#if a??>  \ny\n</#if>\t\nz\n",
                "<#if a??><#if b??>\nboth\n</#if></#if>\n",
                "<#if a??> <#if b??>\nembedded blank\n</#if> </#if>\n",
                "x <#if a??>y</#if>\nafter\n",
                "${a}\n<#if a??>\n${a}<#if b??>${b}</#if>\n</#if>",
                "<#-- one\n     two -->\nline\n<#-- c --> \nend",
                "head <#-- c --> tail\n",
                "<#list l as i>\n- ${i}\n</#list>\n<#if l?has_content>\nsome\n<#else>\nnone\n</#if>\n",
                "<#if a == \"A\">\neq\n<#elseif b != \"B\">\nne\n<#else>\nelse\n</#if>\n",
                "no newline at the end <#if a??>y</#if>",
                "\n\n<#if a??>\n\n</#if>\n\n",
                "a\r\n<#if a??>\r\nwindows\r\n</#if>\r\n")) {
            assertSameAsFreeMarker(source, set);
            assertSameAsFreeMarker(source, unset);
        }
    }

    @Test
    void missingOrMisusedValues_areErrors_asInFreeMarker() {
        for (String source : List.of("${a}\n", "<#if a == \"x\">\n</#if>\n", "<#list a as i>${i}</#list>\n",
                "<#list l as i>${l}</#list>\n")) {
            assertEquals("error", byVaina("t.ftl", source, Map.of("l", List.of("1"))), source);
            assertSameAsFreeMarker(source, Map.of("l", List.of("1")));
        }
    }

    @Test
    void outsideTheLanguage_isRefusedWithTheLine() {
        Map<String, String> refused = Map.of(
                "x\n<#assign a = 1>\n", "t.ftl:2: <#assign a = 1> is not a tag of the templates' language",
                "<#if a??>\nx\n", "t.ftl:1: no </#if> closes <#if a??>",
                "x\n</#if>\n", "t.ftl:2: </#if> closes nothing that is open",
                "<#if a?upper_case>\n</#if>\n", "t.ftl:1: a condition is NAME??",
                "<#if a == b>\n</#if>\n", "t.ftl:1: compare with a plain quoted string, not b",
                "${a + 1}\n", "t.ftl:1: \"a + 1\" is not a name",
                "<#list l>\n</#list>\n", "t.ftl:1: a list is written <#list NAME as ITEM>",
                "<#list l as i>\n</#if>\n", "t.ftl:2: expected </#list>, found </#if>",
                "<#-- open\n", "t.ftl:1: no \"-->\" closes what starts here",
                "x\n  <#if a??>\ny\n</#if>\n", "t.ftl:2: a line of tags starts with its first tag, not indented");
        refused.forEach((source, message) -> {
            IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                    () -> UnitTemplate.parse("t.ftl", source), source);
            assertTrue(error.getMessage().startsWith(message), error.getMessage());
        });
    }
}
