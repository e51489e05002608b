package dev.vaina.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vaina.cli.VerbModel.Kind;
import dev.vaina.cli.VerbModel.Option;
import dev.vaina.cli.common.GivenOption;
import dev.vaina.cli.common.RecordedArguments;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * The verb table the build wrote, held to picocli: for every verb in it, command lines made from its options (each
 * option alone, in both spellings, clustered, repeated, with the global options before and after the verb, with
 * positional parameters, all at once) and lines picocli refuses. Whatever VerbParser accepts must set every option
 * and parameter field as picocli's parse of the same line does, and picocli must accept it.
 */
class VerbParserTest {
    private static VerbParser parser;
    private static Map<String, VerbModel> verbs;

    @BeforeAll
    static void table() {
        parser = VerbParser.ofBuild();
        assertNotNull(parser, "the build wrote no verb table (dev.vaina.cli.VerbTable)");
        VerbModel.Table table = assertTableClass();
        verbs = new java.util.LinkedHashMap<>();
        CommandLine root = Main.commandLine(CommandLine.defaultFactory());
        for (Map.Entry<String, CommandLine> verb : root.getSubcommands().entrySet()) {
            add(table, verb.getKey());
            for (String sub : verb.getValue().getSubcommands().keySet()) {
                add(table, verb.getKey() + " " + sub);
            }
        }
    }

    private static VerbModel.Table assertTableClass() {
        try {
            return (VerbModel.Table) Class.forName("dev.vaina.cli.VerbTable").getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    private static void add(VerbModel.Table table, String words) {
        VerbModel verb = table.verb(words);
        if (verb != null) {
            verbs.put(words, verb);
        }
    }

    @Test
    void theTableHoldsTheVerbsThatReadAndList() {
        for (String words : List.of("ps", "container ls", "images", "image ls", "inspect", "pod ps", "pod ls",
                "network ls", "volume ls", "pod rm", "pod start", "pod stop", "stop", "rm", "kill", "logs", "run",
                "create", "start", "exec", "pod create")) {
            assertTrue(verbs.containsKey(words), words + " is not in the table: " + verbs.keySet());
        }
    }

    @Test
    void whatTheTableAcceptsIsWhatPicocliParses() throws Exception {
        int accepted = 0;
        int declined = 0;
        for (Map.Entry<String, VerbModel> verb : verbs.entrySet()) {
            List<String> words = Arrays.asList(verb.getKey().split(" "));
            int acceptedHere = 0;
            for (List<String> line : lines(words, verb.getValue())) {
                if (compare(line.toArray(new String[0]))) {
                    accepted++;
                    acceptedHere++;
                } else {
                    declined++;
                }
            }
            assertTrue(acceptedHere > 0, verb.getKey() + ": no line of the table's own options was accepted");
        }
        assertTrue(accepted > 1500 && declined > 2000, accepted + " accepted, " + declined + " declined");
    }

    @Test
    void declinesWhatPicocliAnswersWithHelpOrAnError() {
        for (String line : List.of("ps --help", "ps -h", "ps --no-such", "ps -a -a", "ps --format", "ps --format -x",
                "ps --all=true", "ps -- x", "ps @args", "ps -ax", "ps --last=-1", "ps --last 0x10", "ps --last 08",
                "--no-such ps", "pod ps --format=", "images -", "ps --remote", "ps --url x",
                "wait --condition \"running,exited\" c1")) {
            assertNull(parser.parse(line.split(" ")), line);
        }
    }

    @Test
    void acceptsThePlainLinesScriptsUse() throws Exception {
        for (String line : List.of("ps -a", "ps -aq", "ps --all --format {{.Names}}", "ps --format=json -a",
                "--root /tmp/r --runroot=/tmp/rr ps -a", "ps -a --log-level debug", "images -q", "inspect c1 c2",
                "pod ps --filter name=x --filter label=y", "container ls -a", "ps --noout", "--noout ps",
                "run -d --name x img sleep 100", "run --rm img true", "run -it img sh", "run --rm -d img ls -l /",
                "create --pod p --name w img true", "run -d --log-driver passthrough img sleep 1", "pod create --name p",
                "pod create p", "start c1", "start -a c1", "exec c1 ls -l", "stop -t 0 c1", "rm -f c1",
                "wait --condition running c1", "wait --condition=running,exited c1",
                "run --cap-add NET_ADMIN,SYS_TIME --cap-drop ALL --cap-add CHOWN img true")) {
            assertTrue(compare(line.split(" ")), line + " was declined");
        }
    }

    /** True when VerbParser accepted the line (and it matched picocli's parse), false when it declined it. */
    private static boolean compare(String[] line) throws Exception {
        ParsedVerb direct = parser.parse(line);
        CommandLine picocli = Main.commandLine(CommandLine.defaultFactory(), line);
        ParseResult result;
        try {
            result = picocli.parseArgs(line);
        } catch (ParameterException e) {
            assertNull(direct, String.join(" ", line) + ": picocli refuses it (" + e.getMessage() + "), VerbParser took it");
            return false;
        }
        if (direct == null) {
            return false;
        }
        ParseResult leaf = result;
        while (leaf.subcommand() != null) {
            leaf = leaf.subcommand();
        }
        assertEquals(leaf.commandSpec().userObject().getClass(), direct.command().getClass(), String.join(" ", line));
        assertSameFields(line, leaf.commandSpec().userObject(), direct.command());
        assertSameFields(line, picocli.getCommand(), direct.root());
        assertEquals(RecordedArguments.of(GivenOption.of(leaf.commandSpec()), Set.of(), null, List.of()),
                RecordedArguments.of(direct.given(), Set.of(), null, List.of()), String.join(" ", line));
        return true;
    }

    private static void assertSameFields(String[] line, Object expected, Object actual) throws IllegalAccessException {
        for (Class<?> type = expected.getClass(); type != Object.class; type = type.getSuperclass()) {
            for (Field field : type.getDeclaredFields()) {
                if (field.isAnnotationPresent(CommandLine.Option.class) || field.isAnnotationPresent(CommandLine.Parameters.class)) {
                    field.setAccessible(true);
                    assertTrue(Objects.equals(field.get(expected), field.get(actual)), String.join(" ", line) + ": "
                            + type.getSimpleName() + "." + field.getName() + " is " + field.get(actual) + ", picocli: "
                            + field.get(expected));
                } else if (field.isAnnotationPresent(CommandLine.Mixin.class)) {
                    field.setAccessible(true);
                    assertSameFields(line, field.get(expected), field.get(actual));
                }
            }
        }
    }

    /** Lines made from the verb's options and positional parameters, some that picocli refuses among them. */
    private static List<List<String>> lines(List<String> words, VerbModel verb) {
        List<List<String>> lines = new ArrayList<>();
        List<String> positionals = new ArrayList<>();
        lines.add(line(List.of(), words, List.of()));
        for (String value : List.of("c1", "c2", "c3")) {
            positionals.add(value);
            lines.add(line(List.of(), words, positionals));
        }
        List<String> everything = new ArrayList<>();
        StringBuilder cluster = new StringBuilder("-");
        for (Option option : verb.options) {
            for (String name : option.names) {
                if (option.kind == Kind.SWITCH) {
                    lines.add(line(List.of(), words, List.of(name)));
                    lines.add(line(List.of(), words, List.of(name + "=false")));
                    lines.add(line(List.of(), words, List.of(name + "=true", "c1")));
                    lines.add(line(List.of(), words, List.of(name, "false")));
                    lines.add(line(List.of(), words, List.of(name, "c1")));
                    lines.add(line(List.of(), words, List.of(name + "=no")));
                } else if (option.kind == Kind.FLAG) {
                    lines.add(line(List.of(), words, List.of(name)));
                    lines.add(line(List.of(), words, List.of(name, name)));
                    lines.add(line(List.of(), words, List.of(name + "=true")));
                    if (name.length() == 2) {
                        cluster.append(name.charAt(1));
                    }
                } else {
                    String value = sample(option.kind);
                    lines.add(line(List.of(), words, List.of(name, value)));
                    lines.add(line(List.of(), words, List.of("c1", name, value)));
                    lines.add(line(List.of(), words, List.of(name + "=" + value)));
                    lines.add(line(List.of(), words, List.of(name, value, name, value + "2")));
                    lines.add(line(List.of(), words, List.of(name)));
                }
            }
            if (option.names.length > 0) {
                everything.add(option.names[option.names.length - 1]);
                if (!option.isFlag()) {
                    everything.add(sample(option.kind));
                }
            }
        }
        if (cluster.length() > 2) {
            lines.add(line(List.of(), words, List.of(cluster.toString())));
        }
        lines.add(line(List.of(), words, everything));
        List<String> withPositionals = new ArrayList<>(everything);
        withPositionals.addAll(positionals);
        lines.add(line(List.of(), words, withPositionals));
        lines.add(line(List.of("--root", "/tmp/r", "--log-level=debug"), words, List.of("--runroot", "/tmp/rr")));
        lines.add(line(List.of("--noout"), words, List.of("c1", "--systemd-manager", "user")));
        lines.add(line(List.of(), words, List.of("--log-level", "info", "--log-level", "debug")));
        return lines;
    }

    private static List<String> line(List<String> before, List<String> words, List<String> after) {
        List<String> line = new ArrayList<>(before);
        line.addAll(words);
        line.addAll(after);
        return line;
    }

    private static String sample(Kind kind) {
        switch (kind) {
            case INT: return "5";
            case PATH:
            case PATHS: return "/tmp/p";
            case COMMA_STRINGS: return "x,y,,z";
            default: return "x";
        }
    }
}
