package dev.vaina.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vaina.it.support.EachMode;
import dev.vaina.it.support.ModePodman;
import dev.vaina.it.support.Result;
import dev.vaina.it.support.VainaCli;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * The container and image verbs against Podman 4.3.1: the same commands, on the same busybox image and the
 * same container names, must give the same exit codes and the same lines where scripts read them (the
 * "Error:" line, what is echoed on stdout, the stop warning). Container ids differ between the engines and
 * are compared as "ID".
 */
class VerbCompatibilityTest {
    private static final String IMAGE = "localhost/busybox:latest";
    private static final String STOP_WARNING = "StopSignal SIGTERM failed to stop container vc-run in 1 seconds, resorting to SIGKILL";

    /** What of a command's result must be the same for both engines. */
    enum Compare {
        EXIT_CODE(r -> ""),
        STDOUT(r -> ids(r.stdout())),
        ERROR_LINE(r -> ids(errorLine(r))),
        STDOUT_AND_ERROR(r -> ids(r.stdout()) + "\n" + ids(errorLine(r)));

        final Function<Result, String> lines;

        Compare(Function<Result, String> lines) {
            this.lines = lines;
        }
    }

    record Row(Compare compare, String... args) {
    }

    private static Row row(Compare compare, String... args) {
        return new Row(compare, args);
    }

    /** Made before the table runs, in each engine. */
    private static final List<List<String>> SETUP = List.of(
            List.of("run", "-d", "--name", "vc-run", IMAGE, "sleep", "1000"),
            List.of("create", "--name", "vc-created", IMAGE, "true"),
            List.of("create", "--name", "vc-bad", IMAGE, "/nonexistent"),
            List.of("run", "--name", "vc-exited", IMAGE, "sh", "-c", "exit 3"),
            List.of("create", "--name", "vc-nolog", "--log-driver", "none", IMAGE, "true"));

    private static final List<Row> TABLE = List.of(
            // Unknown containers and images.
            row(Compare.STDOUT_AND_ERROR, "rm", "nosuch"),
            row(Compare.STDOUT_AND_ERROR, "rm", "-i", "nosuch"),
            row(Compare.STDOUT_AND_ERROR, "rm", "-f", "nosuch"),
            row(Compare.STDOUT_AND_ERROR, "stop", "nosuch"),
            row(Compare.STDOUT_AND_ERROR, "stop", "--ignore", "nosuch"),
            row(Compare.STDOUT_AND_ERROR, "kill", "nosuch"),
            row(Compare.STDOUT_AND_ERROR, "wait", "nosuch"),
            row(Compare.STDOUT_AND_ERROR, "start", "nosuch"),
            row(Compare.STDOUT_AND_ERROR, "restart", "nosuch"),
            row(Compare.STDOUT_AND_ERROR, "logs", "nosuch"),
            row(Compare.STDOUT_AND_ERROR, "inspect", "nosuch"),
            row(Compare.STDOUT_AND_ERROR, "inspect", "--type", "image", "vc-run"),
            row(Compare.STDOUT_AND_ERROR, "inspect", "--type", "container", IMAGE),
            row(Compare.EXIT_CODE, "inspect", "--type", "bogus", "vc-run"),
            row(Compare.STDOUT_AND_ERROR, "rmi", "nosuch"),
            row(Compare.STDOUT_AND_ERROR, "image", "inspect", "nosuch"),
            row(Compare.STDOUT_AND_ERROR, "stop", "--cidfile", "/nonexistent"),
            // States.
            row(Compare.STDOUT_AND_ERROR, "rm", "vc-run"),
            row(Compare.STDOUT_AND_ERROR, "kill", "vc-created"),
            row(Compare.STDOUT_AND_ERROR, "kill", "vc-exited"),
            row(Compare.STDOUT_AND_ERROR, "start", "vc-run"),
            row(Compare.STDOUT_AND_ERROR, "stop", "vc-created"),
            row(Compare.STDOUT_AND_ERROR, "wait", "vc-exited"),
            row(Compare.STDOUT_AND_ERROR, "wait", "--condition", "exited", "vc-exited"),
            row(Compare.STDOUT_AND_ERROR, "wait", "--condition", "stopped", "vc-exited"),
            row(Compare.STDOUT_AND_ERROR, "wait", "--condition", "running", "--condition", "exited", "vc-exited"),
            row(Compare.STDOUT_AND_ERROR, "wait", "--condition", "running", "vc-run"),
            row(Compare.STDOUT_AND_ERROR, "wait", "--condition", "created", "vc-created"),
            row(Compare.STDOUT_AND_ERROR, "wait", "--condition", "bogus", "vc-created"),
            row(Compare.ERROR_LINE, "start", "vc-bad"),
            // How containers are chosen.
            row(Compare.STDOUT_AND_ERROR, "stop", "-a", "vc-run"),
            row(Compare.STDOUT_AND_ERROR, "stop", "-l", "vc-run"),
            row(Compare.STDOUT_AND_ERROR, "stop", "-l", "-a"),
            row(Compare.STDOUT_AND_ERROR, "rm", "--ignore", "nosuch", "vc-created"),
            // Sorting and global options.
            row(Compare.EXIT_CODE, "ps", "--sort", "bogus"),
            // Podman lists the keys in an order that changes from run to run.
            row(Compare.EXIT_CODE, "images", "--sort", "bogus"),
            row(Compare.STDOUT_AND_ERROR, "--noout", "ps", "-a", "--external"),
            row(Compare.EXIT_CODE, "--storage-driver", "btrfs", "ps"),
            row(Compare.EXIT_CODE, "--log-level", "bogus", "ps"),
            row(Compare.EXIT_CODE, "--cgroup-manager", "bogus", "ps"),
            row(Compare.EXIT_CODE, "--events-backend", "bogus", "ps"),
            row(Compare.STDOUT_AND_ERROR, "logs", "--since", "bogus", "vc-exited"),
            // run and create options.
            row(Compare.STDOUT_AND_ERROR, "run", "--rm", "-w", "/nonexistent", IMAGE, "pwd"),
            row(Compare.STDOUT_AND_ERROR, "run", "--rm", "--cap-drop", "bogus", IMAGE, "true"),
            row(Compare.STDOUT_AND_ERROR, "run", "--rm", "--sysctl", "foo.bar=1", IMAGE, "true"),
            row(Compare.STDOUT_AND_ERROR, "run", "--rm", "--sysctl", "net.ipv4.ip_forward", IMAGE, "true"),
            row(Compare.STDOUT_AND_ERROR, "create", "--annotation", "foo", IMAGE, "true"),
            row(Compare.STDOUT_AND_ERROR, "run", "--rm", "--tz", "Bogus/Zone", IMAGE, "true"),
            row(Compare.STDOUT_AND_ERROR, "run", "--rm", "--security-opt", "seccomp=/nonexistent", IMAGE, "true"),
            row(Compare.EXIT_CODE, "run", "--rm", "--security-opt", "bogus", IMAGE, "true"),
            row(Compare.EXIT_CODE, "run", "--rm", "--log-driver", "bogus", IMAGE, "true"),
            row(Compare.STDOUT_AND_ERROR, "create", "--cidfile", "/etc/hostname", IMAGE, "true"),
            row(Compare.STDOUT_AND_ERROR, "logs", "vc-nolog"),
            row(Compare.STDOUT_AND_ERROR, "run", "--rm", "-a", "bogus", IMAGE, "true"),
            row(Compare.EXIT_CODE, "run", "--rm", "--systemd", "bogus", IMAGE, "true"),
            row(Compare.STDOUT_AND_ERROR, "run", "--rm", "--sdnotify=conmon", "--systemd=false", "--userns=host", IMAGE,
                    "echo", "accepted"),
            // The stop signal ignored (sleep as PID 1 has no SIGTERM handler): SIGKILL after 1 s, and a warning.
            row(Compare.STDOUT, "stop", "-t", "1", "vc-run"),
            row(Compare.STDOUT_AND_ERROR, "kill", "vc-run"),
            row(Compare.STDOUT_AND_ERROR, "rm", "vc-exited"));

    /** The row whose stderr must carry the stop warning in both engines. */
    private static final int STOP_ROW = indexOf("stop", "-t", "1", "vc-run");

    private static int indexOf(String... args) {
        for (int i = 0; i < TABLE.size(); i++) {
            if (Arrays.equals(TABLE.get(i).args(), args)) {
                return i;
            }
        }
        throw new IllegalStateException("no row " + String.join(" ", args));
    }

    @EachMode
    void verbs_behaveAsPodmans(VainaCli vaina) {
        Images.busybox(vaina);
        List<Result> reference;
        try (ModePodman podman = ModePodman.start(vaina)) {
            reference = runAll(args -> podman.run(withoutNetwork(args)));
        }
        List<Result> ours;
        try {
            ours = runAll(vaina::run);
        } finally {
            vaina.run("rm", "-f", "-t", "0", "vc-run", "vc-created", "vc-bad", "vc-exited", "vc-nolog");
        }
        List<String> differences = new ArrayList<>();
        for (int i = 0; i < TABLE.size(); i++) {
            Row row = TABLE.get(i);
            Result p = reference.get(i);
            Result v = ours.get(i);
            String expected = p.exitCode() + "\n" + row.compare().lines.apply(p);
            String actual = v.exitCode() + "\n" + row.compare().lines.apply(v);
            if (!expected.equals(actual)) {
                differences.add("--- " + String.join(" ", row.args()) + "\npodman: " + expected.replace("\n", " | ")
                        + "\nvaina:  " + actual.replace("\n", " | ") + "\nvaina's stderr: " + v.stderr().strip());
            }
        }
        assertTrue(reference.get(STOP_ROW).stderr().contains(STOP_WARNING), reference.get(STOP_ROW)::describe);
        assertTrue(ours.get(STOP_ROW).stderr().contains(STOP_WARNING), ours.get(STOP_ROW)::describe);
        assertTrue(differences.isEmpty(), differences.size() + " of " + TABLE.size() + " commands differ:\n"
                + String.join("\n", differences));
    }

    private static List<Result> runAll(Function<String[], Result> engine) {
        for (List<String> setup : SETUP) {
            Result made = engine.apply(setup.toArray(String[]::new));
            if (!setup.get(setup.size() - 1).equals("exit 3")) {
                made.assertSuccess();
            }
        }
        List<Result> results = new ArrayList<>();
        for (Row row : TABLE) {
            results.add(engine.apply(row.args()));
        }
        return results;
    }

    /** Networking is not what this test compares: Podman's containers get none, so no CNI or slirp4netns runs. */
    private static String[] withoutNetwork(String[] args) {
        List<String> list = new ArrayList<>(Arrays.asList(args));
        if (!list.isEmpty() && (list.get(0).equals("run") || list.get(0).equals("create"))) {
            list.add(1, "--network");
            list.add(2, "none");
        }
        return list.toArray(String[]::new);
    }

    /** The first "Error:" line; for a failed start, only up to the runtime's own words, which differ. */
    private static String errorLine(Result result) {
        for (String line : result.stderr().split("\n")) {
            if (line.startsWith("Error: unable to start container")) {
                return line.substring(0, line.indexOf("\": ") + 3);
            }
            if (line.startsWith("Error:")) {
                return line;
            }
        }
        return "";
    }

    private static String ids(String text) {
        return text.replaceAll("[0-9a-f]{64}", "ID").strip();
    }
}
