package dev.vaina.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vaina.it.support.EachMode;
import dev.vaina.it.support.Mode;
import dev.vaina.it.support.ModePodman;
import dev.vaina.it.support.Result;
import dev.vaina.it.support.VainaCli;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * {@code ps --filter} and {@code ps --size}: vaina and Podman make the same containers (same names, image,
 * volume, bind mount, exit codes, pod and, rootful, network) and must list the same ones for each filter, refuse
 * the same bad filters with the same message and exit code, and lay sizes out alike.
 */
class PsFilterTest {
    private static final String WRITES = "head -c 5000 /dev/zero > /big";

    @EachMode
    void filters_selectWhatPodmanSelects(VainaCli vaina) {
        String p = "psf-" + vaina.mode().label() + "-";
        String hostDir = vaina.exec(List.of("mktemp", "-d")).assertSuccess().stdout().strip();
        boolean rootful = vaina.mode() == Mode.ROOTFUL;
        try (ModePodman podman = ModePodman.start(vaina)) {
            make(vaina::run, Images.busybox(vaina), p, hostDir, rootful);
            make(podman::run, ModePodman.BUSYBOX, p, hostDir, rootful);
            List<List<String>> filters = new ArrayList<>(List.of(
                    List.of("ancestor=localhost/busybox:latest"), List.of("ancestor=localhost/busybox"),
                    List.of("ancestor=busybox"), List.of("before=" + p + "b"), List.of("since=" + p + "b"),
                    List.of("since=" + p + "c", "since=" + p + "a"), List.of("exited=3"), List.of("exited=0"),
                    List.of("exited=3", "exited=0"), List.of("volume=" + p + "vol"), List.of("volume=" + p + "vol:/vol"),
                    List.of("volume=" + p + "vol:/other"), List.of("volume=" + hostDir), List.of("volume=/vol"),
                    List.of("pod=" + p + "pod"), List.of("pod=nosuch"), List.of("pod=nosuch", "pod=" + p + "pod"),
                    List.of("name=" + p + "a", "name=" + p + "b"), List.of("name=" + p, "status=created"),
                    List.of("name=" + p, "status=exited", "exited=3"), List.of("label=tier=web"),
                    List.of("label=tier", "label=other"), List.of("network=nosuch"), List.of("id=^0123")));
            if (rootful) {
                filters.add(List.of("network=" + p + "net"));
                filters.add(List.of("network=" + p + "net", "name=" + p + "a"));
            }
            for (List<String> filter : filters) {
                List<String> args = new ArrayList<>(List.of("ps", "-a", "--format", "{{.Names}}"));
                filter.forEach(f -> args.addAll(List.of("--filter", f)));
                Result expected = podman.run(args.toArray(String[]::new)).assertSuccess();
                Result actual = vaina.run(args.toArray(String[]::new)).assertSuccess();
                assertEquals(ours(expected, p), ours(actual, p), () -> filter + "\npodman:\n" + expected.describe()
                        + "\nvaina:\n" + actual.describe());
            }
            assertEquals(List.of(p + "a"), ours(vaina.run("ps", "-a", "--filter", "ancestor=" + imageId(vaina::run,
                    Images.busybox(vaina)), "--filter", "name=" + p + "a", "--format", "{{.Names}}"), p));
            assertEquals(List.of(p + "a"), ours(podman.run("ps", "-a", "--filter", "ancestor=" + imageId(podman::run,
                    ModePodman.BUSYBOX), "--filter", "name=" + p + "a", "--format", "{{.Names}}"), p));
            if (rootful) {
                String template = "{{.Names}} {{.Networks}}";
                assertEquals(podman.run("ps", "--filter", "name=" + p + "a", "--format", template).stdout(),
                        vaina.run("ps", "--filter", "name=" + p + "a", "--format", template).stdout());
            }
            String template = "{{.Names}} {{.PodName}}|{{.Namespaces}}|{{.Size}}|";
            for (String[] args : List.of(new String[] {"ps", "-a", "--filter", "pod=" + p + "pod", "--format", template},
                    new String[] {"ps", "-a", "--pod", "--filter", "pod=" + p + "pod", "--format", template})) {
                assertEquals(podman.run(args).assertSuccess().stdout(), vaina.run(args).assertSuccess().stdout());
            }
        } finally {
            vaina.run("rm", "-f", "-t", "0", "-v", p + "a", p + "b", p + "c", p + "d", p + "e");
            vaina.run("pod", "rm", "-f", "-t", "0", p + "pod");
            vaina.run("volume", "rm", "-f", p + "vol");
            vaina.run("network", "rm", "-f", p + "net");
            vaina.exec(List.of("rm", "-rf", hostDir));
        }
    }

    @EachMode
    void badFilters_failAsInPodman(VainaCli vaina) {
        try (ModePodman podman = ModePodman.start(vaina)) {
            for (List<String> args : List.of(List.of("ps", "--filter", "color=red"), List.of("ps", "-a", "--filter", "name"),
                    List.of("ps", "--filter", "exited=x"), List.of("ps", "--filter", "status=sleeping"),
                    List.of("ps", "-a", "--filter", "before=psf-nosuch"), List.of("ps", "-a", "--filter", "since=psf-nosuch"),
                    List.of("ps", "-q", "-s"))) {
                Result expected = podman.run(args.toArray(String[]::new)).assertExitCode(125);
                Result actual = vaina.run(args.toArray(String[]::new)).assertExitCode(125);
                assertEquals(errors(expected), errors(actual), () -> "podman:\n" + expected.describe() + "\nvaina:\n"
                        + actual.describe());
                assertEquals("", actual.stdout(), actual::describe);
            }
        }
    }

    /** -s: the SIZE column and {{.Size}} as Podman lays them out, the virtual size the image's, the rest what was written. */
    @EachMode
    void size_showsWhatTheContainerWrote(VainaCli vaina) {
        String p = "psz-" + vaina.mode().label() + "-";
        try (ModePodman podman = ModePodman.start(vaina)) {
            vaina.run("run", "--name", p + "quiet", Images.busybox(vaina), "true").assertSuccess();
            vaina.run("run", "--name", p + "big", Images.busybox(vaina), "sh", "-c", WRITES).assertSuccess();
            podman.run("run", "--name", p + "quiet", ModePodman.BUSYBOX, "true").assertSuccess();
            Result theirs = podman.run("ps", "-a", "-s", "--filter", "name=" + p);
            Result ours = vaina.run("ps", "-a", "-s", "--filter", "name=" + p).assertSuccess();
            assertEquals(columns(theirs.stdout().split("\n")[0]), columns(ours.stdout().split("\n")[0]), ours::describe);
            assertTrue(ours.stdout().split("\n")[1].matches(".*  \\d+(\\.\\d+)?[kM]?B \\(virtual [0-9.]+[kM]?B\\)$"), ours::describe);

            // the virtual size is the image's layers measured as Podman's storage measures them
            String size = "{{.Names}} {{.Size}}";
            String virtual = virtual(podman.run("ps", "-a", "-s", "--filter", "name=" + p + "quiet", "--format", size).stdout());
            Result quiet = vaina.run("ps", "-a", "-s", "--filter", "name=" + p + "quiet", "--format", size).assertSuccess();
            assertEquals(virtual, virtual(quiet.stdout()), quiet::describe);

            long wrote = rwSize(vaina, p + "big") - rwSize(vaina, p + "quiet");
            assertEquals(5000, wrote, "the 5000 bytes the container wrote, beyond what every container has");
            assertEquals("\n", vaina.run("ps", "-a", "--filter", "name=" + p + "big", "--format", "{{.Size}}")
                    .assertSuccess().stdout(), "without --size, nothing, as Podman prints");
        } finally {
            vaina.run("rm", "-f", "-t", "0", p + "quiet", p + "big");
        }
    }

    private static void make(Function<String[], Result> engine, String image, String p, String hostDir, boolean rootful) {
        engine.apply(new String[] {"volume", "create", p + "vol"}).assertSuccess();
        if (rootful) {
            engine.apply(new String[] {"network", "create", p + "net"}).assertSuccess();
        }
        engine.apply(new String[] {"create", "--name", p + "a", "--label", "tier=web",
            "--network", rootful ? p + "net" : "none", image, "true"}).assertSuccess();
        engine.apply(new String[] {"create", "--name", p + "b", "-v", p + "vol:/vol", "-v", hostDir + ":/h", "--label",
            "tier=db", "--label", "other=1", image, "true"}).assertSuccess();
        engine.apply(new String[] {"run", "--name", p + "c", "--network", "none", image, "sh", "-c", "exit 3"})
                .assertExitCode(3);
        engine.apply(new String[] {"pod", "create", "--infra=false", "--name", p + "pod"}).assertSuccess();
        engine.apply(new String[] {"create", "--pod", p + "pod", "--name", p + "d", image, "true"}).assertSuccess();
        engine.apply(new String[] {"run", "--name", p + "e", "--network", "none", image, "true"}).assertSuccess();
    }

    private static String imageId(Function<String[], Result> engine, String image) {
        return engine.apply(new String[] {"image", "inspect", "--format", "{{.Id}}", image}).assertSuccess().stdout().strip();
    }

    /** The names listed that this test made (other tests' containers may be listed too), sorted. */
    private static List<String> ours(Result result, String prefix) {
        return Arrays.stream(result.stdout().split("\n")).filter(n -> n.startsWith(prefix)).sorted().toList();
    }

    private static List<String> columns(String header) {
        return List.of(header.strip().split("\\s{2,}"));
    }

    private static String virtual(String line) {
        Matcher m = Pattern.compile("\\(virtual ([^)]*)\\)").matcher(line);
        assertTrue(m.find(), line);
        return m.group(1);
    }

    private static long rwSize(VainaCli vaina, String name) {
        Result json = vaina.run("ps", "-a", "-s", "--filter", "name=^" + name + "$", "--format", "json").assertSuccess();
        Matcher m = Pattern.compile("\"rwSize\": (\\d+)").matcher(json.stdout());
        assertTrue(m.find(), json::describe);
        long size = Long.parseLong(m.group(1));
        assertFalse(m.find(), json::describe);
        return size;
    }

    /** Podman may warn on stderr about its configuration; the errors are what is compared. */
    private static String errors(Result result) {
        return Arrays.stream(result.stderr().split("\n")).filter(line -> line.startsWith("Error:"))
                .collect(Collectors.joining("\n"));
    }
}
