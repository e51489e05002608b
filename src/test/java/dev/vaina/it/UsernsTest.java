package dev.vaina.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vaina.it.support.EachMode;
import dev.vaina.it.support.Mode;
import dev.vaina.it.support.ModePodman;
import dev.vaina.it.support.Result;
import dev.vaina.it.support.VainaCli;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * --userns, --uidmap and --gidmap, rootful and rootless, against Podman 4.3.1 on the same input: what a
 * container sees of its user namespace (its maps, its ids, the owners of the image's files and of a
 * bind-mounted directory, keep-id's passwd entry), Podman's messages for what is refused, and nothing left
 * behind by a refused create. Also --sdnotify=container, with a workload that sends READY=1 itself.
 */
class UsernsTest {
    /** What a container prints of its user namespace; /data is a directory of the user's, with a file in it. */
    private static final String REPORT = String.join("; ",
            "cat /proc/self/uid_map /proc/self/gid_map",
            "id",
            "echo home=$HOME",
            "grep -h -v -e '^root:' -e '^app:' /etc/passwd /etc/group",
            "stat -c '%u %g %n' / /etc/passwd /bin/busybox /tmp /data/f",
            "touch /data/made && stat -c '%u %g %n' /data/made");

    @EachMode
    void keepIdAndNomap_rootless_showWhatPodmanShows(VainaCli vaina) {
        if (vaina.mode() != Mode.ROOTLESS) {
            return;
        }
        List<List<String>> cases = List.of(List.of("--userns=keep-id"), List.of("--userns=keep-id:uid=5,gid=6"),
                List.of("--userns=nomap"), List.of("--userns=host"), List.of("--uidmap=0:1:4000"),
                List.of("--uidmap=0:1:1000", "--uidmap=1000:0:1", "--gidmap=0:2000:50"));
        compareWithPodman(vaina, cases);
    }

    @EachMode
    void uidmapAndGidmap_rootful_showWhatPodmanShows(VainaCli vaina) {
        if (vaina.mode() != Mode.ROOTFUL) {
            return;
        }
        List<List<String>> cases = List.of(List.of("--uidmap=0:100000:5000"),
                List.of("--uidmap=0:200000:1000", "--uidmap=1000:300000:10", "--gidmap=0:400000:2000"));
        compareWithPodman(vaina, cases);
    }

    private static void compareWithPodman(VainaCli vaina, List<List<String>> cases) {
        String image = Images.busybox(vaina);
        List<Result> ours = new ArrayList<>();
        List<Result> podmans = new ArrayList<>();
        List<String> made = new ArrayList<>();
        List<String> dirs = new ArrayList<>();
        try {
            for (List<String> options : cases) {
                String dir = dataDir(vaina, dirs);
                ours.add(vaina.run(runArgs(options, dir, image)).assertSuccess());
                made.add(owner(vaina, dir + "/made"));
            }
            try (ModePodman podman = ModePodman.start(vaina)) {
                for (List<String> options : cases) {
                    String dir = dataDir(vaina, dirs);
                    podmans.add(podman.run(runArgs(options, dir, ModePodman.BUSYBOX)).assertSuccess());
                    made.add(owner(vaina, dir + "/made"));
                }
            }
        } finally {
            dirs.forEach(dir -> vaina.exec(List.of("rm", "-rf", dir)));
        }
        for (int i = 0; i < cases.size(); i++) {
            assertEquals(podmans.get(i).stdout(), ours.get(i).stdout(), cases.get(i) + "\n" + ours.get(i).describe());
            // What the container made in the user's directory belongs on the host to whom Podman's belongs.
            assertEquals(made.get(cases.size() + i), made.get(i), cases.get(i).toString());
        }
        if (vaina.mode() == Mode.ROOTLESS) {
            String uid = vaina.exec(List.of("id", "-u")).assertSuccess().stdout().strip();
            String keepId = ours.get(0).stdout();
            // The user is itself inside: its files keep their owner, and it is in the container's passwd.
            assertTrue(keepId.contains("uid=" + uid + "(" + vaina.user() + ")") && keepId.contains(uid + " " + uid + " /data/f")
                    && keepId.contains(vaina.user() + ":*:" + uid + ":" + uid + ":"), keepId);
            assertEquals(uid, made.get(0));
            assertTrue(ours.get(2).stdout().startsWith("         0          1      65536\n"), ours.get(2)::describe);
        } else {
            assertTrue(ours.get(0).stdout().startsWith("         0     100000       5000\n"), ours.get(0)::describe);
            assertEquals("100000", made.get(0));
        }
    }

    @EachMode
    void auto_givesEachContainerARangeOfItsOwn(VainaCli vaina) throws Exception {
        String image = Images.busybox(vaina);
        List<String> names = List.of("un-auto1-" + vaina.mode(), "un-auto2-" + vaina.mode(), "un-auto3-" + vaina.mode());
        String maps = "cat /proc/self/uid_map /proc/self/gid_map; stat -c '%u %g' / /bin/busybox";
        try {
            List<String> outputs = new ArrayList<>();
            if (vaina.mode() == Mode.ROOTLESS) {
                vaina.run("create", "--name", names.get(0), "--userns=auto", image, "sh", "-c", maps).assertSuccess();
                vaina.run("create", "--name", names.get(1), "--userns=auto:size=500", image, "sh", "-c", maps).assertSuccess();
                vaina.run("create", "--name", names.get(2), "--userns=auto", image, "sh", "-c", maps).assertSuccess();
            } else {
                // Rootful, the ranges come from the user "containers" in /etc/subuid and /etc/subgid, which this
                // machine lacks: the creates run in a mount namespace where those files name it. Starting needs
                // them no more: the range is recorded at create, as Podman records it.
                String script = "set -e; d=$(mktemp -d); echo containers:300000:100000 > $d/ids;"
                        + " mount --bind $d/ids /etc/subuid; mount --bind $d/ids /etc/subgid;"
                        + " v=\"$1\"; shift; \"$v\" \"$@\" --name " + names.get(0) + " --userns=auto " + image + " sh -c \"$M\";"
                        + " \"$v\" \"$@\" --name " + names.get(1) + " --userns=auto:size=500 " + image + " sh -c \"$M\";"
                        + " \"$v\" \"$@\" --name " + names.get(2) + " --userns=auto " + image + " sh -c \"$M\"; rm -r $d";
                List<String> command = new ArrayList<>(List.of("env", "M=" + maps, "unshare", "--mount", "--propagation",
                        "private", "sh", "-c", script, "sh", vaina.vainaExecutable().toString()));
                command.add("create");
                vaina.exec(command).assertSuccess();
            }
            for (String name : names) {
                outputs.add(vaina.run("start", "-a", name).assertSuccess().stdout());
            }
            List<String> expected = vaina.mode() == Mode.ROOTLESS
                    ? List.of(range(0, 1, 1024) + "0 0\n0 0\n", range(0, 1025, 500) + "0 0\n0 0\n",
                            range(0, 1525, 1024) + "0 0\n0 0\n")
                    : List.of(range(0, 300000, 1024) + "0 0\n0 0\n", range(0, 301024, 500) + "0 0\n0 0\n",
                            range(0, 301524, 1024) + "0 0\n0 0\n");
            assertEquals(expected, outputs);
            if (vaina.mode() == Mode.ROOTLESS) {
                // A removed container's range is free again.
                vaina.run("rm", names.get(1)).assertSuccess();
                Result again = vaina.run("run", "--rm", "--userns=auto:size=400", image, "cat", "/proc/self/uid_map")
                        .assertSuccess();
                assertEquals(String.format("%10d %10d %10d%n", 0, 1025, 400), again.stdout(), again::describe);
            }
        } finally {
            names.forEach(name -> vaina.run("rm", "-f", "-t", "0", "--ignore", name));
        }
    }

    @EachMode
    void badValues_areRefusedWithPodmansMessages_andLeaveNothingBehind(VainaCli vaina) {
        String image = Images.busybox(vaina);
        String name = "un-bad-" + vaina.mode();
        List<List<String>> cases = new ArrayList<>(List.of(List.of("--userns=bogus"), List.of("--userns=private"),
                List.of("--userns=auto:foo=1"), List.of("--userns=auto:size=x"), List.of("--uidmap=0:100"),
                List.of("--uidmap=a:b:c"), List.of("--gidmap=0:1"), List.of("--userns=keep-id", "--uidmap=0:1:1"),
                List.of("--userns=auto", "--gidmap=0:1:1")));
        if (vaina.mode() == Mode.ROOTFUL) {
            cases.addAll(List.of(List.of("--userns=keep-id"), List.of("--userns=nomap"), List.of("--userns=auto")));
        } else {
            cases.addAll(List.of(List.of("--userns=keep-id:foo"), List.of("--userns=keep-id:uid=x")));
        }
        // A pod's members share its infra container's user namespace.
        String pod = "un-bad-pod-" + vaina.mode();
        cases.addAll(List.of(List.of("--pod", pod, "--userns=auto"), List.of("--pod", pod, "--uidmap=0:1:1")));
        String volumesBefore = vaina.run("volume", "ls", "-q").assertSuccess().stdout();
        List<Result> ours = new ArrayList<>();
        vaina.run("pod", "create", "--name", pod).assertSuccess();
        try {
            for (List<String> options : cases) {
                List<String> args = new ArrayList<>(List.of("run", "--rm", "--name", name, "-v", "/anon"));
                args.addAll(options);
                args.addAll(List.of(image, "true"));
                ours.add(vaina.run(args.toArray(String[]::new)));
            }
        } finally {
            vaina.run("pod", "rm", "-f", "-t", "0", pod);
        }
        List<Result> podmans = new ArrayList<>();
        try (ModePodman podman = ModePodman.start(vaina)) {
            podman.run("pod", "create", "--name", pod).assertSuccess();
            for (List<String> options : cases) {
                List<String> args = new ArrayList<>(List.of("run", "--rm", "--name", name));
                args.addAll(options);
                args.addAll(List.of(ModePodman.BUSYBOX, "true"));
                podmans.add(podman.run(args.toArray(String[]::new)));
            }
        }
        for (int i = 0; i < cases.size(); i++) {
            assertEquals(podmans.get(i).exitCode(), ours.get(i).exitCode(), cases.get(i) + "\n" + ours.get(i).describe());
            assertEquals(errorLine(podmans.get(i)), errorLine(ours.get(i)), cases.get(i) + "\n" + ours.get(i).describe());
            assertNotEquals(0, ours.get(i).exitCode(), ours.get(i)::describe);
        }
        assertEquals("", vaina.run("ps", "-a", "-q", "--filter", "name=^" + name + "$").assertSuccess().stdout());
        assertEquals(volumesBefore, vaina.run("volume", "ls", "-q").assertSuccess().stdout());
    }

    @EachMode
    void sdnotifyContainer_holdsTheUnitActivating_untilTheWorkloadSendsReady(VainaCli vaina) throws Exception {
        String name = "un-notify-" + vaina.mode();
        String unit = "container-" + name + ".service";
        String image = "localhost/un-notify-" + vaina.mode() + ":latest";
        String dir = vaina.exec(List.of("mktemp", "-d", "/tmp/un-notify.XXXXXX")).assertSuccess().stdout().strip();
        try {
            // A statically linked sender built here: busybox cannot send a datagram to a Unix socket.
            vaina.exec(resource("userns/notify-sender.c"), VainaCli.DEFAULT_TIMEOUT,
                    List.of("sh", "-c", "cat > \"$1/notify.c\"", "sh", dir)).assertSuccess();
            vaina.exec(List.of("sh", "-c", "mkdir -p \"$1/r/bin\" \"$1/gate\" && chmod 777 \"$1/gate\""
                    + " && gcc -static -Os -o \"$1/r/bin/notify\" \"$1/notify.c\" && cp /bin/busybox \"$1/r/bin/\""
                    + " && for a in sh sleep test; do ln -s busybox \"$1/r/bin/$a\"; done && tar -C \"$1/r\" -cf \"$1/r.tar\" .",
                    "sh", dir)).assertSuccess();
            vaina.run("import", dir + "/r.tar", image).assertSuccess();
            vaina.run("create", "--name", name, "--sdnotify=container", "-v", dir + "/gate:/gate", image, "sh", "-c",
                    "while ! test -e /gate/open; do sleep 0.1; done; notify READY=1; sleep 1000").assertSuccess();
            CompletableFuture<Result> start = CompletableFuture.supplyAsync(() -> vaina.run("start", name));
            HealthcheckTest.awaitTrue(() -> "activating".equals(HealthcheckTest.activeState(vaina, unit)), Duration.ofSeconds(30), "the unit starts");
            // The container runs, the monitor sent nothing: systemd still waits for the workload's READY=1.
            HealthcheckTest.awaitTrue(() -> vaina.run("inspect", "--format", "{{.State.Status}}", name).stdout().strip().equals("running"),
                    Duration.ofSeconds(30), "the container runs");
            Thread.sleep(1500);
            assertEquals("activating", HealthcheckTest.activeState(vaina, unit));
            assertFalse(start.isDone(), "vaina start waits for the unit");

            vaina.exec(List.of("touch", dir + "/gate/open")).assertSuccess();
            start.get().assertSuccess();
            assertEquals("active", HealthcheckTest.activeState(vaina, unit));
            assertEquals("all", vaina.systemctl("show", "-p", "NotifyAccess", "--value", unit).stdout().strip());
        } finally {
            vaina.run("rm", "-f", "-t", "0", "--ignore", name);
            vaina.run("rmi", image);
            vaina.exec(List.of("rm", "-rf", dir));
        }
    }

    private static String[] runArgs(List<String> options, String dir, String image) {
        List<String> args = new ArrayList<>(List.of("run", "--rm", "-v", dir + ":/data"));
        args.addAll(options);
        args.addAll(List.of(image, "sh", "-c", REPORT));
        return args.toArray(String[]::new);
    }

    /** A directory of the mode's user, holding a file of its own, world-writable so that any mapped root may write. */
    private static String dataDir(VainaCli vaina, List<String> dirs) {
        String dir = vaina.exec(List.of("sh", "-c", "d=$(mktemp -d /tmp/un-data.XXXXXX); touch $d/f; chmod 777 $d; echo $d"))
                .assertSuccess().stdout().strip();
        dirs.add(dir);
        return dir;
    }

    private static String owner(VainaCli vaina, String file) {
        return vaina.exec(List.of("stat", "-c", "%u", file)).assertSuccess().stdout().strip();
    }

    private static String range(long inside, long outside, long size) {
        String line = String.format("%10d %10d %10d%n", inside, outside, size);
        return line + line;
    }

    private static String errorLine(Result result) {
        return result.stderr().lines().filter(line -> line.startsWith("Error: ")).findFirst().orElse(result.stderr());
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = UsernsTest.class.getClassLoader().getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
