package dev.vaina.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vaina.it.support.EachMode;
import dev.vaina.it.support.ModePodman;
import dev.vaina.it.support.Result;
import dev.vaina.it.support.VainaCli;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The options of `run` and `create` that shape the container's process and files, each run for real and,
 * where the container can see it, against Podman 4.3.1 on the same input: one container prints what
 * several options changed (capabilities, seccomp, no_new_privs, groups, sysctls, masks, a device, the
 * time zone, a read-only root with writable tmpfs), and both engines must print the same.
 */
class RunOptionsTest {
    /** What the confined container prints: /proc/self/status lines, groups, a sysctl, masks, writes, the zone. */
    private static final String REPORT = String.join("; ",
            "grep -E '^(CapEff|CapBnd|NoNewPrivs|Seccomp):' /proc/self/status",
            "id -G",
            "cat /proc/sys/net/ipv4/ip_forward",
            "echo masked $(grep -c ' /proc/kcore ' /proc/self/mountinfo) $(grep -c ' /home ' /proc/self/mountinfo)",
            "touch /rootfile 2>/dev/null && echo root-writable || echo root-read-only",
            "touch /tmp/f /var/tmp/f /run/f && echo tmpfs-writable",
            "echo x > /dev/mynull && echo device-writable",
            "date +%Z");

    // Debian's Podman grants NET_RAW, MKNOD and AUDIT_WRITE by default, which vaina (as Podman's later
    // releases) does not: the set is built from nothing here, so both engines must agree on every bit.
    private static final List<String> CONFINED = List.of("--network", "none", "--cap-drop", "all",
            "--cap-add", "NET_ADMIN,chown,cap_setuid", "--security-opt", "no-new-privileges", "--security-opt", "mask=/home",
            "--security-opt", "unmask=/proc/kcore", "--read-only", "--group-add", "1000", "--sysctl",
            "net.ipv4.ip_forward=1", "--tz", "Asia/Tokyo", "--device", "/dev/null:/dev/mynull:rw");

    private static final List<String> PRIVILEGED = List.of("--network", "none", "--privileged", "--name", "ro-priv");

    /** The privileged container reports its seccomp mode, capabilities, masks and what /run/.containerenv tells it. */
    private static final String PRIVILEGED_REPORT = String.join("; ",
            "grep -E '^(CapEff|CapBnd|Seccomp):' /proc/self/status",
            "echo masked $(grep -c ' /proc/kcore ' /proc/self/mountinfo)",
            "grep -E '^(name|image|rootless)=' /run/.containerenv");

    @EachMode
    void confinementOptions_giveTheContainerWhatPodmansGives(VainaCli vaina) {
        String image = Images.busybox(vaina);
        Result confined = vaina.run(runArgs(CONFINED, image, REPORT)).assertSuccess();
        Result privileged = vaina.run(runArgs(PRIVILEGED, image, PRIVILEGED_REPORT)).assertSuccess();
        // An unprivileged container finds the file, empty, as in Podman.
        Result plain = vaina.run("run", "--rm", "--network", "none", image, "wc", "-c", "/run/.containerenv").assertSuccess();
        Result podmanConfined;
        Result podmanPrivileged;
        try (ModePodman podman = ModePodman.start(vaina)) {
            podmanConfined = podman.run(runArgs(CONFINED, ModePodman.BUSYBOX, REPORT)).assertSuccess();
            podmanPrivileged = podman.run(runArgs(PRIVILEGED, ModePodman.BUSYBOX, PRIVILEGED_REPORT)).assertSuccess();
        }
        assertEquals(podmanConfined.stdout(), confined.stdout(), confined::describe);
        // --privileged grants every capability the runtime may hand out: the bounding set of the manager that
        // starts the container's unit, which here lacks one that the test's own shell, where Podman runs, has.
        assertEquals(withoutCapabilities(podmanPrivileged.stdout()), withoutCapabilities(privileged.stdout()),
                privileged::describe);
        String effective = capabilityLine(privileged.stdout(), "CapEff");
        assertEquals(capabilityLine(privileged.stdout(), "CapBnd"), effective, privileged::describe);
        long sysAdmin = 1L << 21;
        assertTrue((Long.parseLong(effective, 16) & sysAdmin) != 0, privileged::describe);
        // The options were not without effect: the defaults differ in every line that is compared.
        assertTrue(confined.stdout().contains("NoNewPrivs:\t1\n") && confined.stdout().contains("root-read-only\n")
                && confined.stdout().contains("0 1000\n") && confined.stdout().contains("\n1\n")
                && confined.stdout().contains("masked 0 1\n") && confined.stdout().endsWith("JST\n"), confined::describe);
        assertTrue(privileged.stdout().contains("Seccomp:\t0\n") && privileged.stdout().contains("name=\"ro-priv\""),
                privileged::describe);
        assertEquals("0 /run/.containerenv\n", plain.stdout(), plain::describe);
    }

    @EachMode
    void labelsAnnotationsAndSecurity_showInInspectAsPodmanShowsThem_andLabelsFilterPs(VainaCli vaina) {
        String image = Images.busybox(vaina);
        String name = "ro-labels-" + vaina.mode();
        Result labelFile = vaina.exec(List.of("sh", "-c", "f=$(mktemp); printf '# comment\\nfrom.file=yes\\n' > $f; echo $f"))
                .assertSuccess();
        String file = labelFile.stdout().strip();
        List<String> create = List.of("create", "--name", name, "-l", "app=web", "--label", "tier", "--label-file", file,
                "--annotation", "note=kept", "--cap-add", "sys_time", "--cap-drop", "CAP_CHOWN", "--security-opt",
                "no-new-privileges", "--read-only", "--group-add", "1000", "--init");
        String format = "{{json .Config.Labels}} {{json .HostConfig.CapAdd}} {{json .HostConfig.CapDrop}}"
                + " {{json .HostConfig.SecurityOpt}} {{.HostConfig.ReadonlyRootfs}} {{.HostConfig.Privileged}}"
                + " {{json .HostConfig.GroupAdd}} {{.HostConfig.Init}} {{.Config.Annotations.note}}";
        List<List<String>> queries = List.of(List.of("inspect", "--format", format, name),
                List.of("ps", "-a", "--filter", "label=app=web", "--format", "{{.Names}}"),
                List.of("ps", "-a", "--filter", "label=tier", "--format", "{{.Names}}"),
                List.of("ps", "-a", "--filter", "label=app=db", "--format", "{{.Names}}"),
                List.of("ps", "-a", "--filter", "label=from.file", "--format", "{{.Names}}"));
        List<Result> ours = new ArrayList<>();
        List<Result> podmans = new ArrayList<>();
        try {
            vaina.run(withImage(create, image)).assertSuccess();
            queries.forEach(q -> ours.add(vaina.run(q.toArray(String[]::new)).assertSuccess()));
            try (ModePodman podman = ModePodman.start(vaina)) {
                podman.run(withImage(create, ModePodman.BUSYBOX)).assertSuccess();
                queries.forEach(q -> podmans.add(podman.run(q.toArray(String[]::new)).assertSuccess()));
            }
        } finally {
            vaina.run("rm", "-f", "-t", "0", "--ignore", name);
            vaina.exec(List.of("rm", "-f", file));
        }
        for (int i = 0; i < queries.size(); i++) {
            assertEquals(podmans.get(i).stdout(), ours.get(i).stdout(), String.join(" ", queries.get(i)) + "\n" + ours.get(i).describe());
        }
        assertTrue(ours.get(0).stdout().contains("\"from.file\":\"yes\"") && ours.get(0).stdout().strip().endsWith("kept"),
                ours.get(0)::describe);
        assertEquals(name + "\n", ours.get(1).stdout());
        assertEquals("", ours.get(3).stdout());
    }

    @EachMode
    void initEnvHostAttachAndTty_shapeTheProcess(VainaCli vaina) {
        String image = Images.busybox(vaina);
        Result init = vaina.run("run", "--rm", "--init", "--env-host", "-e", "ADDED=1", image, "sh", "-c",
                "tr '\\0' ' ' < /proc/1/cmdline; echo; echo \"$HOME $ADDED ${TERM:-no-term}\"").assertSuccess();
        assertEquals("/run/vaina-init -- sh -c " , init.stdout().lines().findFirst().orElse("").substring(0, 25),
                init::describe);
        assertEquals(vaina.environment().get("HOME") + " 1 no-term", init.stdout().lines().skip(1).findFirst().orElse(""),
                init::describe);
        Result onlyErr = vaina.run("run", "--rm", "-a", "stderr", image, "sh", "-c", "echo out; echo err >&2").assertSuccess();
        assertEquals("", onlyErr.stdout(), onlyErr::describe);
        assertTrue(onlyErr.stderr().contains("err\n"), onlyErr::describe);
        Result onlyOut = vaina.run("run", "--rm", "-a", "stdout", "--log-driver", "none", image, "sh", "-c",
                "echo out; echo err >&2").assertSuccess();
        assertEquals("out\n", onlyOut.stdout(), onlyOut::describe);
        assertFalse(onlyOut.stderr().contains("err"), onlyOut::describe);
        // --systemd=always gives systemd its tmpfs mounts (busybox's sh stands in for it); true does not for sh.
        String mounts = "for m in /run /run/lock /tmp /var/log/journal; do grep -c \" $m \" /proc/self/mountinfo; done";
        Result systemd = vaina.run("run", "--rm", "--systemd=always", image, "sh", "-c", mounts).assertSuccess();
        assertEquals("1\n1\n1\n1\n", systemd.stdout(), systemd::describe);
        Result notSystemd = vaina.run("run", "--rm", "--systemd=true", image, "sh", "-c", mounts);
        assertEquals("0\n0\n0\n0\n", notSystemd.stdout(), notSystemd::describe);
        Result tty = vaina.run("run", "--rm", "-t", image, "sh", "-c", "echo $TERM").assertSuccess();
        assertEquals("xterm", tty.stdout().strip(), tty::describe);
    }

    @EachMode
    void replaceCidfileAndRmi(VainaCli vaina) {
        String image = Images.busybox(vaina);
        String name = "ro-replace-" + vaina.mode();
        String cidfile = vaina.exec(List.of("sh", "-c", "d=$(mktemp -d); echo $d/cid")).assertSuccess().stdout().strip();
        String rmiImage = "localhost/ro-rmi-" + vaina.mode() + ":latest";
        try {
            String first = vaina.run("create", "--name", name, "--cidfile", cidfile, image, "sleep", "100")
                    .assertSuccess().stdout().strip();
            assertEquals(first, vaina.exec(List.of("cat", cidfile)).assertSuccess().stdout());
            Result again = vaina.run("create", "--cidfile", cidfile, image, "true").assertExitCode(125);
            assertTrue(again.stderr().contains("Error: container id file exists. Ensure another container is not using it or delete "
                    + cidfile), again::describe);
            vaina.run("start", name).assertSuccess();
            vaina.run("create", "--name", name, image, "true").assertExitCode(125);
            String second = vaina.run("run", "-d", "--replace", "--name", name, image, "sleep", "100")
                    .assertSuccess().stdout().strip();
            assertNotEquals(first, second);
            assertEquals(second + "\n", vaina.run("ps", "-a", "-q", "--no-trunc", "--filter", "name=^" + name + "$")
                    .assertSuccess().stdout());

            vaina.run("tag", image, rmiImage).assertSuccess();
            Result rmi = vaina.run("run", "--rmi", rmiImage, "echo", "ran").assertSuccess();
            assertEquals("ran\n", rmi.stdout(), rmi::describe);
            vaina.run("image", "exists", rmiImage).assertExitCode(1);
            vaina.run("image", "exists", image).assertSuccess();
            vaina.run("run", "-d", "--rmi", image, "true").assertExitCode(125);
        } finally {
            vaina.run("rm", "-f", "-t", "0", "--ignore", name);
            vaina.run("rmi", rmiImage);
            vaina.exec(List.of("sh", "-c", "rm -rf \"$(dirname \"$1\")\"", "sh", cidfile));
        }
    }

    @EachMode
    void imageRootModeIsKept_andAMissingWorkdirFailsWith126(VainaCli vaina) {
        String image = "localhost/ro-root555-" + vaina.mode() + ":latest";
        String dir = vaina.exec(List.of("mktemp", "-d", "/tmp/ro.XXXXXX")).assertSuccess().stdout().strip();
        try {
            vaina.exec(List.of("sh", "-c", "mkdir -p \"$1/r/bin\" && cp /bin/busybox \"$1/r/bin/\" && ln -s busybox \"$1/r/bin/sh\""
                    + " && ln -s busybox \"$1/r/bin/stat\" && ln -s bin \"$1/r/tools\" && chmod 0555 \"$1/r\" && tar -C \"$1/r\" -cf \"$1/r.tar\" .",
                    "sh", dir)).assertSuccess();
            vaina.run("import", dir + "/r.tar", image).assertSuccess();
            Result mode = vaina.run("run", "--rm", image, "stat", "-c", "%a", "/").assertSuccess();
            assertEquals("555\n", mode.stdout(), mode::describe);

            Result workdir = vaina.run("run", "--rm", "-w", "/nonexistent", image, "sh", "-c", "pwd");
            workdir.assertExitCode(126);
            assertTrue(workdir.stderr().matches("(?s).*Error: .*workdir \"/nonexistent\" does not exist on container [0-9a-f]{64}.*"),
                    workdir::describe);
            // A working directory reached through a link inside the image is there.
            Result linked = vaina.run("run", "--rm", "-w", "/tools", image, "stat", "-c", "%F", "busybox").assertSuccess();
            assertEquals("regular file\n", linked.stdout(), linked::describe);
            // One that a volume brings is there too.
            Result onVolume = vaina.run("run", "--rm", "-v", dir + ":/data", "-w", "/data", image, "stat", "-c", "%F", ".")
                    .assertSuccess();
            assertEquals("directory\n", onVolume.stdout(), onVolume::describe);
        } finally {
            vaina.run("rmi", "-f", image);
            vaina.exec(List.of("sh", "-c", "chmod -R u+w \"$1\"; rm -rf \"$1\"", "sh", dir));
        }
    }

    @EachMode
    void logDriversLogOptionsAndTimeout(VainaCli vaina) {
        String image = Images.busybox(vaina);
        String mode = vaina.mode().label();
        String none = "ro-log-none-" + mode;
        String file = "ro-log-file-" + mode;
        String through = "ro-log-through-" + mode;
        String dir = vaina.exec(List.of("mktemp", "-d", "/tmp/rolog.XXXXXX")).assertSuccess().stdout().strip();
        // The manager's runtime unit folder, which every user manager reads, root's too.
        String dropIn = vaina.environment().get("XDG_RUNTIME_DIR") + "/systemd/user/container-" + through + ".service.d";
        try {
            // none: nothing is kept, but a foreground run still shows the output; logs says why it has none.
            Result shown = vaina.run("run", "--name", none, "--log-driver", "none", image, "echo", "shown").assertSuccess();
            assertEquals("shown\n", shown.stdout(), shown::describe);
            Result noLogs = vaina.run("logs", none).assertExitCode(125);
            assertTrue(noLogs.stderr().contains("this container is using the 'none' log driver, cannot read logs"),
                    noLogs::describe);

            // k8s-file at a path of the user's choosing, emptied when it would pass max-size.
            String log = dir + "/sub/custom.log";
            vaina.run("run", "-d", "--name", file, "--log-opt", "path=" + log, "--log-opt", "max-size=8k", image, "sh", "-c",
                    "i=0; while [ $i -lt 300 ]; do echo line-$i-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx; i=$((i+1)); done")
                    .assertSuccess();
            assertEquals("0\n", vaina.run("wait", file).assertSuccess().stdout());
            long size = Long.parseLong(vaina.exec(List.of("stat", "-c", "%s", log)).assertSuccess().stdout().strip());
            assertTrue(size > 0 && size <= 8192, "log size " + size);
            Result logs = vaina.run("logs", file).assertSuccess();
            assertTrue(logs.stdout().endsWith("line-299-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n")
                    && !logs.stdout().contains("line-0-"), logs::describe);
            assertEquals(log + " k8s-file\n", vaina.run("inspect", "--format", "{{.LogPath}} {{.HostConfig.LogConfig.Type}}",
                    file).assertSuccess().stdout());

            // passthrough: the container writes to its unit's own output, here a file a drop-in names.
            vaina.exec(List.of("sh", "-c", "mkdir -p \"$1\" && printf '[Service]\\nStandardOutput=file:%s\\n' \"$2\" > \"$1/out.conf\"",
                    "sh", dropIn, dir + "/unit-output")).assertSuccess();
            vaina.run("run", "-d", "--name", through, "--log-driver", "passthrough", image, "echo", "through the unit")
                    .assertSuccess();
            assertEquals("0\n", vaina.run("wait", through).assertSuccess().stdout());
            Result unitOutput = vaina.exec(List.of("cat", dir + "/unit-output")).assertSuccess();
            assertTrue(unitOutput.stdout().contains("through the unit\n"), unitOutput::describe);
            vaina.run("logs", through).assertExitCode(125);

            // --timeout: killed once it has run that long, as conmon kills it.
            long started = System.nanoTime();
            vaina.run("run", "--rm", "--timeout", "2", image, "sleep", "100").assertExitCode(137);
            assertTrue(java.time.Duration.ofNanos(System.nanoTime() - started).toSeconds() < 30);
        } finally {
            vaina.run("rm", "-f", "-t", "0", "--ignore", none, file, through);
            vaina.exec(List.of("rm", "-rf", dir, dropIn));
        }
    }

    /**
     * A real .socket unit activates the container's unit: the launcher finds the listening socket systemd
     * passed it, and the container's PID 1 inherits it with LISTEN_FDS, LISTEN_PID and LISTEN_FDNAMES.
     * (busybox has no server that takes a listening socket from systemd, so the container shows what it got.)
     */
    @EachMode
    void socketActivation_passesTheListeningSocketIntoTheContainer(VainaCli vaina) throws Exception {
        String image = Images.busybox(vaina);
        String name = "ro-socket-" + vaina.mode().label();
        String socketUnit = "container-" + name + ".socket";
        Path unitFile = Path.of(vaina.environment().get("XDG_RUNTIME_DIR"), "systemd", "user", socketUnit);
        int port;
        try (java.net.ServerSocket free = new java.net.ServerSocket(0)) {
            port = free.getLocalPort();
        }
        try {
            vaina.run("create", "--name", name, image, "sh", "-c", "echo \"fds=$LISTEN_FDS pid=$LISTEN_PID"
                    + " names=$LISTEN_FDNAMES\"; readlink /proc/self/fd/3; exec sleep 1000").assertSuccess();
            // A first start writes the container's unit; without a socket it is given none.
            vaina.run("start", name).assertSuccess();
            vaina.run("stop", "-t", "0", name).assertSuccess();
            vaina.exec(List.of("sh", "-c", "mkdir -p \"$(dirname \"$1\")\" && printf '[Socket]\\nListenStream=127.0.0.1:%s\\n' \"$2\" > \"$1\"",
                    "sh", unitFile.toString(), Integer.toString(port))).assertSuccess();
            vaina.systemctl("daemon-reload").assertSuccess();
            vaina.systemctl("start", socketUnit).assertSuccess();
            try (java.net.Socket client = new java.net.Socket("127.0.0.1", port)) {
                Result logs = vaina.run("logs", name);
                // Until the last line: the echo and readlink's line are two writes, which logs may see apart.
                for (int i = 0; i < 150 && !logs.stdout().contains("socket:["); i++) {
                    Thread.sleep(100);
                    logs = vaina.run("logs", name);
                }
                assertTrue(logs.stdout().contains("fds= pid= names=\n"), logs::describe);
                assertTrue(logs.stdout().contains("fds=1 pid=1 names=" + socketUnit + "\nsocket:["), logs::describe);
            }
        } finally {
            vaina.systemctl("stop", socketUnit);
            vaina.run("rm", "-f", "-t", "0", "--ignore", name);
            vaina.exec(List.of("rm", "-f", unitFile.toString()));
            vaina.systemctl("daemon-reload");
        }
    }

    private static String withoutCapabilities(String report) {
        return report.replaceAll("(?m)^Cap\\w+:\\t[0-9a-f]+\n", "");
    }

    private static String capabilityLine(String report, String set) {
        return report.lines().filter(l -> l.startsWith(set + ":")).map(l -> l.substring(set.length() + 1).strip())
                .findFirst().orElse("");
    }

    private static String[] runArgs(List<String> options, String image, String script) {
        List<String> args = new ArrayList<>(List.of("run", "--rm"));
        args.addAll(options);
        args.addAll(List.of(image, "sh", "-c", script));
        return args.toArray(String[]::new);
    }

    private static String[] withImage(List<String> args, String image) {
        List<String> all = new ArrayList<>(args);
        all.addAll(List.of(image, "sleep", "100"));
        return all.toArray(String[]::new);
    }

}
