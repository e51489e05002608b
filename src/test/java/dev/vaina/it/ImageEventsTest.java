package dev.vaina.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vaina.it.support.EachMode;
import dev.vaina.it.support.ModePodman;
import dev.vaina.it.support.Result;
import dev.vaina.it.support.TestImages;
import dev.vaina.it.support.VainaCli;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * Image events (import, tag, untag, save, remove, load) and health_status events: the same steps on vaina and
 * Podman give the same events, in Podman's line and JSON, told apart only by times, ids and archive paths.
 */
class ImageEventsTest {

    @EachMode
    void imageEvents_asPodmanRecordsThem(VainaCli vaina) {
        String image = "localhost/iev-" + vaina.mode().label();
        String since = Long.toString(Instant.now().getEpochSecond() - 1);
        String ours = archive(vaina, "vaina");
        String theirs = archive(vaina, "podman");
        try (ModePodman podman = ModePodman.start(vaina)) {
            String vainaId = steps(vaina::run, image, ours);
            String podmanId = steps(podman::run, image, theirs);
            for (String format : List.of("", "json")) {
                List<String> expected = events(podman::run, format, since, image, theirs, podmanId);
                List<String> actual = events(vaina::run, format, since, image, ours, vainaId);
                assertEquals(expected, actual, "events " + format);
                assertTrue(actual.size() >= 6, actual::toString);
            }
        } finally {
            vaina.run("rmi", "-f", image + ":1", image + ":2");
            vaina.exec(List.of("rm", "-f", ours, theirs));
        }
    }

    /** healthcheck run records health_status with the check's result, as Podman's line and JSON show it. */
    @EachMode
    void healthcheckRun_recordsHealthStatus(VainaCli vaina) {
        String name = "iev-health-" + vaina.mode().label();
        try {
            vaina.run("run", "-d", "--name", name, "--health-cmd", "true", "--health-interval", "0", Images.busybox(vaina),
                    "sleep", "1000").assertSuccess();
            vaina.run("healthcheck", "run", name).assertSuccess();
            Result line = vaina.run("events", "--stream=false", "--filter", "container=" + name, "--filter",
                    "event=health_status").assertSuccess();
            assertTrue(line.stdout().matches("(?s).* container health_status [0-9a-f]{64} \\(image="
                    + Images.busybox(vaina).replace(".", "\\.") + ", name=" + name + ", health_status=healthy\\)\n"),
                    line::describe);
            Result json = vaina.run("events", "--stream=false", "--filter", "container=" + name, "--filter",
                    "event=health_status", "--format", "json").assertSuccess();
            assertTrue(json.stdout().matches("\\{\"ID\":\"[0-9a-f]{64}\",\"Image\":\"" + Images.busybox(vaina).replace(".", "\\.")
                    + "\",\"Name\":\"" + name + "\",\"Status\":\"health_status\",\"Time\":\"[^\"]+\",\"Type\":\"container\","
                    + "\"health_status\":\"healthy\",\"Attributes\":\\{}}\n"), json::describe);
            Result template = vaina.run("events", "--stream=false", "--filter", "container=" + name, "--filter",
                    "event=health_status", "--format", "{{.Status}} {{.HealthStatus}}").assertSuccess();
            assertEquals("health_status healthy\n", template.stdout());
        } finally {
            vaina.run("rm", "-f", "-t", "0", name);
        }
    }

    /** Returns the imported image's id. */
    private static String steps(Function<String[], Result> engine, String image, String archive) {
        engine.apply(new String[] {"import", TestImages.busyboxTarball().toString(), image + ":1"}).assertSuccess();
        String id = engine.apply(new String[] {"image", "inspect", "--format", "{{.Id}}", image + ":1"}).assertSuccess()
                .stdout().strip();
        engine.apply(new String[] {"tag", image + ":1", image + ":2"}).assertSuccess();
        engine.apply(new String[] {"rmi", image + ":2"}).assertSuccess();
        engine.apply(new String[] {"save", "-o", archive, image + ":1"}).assertSuccess();
        engine.apply(new String[] {"rmi", image + ":1"}).assertSuccess();
        engine.apply(new String[] {"load", "-i", archive}).assertSuccess();
        return id;
    }

    /** The image events of these steps, times taken out, the image's id and the archive's path named alike. */
    private static List<String> events(Function<String[], Result> engine, String format, String since, String image,
            String archive, String id) {
        List<String> args = new ArrayList<>(List.of("events", "--stream=false", "--since", since, "--filter",
                "type=image"));
        if (!format.isEmpty()) {
            args.addAll(List.of("--format", format));
        }
        Result result = engine.apply(args.toArray(String[]::new)).assertSuccess();
        return Arrays.stream(result.stdout().split("\n")).filter(l -> l.contains(image + ":") || l.contains(archive))
                .map(l -> l.replace(id, "ID").replace(archive, "ARCHIVE")
                        .replaceAll("^\\S+ \\S+ \\+0000 UTC ", "TIME ").replaceAll("\"Time\":\"[^\"]+\"", "\"Time\":\"TIME\""))
                .toList();
    }

    /** A path for an archive that the mode's user may write. */
    private static String archive(VainaCli vaina, String engine) {
        return vaina.exec(List.of("mktemp", "-u", "/tmp/iev-" + engine + ".XXXXXX.tar")).assertSuccess().stdout().strip();
    }
}
