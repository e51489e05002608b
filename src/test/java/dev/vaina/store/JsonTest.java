package dev.vaina.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Records to JSON and back, and what reading them costs a JVM. */
class JsonTest {
    record Port(String host, int port) {
    }

    record Sample(String name, List<Port> ports, Map<String, String> labels, boolean running, long created) {
    }

    private static final Sample SAMPLE = new Sample("web", List.of(new Port("127.0.0.1", 8080), new Port("", 443)),
            Map.of("a", "b"), true, 1_700_000_000L);

    @TempDir
    Path dir;

    @Test
    void holds_findsTextAnywhere_afterAPartialMatch_andNotPastTheEnd() {
        assertTrue(Json.holds(ascii("abc"), ascii("abc")));
        assertTrue(Json.holds(ascii("xxabc"), ascii("abc")), "at the end");
        assertTrue(Json.holds(ascii("abcxx"), ascii("abc")), "at the start");
        assertTrue(Json.holds(ascii("aabab"), ascii("ab")), "after a first byte that did not lead to a match");
        assertTrue(Json.holds(ascii("ababc"), ascii("abc")), "after a partial match");
        assertFalse(Json.holds(ascii("xxab"), ascii("abc")), "cut off by the end");
        assertFalse(Json.holds(ascii(""), ascii("a")));
        assertFalse(Json.holds(ascii("acb"), ascii("abc")));
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    @Test
    void aRecord_readsBackAsWritten_andUnknownPropertiesAreIgnored() throws IOException {
        Path file = dir.resolve("sample.json");
        Json.write(file, SAMPLE);
        assertEquals(SAMPLE, Json.read(file, Sample.class));
        Files.writeString(file, "{\"name\":\"x\",\"added\":1,\"ports\":[{\"port\":1}],\"running\":false,\"created\":2}");
        assertEquals(new Sample("x", List.of(new Port(null, 1)), null, false, 2), Json.read(file, Sample.class));
    }

    /**
     * Reading records makes no class at run time: no annotation proxy (the JVM reads a caller-sensitive JDK method's
     * annotations when it is first called by reflection) and no generated accessor.
     */
    @Test
    void readingRecords_makesNoClassAtRunTime() throws Exception {
        Path file = dir.resolve("sample.json");
        Json.write(file, SAMPLE);
        Process probe = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xlog:class+load=info:stdout", "-cp", System.getProperty("java.class.path"), ReadProbe.class.getName(),
                file.toString()).redirectErrorStream(true).start();
        String output = new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(probe.waitFor(30, TimeUnit.SECONDS));
        assertTrue(output.contains("read 20 records"), output);
        assertFalse(output.contains("__dynamic_proxy__"), output);
        assertFalse(output.contains("GeneratedMethodAccessor"), output);
    }

    /** Runs in its own JVM: reads the sample 20 times. */
    public static final class ReadProbe {
        public static void main(String[] args) throws IOException {
            int read = 0;
            for (int i = 0; i < 20; i++) {
                read += Json.read(Path.of(args[0]), Sample.class).ports().isEmpty() ? 0 : 1;
            }
            System.out.println("read " + read + " records");
        }
    }
}
