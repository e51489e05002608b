package dev.vaina.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vaina.it.support.EachMode;
import dev.vaina.it.support.ModePodman;
import dev.vaina.it.support.Result;
import dev.vaina.it.support.VainaCli;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/** `cp` in both directions, for a running and a stopped container, with Podman's rules and messages. */
class CpTest {

    /**
     * The same copies, good and bad, to and from a running and a stopped container exit and complain as Podman's
     * do; then what arrived is checked on both sides.
     */
    @EachMode
    void bothDirections_runningAndStopped_asPodman(VainaCli vaina) throws IOException {
        String image = Images.busybox(vaina);
        String host = vaina.exec(List.of("mktemp", "-d")).assertSuccess().stdout().strip();
        vaina.exec(List.of("sh", "-c", "cd " + host + " && mkdir -p dir/sub out-podman out-vaina && echo f > dir/f"
                + " && echo g > dir/sub/g && echo file > file")).assertSuccess();
        String running = "cp-run-" + vaina.mode().label();
        String stopped = "cp-stopped-" + vaina.mode().label();
        List<Result> reference = new ArrayList<>();
        List<Result> ours = new ArrayList<>();
        try {
            try (ModePodman podman = ModePodman.start(vaina)) {
                podman.run("run", "-d", "--name", running, ModePodman.BUSYBOX, "sleep", "1000").assertSuccess();
                podman.run("create", "--name", stopped, ModePodman.BUSYBOX, "true").assertSuccess();
                for (String[] step : steps(host, "out-podman", running, stopped)) {
                    reference.add(podman.run(step));
                }
            }
            vaina.run("run", "-d", "--name", running, image, "sleep", "1000").assertSuccess();
            vaina.run("create", "--name", stopped, image, "true").assertSuccess();
            for (String[] step : steps(host, "out-vaina", running, stopped)) {
                ours.add(vaina.run(step));
            }
            Function<Result, String> shown = r -> r.exitCode() + " " + r.stdout() + " " + r.stderr();
            List<String[]> steps = steps(host, "out", running, stopped);
            List<String> differences = new ArrayList<>();
            for (int i = 0; i < steps.size(); i++) {
                String expected = shown.apply(reference.get(i)).replace("out-podman", "out");
                String actual = shown.apply(ours.get(i)).replace("out-vaina", "out");
                if (!expected.equals(actual)) {
                    differences.add(String.join(" ", steps.get(i)) + "\npodman: " + expected + "\nvaina:  " + actual);
                }
            }
            assertTrue(differences.isEmpty(), () -> String.join("\n\n", differences));

            String hostTree = vaina.exec(List.of("sh", "-c", "cd " + host + " && find out-podman | sort | sed s/-podman//;"
                    + " echo; cd " + host + " && find out-vaina | sort | sed s/-vaina//")).assertSuccess().stdout();
            String[] trees = hostTree.split("\n\n");
            assertEquals(trees[0].strip(), trees[1].strip(), hostTree);
            assertTrue(trees[1].contains("out/stopped-dir/sub/g") && trees[1].contains("out/running-dir/f"), hostTree);

            for (String container : List.of(running, stopped)) {
                Result listing = vaina.exec(List.of("sh", "-c", vaina.vainaExecutable() + " cp " + container
                        + ":/tmp - | tar -tvf - | awk '{print $2, $6}' | sort"));
                listing.assertSuccess();
                assertEquals(String.join("\n", "0/0 tmp/", "0/0 tmp/dir/", "0/0 tmp/dir/f", "0/0 tmp/dir/sub/",
                        "0/0 tmp/dir/sub/g", "0/0 tmp/dot/", "0/0 tmp/dot/f", "0/0 tmp/dot/sub/", "0/0 tmp/dot/sub/g",
                        "0/0 tmp/file", "0/0 tmp/renamed") + "\n", listing.stdout(), listing::describe);
            }
            Result owner = vaina.exec(List.of("stat", "-c", "%u", host + "/out-vaina/running-dir/f")).assertSuccess();
            assertEquals(vaina.exec(List.of("id", "-u")).assertSuccess().stdout(), owner.stdout(),
                    "copies out of a container belong to the user who made them");
        } finally {
            vaina.run("rm", "-f", "-t", "0", running, stopped);
            vaina.exec(List.of("rm", "-rf", host));
        }
    }

    /** A tar stream on stdin lands in a running container; one from a stopped container's directory comes out. */
    @EachMode
    void tarStreams_inAndOut(VainaCli vaina) throws IOException {
        String image = Images.busybox(vaina);
        String name = "cp-tar-" + vaina.mode().label();
        try {
            vaina.run("run", "-d", "--name", name, image, "sleep", "1000").assertSuccess();
            vaina.runWithInput(tar("streamed/hello", "hello from a tar\n"), "cp", "-", name + ":/tmp").assertSuccess();
            Result read = vaina.run("exec", name, "sh", "-c", "cat /tmp/streamed/hello; stat -c %u:%g /tmp/streamed/hello")
                    .assertSuccess();
            assertEquals("hello from a tar\n0:0\n", read.stdout());
            Result notDirectory = vaina.runWithInput(tar("x", "x"), "cp", "-", name + ":/tmp/streamed/hello");
            notDirectory.assertExitCode(125);
            assertEquals("Error: destination must be a directory when copying from stdin\n", notDirectory.stderr());

            vaina.run("stop", "-t", "0", name).assertSuccess();
            Result out = vaina.exec(List.of("sh", "-c", vaina.vainaExecutable() + " cp " + name
                    + ":/tmp/streamed - | tar -xOf - streamed/hello"));
            assertEquals("hello from a tar\n", out.assertSuccess().stdout());
        } finally {
            vaina.run("rm", "-f", "-t", "0", name);
        }
    }

    private static List<String[]> steps(String host, String out, String running, String stopped) {
        List<String[]> steps = new ArrayList<>();
        for (String container : List.of(running, stopped)) {
            String kind = container.equals(running) ? "running" : "stopped";
            steps.add(new String[] {"cp", host + "/file", container + ":/tmp/"});
            steps.add(new String[] {"cp", host + "/file", container + ":/tmp/renamed"});
            steps.add(new String[] {"cp", host + "/dir", container + ":/tmp"});
            steps.add(new String[] {"cp", host + "/dir/.", container + ":/tmp/dot"});
            steps.add(new String[] {"cp", host + "/dir", container + ":/tmp/renamed"});
            steps.add(new String[] {"cp", host + "/file", container + ":/nonexistent/x"});
            steps.add(new String[] {"cp", host + "/nonexistent", container + ":/tmp"});
            steps.add(new String[] {"cp", container + ":/etc/passwd", host + "/" + out + "/"});
            steps.add(new String[] {"cp", container + ":/tmp/dir", host + "/" + out + "/" + kind + "-dir"});
            steps.add(new String[] {"cp", container + ":/nonexistent", host + "/" + out});
            steps.add(new String[] {"cp", container + ":/etc/passwd", host + "/" + out + "/missing/"});
            steps.add(new String[] {"cp", container + ":/etc", host + "/" + out + "/passwd"});
        }
        steps.add(new String[] {"cp", host + "/file", "cp-nobody:/tmp"});
        return steps;
    }

    /** A one-file tar archive; every byte is ASCII, so it passes through the test's text input unchanged. */
    private static String tar(String name, String content) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes)) {
            byte[] data = content.getBytes(StandardCharsets.US_ASCII);
            TarArchiveEntry entry = new TarArchiveEntry(name);
            entry.setSize(data.length);
            entry.setMode(0644);
            entry.setModTime(1_700_000_000_000L);
            tar.putArchiveEntry(entry);
            tar.write(data);
            tar.closeArchiveEntry();
        }
        return new String(bytes.toByteArray(), StandardCharsets.US_ASCII);
    }
}
