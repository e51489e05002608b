package dev.vaina.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vaina.it.support.CgroupHost;
import dev.vaina.it.support.EachMode;
import dev.vaina.it.support.Result;
import dev.vaina.it.support.VainaCli;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;

/** Pods: the infra container, shared namespaces, every pod verb, and a pod as a systemd unit. */
class PodTest {

    /** The walk-through every Podman tutorial shows, with Podman's columns and statuses. */
    @EachMode
    void tutorialWalkThrough_columnsAndStatusesAsPodman(VainaCli vaina) throws Exception {
        String pod = "pod_prueba-" + vaina.mode();
        String image = Images.busybox(vaina);
        Result create = vaina.run("pod", "create", "--name", pod).assertSuccess();
        String podId = create.stdout().strip();
        assertTrue(podId.matches("[0-9a-f]{64}"), create::describe);
        try {
            List<String> list = lines(vaina.run("pod", "list").assertSuccess());
            assertEquals(List.of("POD ID", "NAME", "STATUS", "CREATED", "INFRA ID", "# OF CONTAINERS"), columns(list.get(0)));
            String row = only(list, l -> l.startsWith(podId.substring(0, 12)));
            List<String> cells = columns(row);
            assertEquals(pod, cells.get(1));
            assertEquals("Created", cells.get(2));
            String infraId = cells.get(4);
            assertEquals("1", cells.get(5));

            List<String> ps = lines(vaina.run("ps", "-a", "--pod").assertSuccess());
            assertEquals(List.of("CONTAINER ID", "IMAGE", "COMMAND", "CREATED", "STATUS", "PORTS", "NAMES", "POD ID",
                    "PODNAME"), columns(ps.get(0)));
            String infraRow = only(ps, l -> l.startsWith(infraId));
            assertTrue(infraRow.contains("Created") && infraRow.contains(podId.substring(0, 12) + "-infra")
                    && infraRow.endsWith(podId.substring(0, 12) + "  " + pod), infraRow);

            vaina.run("run", "-dt", "--name", "top-" + vaina.mode(), "--pod", podId.substring(0, 12), image, "top")
                    .assertSuccess();
            vaina.run("run", "-dt", "--name", "ls-" + vaina.mode(), "--pod", podId.substring(0, 12), image, "ls")
                    .assertSuccess();
            awaitStatus(vaina, "ls-" + vaina.mode(), "Exited (0)");
            List<String> after = lines(vaina.run("ps", "-a", "--pod").assertSuccess());
            assertTrue(only(after, l -> l.contains("top-" + vaina.mode())).contains(" Up "), after::toString);
            assertTrue(only(after, l -> l.contains(podId.substring(0, 12) + "-infra")).contains(" Up "), after::toString);
            List<String> podRow = columns(only(lines(vaina.run("pod", "ps").assertSuccess()),
                    l -> l.startsWith(podId.substring(0, 12))));
            // Two of three containers run: Podman calls that Degraded.
            assertEquals("Degraded", podRow.get(2));
            assertEquals("3", podRow.get(5));
        } finally {
            vaina.run("pod", "rm", "-f", "-t", "0", pod);
        }
        assertNoPod(vaina, pod);
    }

    @EachMode
    void members_shareLocalhostAndHostname(VainaCli vaina) {
        String pod = "shared-" + vaina.mode();
        String image = Images.busybox(vaina);
        vaina.run("pod", "create", "--name", pod, "--hostname", "podhost").assertSuccess();
        try {
            vaina.run("run", "-d", "--pod", pod, "--name", "srv-" + vaina.mode(), image, "sh", "-c",
                    "echo from-the-server > /tmp/index.html; exec httpd -f -p 8080 -h /tmp").assertSuccess();
            Result client = vaina.run("run", "--rm", "--pod", pod, image, "sh", "-c",
                    "hostname; for i in 1 2 3 4 5 6 7 8 9 10; do wget -qO- http://127.0.0.1:8080/index.html && exit 0;"
                            + " sleep 0.2; done; exit 1").assertSuccess();
            assertEquals("podhost\nfrom-the-server\n", client.stdout(), client::describe);

            Result hostname = vaina.run("run", "--rm", "--pod", pod, "--hostname", "other", image, "true");
            hostname.assertExitCode(125);
            assertTrue(hostname.stderr().contains("cannot set hostname when joining the pod UTS namespace"),
                    hostname::describe);
        } finally {
            vaina.run("pod", "rm", "-f", "-t", "0", pod);
        }
        assertNoPod(vaina, pod);
    }

    /** The pod's published port reaches a member's server; a member's own -p is refused, as Podman refuses it. */
    @EachMode
    void publishedPortOfThePod_reachesAMember(VainaCli vaina) throws Exception {
        String pod = "ports-" + vaina.mode();
        String image = Images.busybox(vaina);
        int port = NetworkTest.freePort();
        vaina.run("pod", "create", "--name", pod, "-p", port + ":8080").assertSuccess();
        try {
            vaina.run("run", "-d", "--pod", pod, image, "sh", "-c",
                    "echo from-the-pod > /tmp/index.html; exec httpd -f -p 8080 -h /tmp").assertSuccess();
            assertEquals("from-the-pod\n", NetworkTest.httpGet("127.0.0.1", port));
            Result own = vaina.run("run", "--rm", "--pod", pod, "-p", "9999:80", image, "true");
            own.assertExitCode(125);
            assertEquals("Error: invalid config provided: published or exposed ports must be defined when the pod is"
                    + " created: network cannot be configured when it is shared with a pod\n", own.stderr());
        } finally {
            vaina.run("pod", "rm", "-f", "-t", "0", pod);
        }
        assertNoPod(vaina, pod);
    }

    /** systemd runs the pod: its unit starts the infra container and every member, and stops them. */
    @EachMode
    void systemctlStartAndStop_ofThePodUnit_showInPodPs(VainaCli vaina) throws Exception {
        String pod = "unit-" + vaina.mode();
        String member = "member-" + vaina.mode();
        String late = "late-" + vaina.mode();
        String image = Images.busybox(vaina);
        vaina.run("pod", "create", "--name", pod).assertSuccess();
        try {
            vaina.run("create", "--pod", pod, "--name", member, image, "sleep", "1000").assertSuccess();
            vaina.systemctl("start", "pod-" + pod + ".service").assertSuccess();
            awaitPodStatus(vaina, pod, "Running");
            awaitUnitState(vaina, "container-" + member + ".service", "active");

            // A member made while the pod runs, its unit in the manager's memory: the pod's next start starts it.
            vaina.run("create", "--pod", pod, "--name", late, image, "sleep", "1000").assertSuccess();
            vaina.systemctl("stop", "pod-" + pod + ".service").assertSuccess();
            awaitUnitState(vaina, "container-" + member + ".service", "failed");
            vaina.systemctl("start", "pod-" + pod + ".service").assertSuccess();
            awaitUnitState(vaina, "container-" + late + ".service", "active");
            awaitUnitState(vaina, "container-" + member + ".service", "active");

            vaina.systemctl("stop", "pod-" + pod + ".service").assertSuccess();
            awaitPodStatus(vaina, pod, "Exited");
            // Stopped by SIGTERM, the member exits 143: its unit is failed, as a stopped container's is.
            awaitUnitState(vaina, "container-" + member + ".service", "failed");

            vaina.run("pod", "start", pod).assertSuccess();
            awaitPodStatus(vaina, pod, "Running");
            vaina.run("pod", "stop", pod).assertSuccess();
            awaitPodStatus(vaina, pod, "Exited");
            vaina.run("pod", "restart", pod).assertSuccess();
            awaitPodStatus(vaina, pod, "Running");
            vaina.run("pod", "kill", pod).assertSuccess();
            awaitPodStatus(vaina, pod, "Exited");
        } finally {
            vaina.run("pod", "rm", "-f", "-t", "0", pod);
        }
        assertNoPod(vaina, pod);
        RunTest.assertNoContainer(vaina, member);
        RunTest.assertNoContainer(vaina, late);
    }

    /** --exit-policy stop: the pod's unit stops once its last member has exited. */
    @EachMode
    void exitPolicyStop_stopsThePodAfterItsLastMember(VainaCli vaina) throws Exception {
        String pod = "policy-" + vaina.mode();
        vaina.run("pod", "create", "--name", pod, "--exit-policy", "stop").assertSuccess();
        try {
            vaina.run("run", "-d", "--pod", pod, Images.busybox(vaina), "sleep", "1").assertSuccess();
            awaitPodStatus(vaina, pod, "Exited");
            awaitUnitState(vaina, "pod-" + pod + ".service", "inactive");
        } finally {
            vaina.run("pod", "rm", "-f", "-t", "0", pod);
        }
        assertNoPod(vaina, pod);
    }

    /**
     * With a stop timeout, pod stop signals the infra container only once every member has exited: a member that
     * takes a second over its stop signal still has the pod's network interfaces when it ends.
     */
    @EachMode
    void stop_leavesThePodsNetworkToMembersUntilTheyHaveExited(VainaCli vaina) throws Exception {
        String pod = "graceful-" + vaina.mode();
        String member = "slow-" + vaina.mode();
        vaina.run("pod", "create", "--name", pod).assertSuccess();
        try {
            vaina.run("run", "-d", "--pod", pod, "--name", member, Images.busybox(vaina), "sh", "-c",
                    "echo before $(ls /sys/class/net); trap 'sleep 1; echo after $(ls /sys/class/net); exit 0' TERM;"
                            + " while :; do sleep 0.1; done").assertSuccess();
            awaitLog(vaina, member, "before");
            vaina.run("pod", "stop", "-t", "10", pod).assertSuccess();
            List<String> log = lines(vaina.run("logs", member).assertSuccess());
            assertEquals(2, log.size(), log::toString);
            String interfaces = log.get(0).substring("before".length());
            assertTrue(interfaces.contains(" lo") && !interfaces.strip().equals("lo"), log::toString);
            assertEquals("after" + interfaces, log.get(1));
            awaitStatus(vaina, member, "Exited (0)");
        } finally {
            vaina.run("pod", "rm", "-f", "-t", "0", pod);
        }
        assertNoPod(vaina, pod);
    }

    /** pod pause freezes every container; rootless on cgroup v1 there is no freezer, and it says so. */
    @EachMode
    void pauseAndUnpause_showInThePodsState(VainaCli vaina) throws Exception {
        String pod = "frozen-" + vaina.mode();
        vaina.run("pod", "create", "--name", pod).assertSuccess();
        try {
            vaina.run("run", "-d", "--pod", pod, Images.busybox(vaina), "sleep", "1000").assertSuccess();
            if (!CgroupHost.controllersFor(vaina)) {
                Result refused = vaina.run("pod", "pause", pod);
                refused.assertExitCode(125);
                assertTrue(refused.stderr().contains("can not pause containers on rootless containers with cgroup V1"),
                        refused::describe);
                return;
            }
            vaina.run("pod", "pause", pod).assertSuccess();
            awaitPodStatus(vaina, pod, "Paused");
            vaina.run("pod", "unpause", pod).assertSuccess();
            awaitPodStatus(vaina, pod, "Running");
        } finally {
            vaina.run("pod", "rm", "-f", "-t", "0", pod);
        }
        assertNoPod(vaina, pod);
    }

    @EachMode
    void removal_refusesRunningPodsAndTheInfraAlone_andLeavesNothingWithForce(VainaCli vaina) throws Exception {
        String pod = "rm-" + vaina.mode();
        String image = Images.busybox(vaina);
        String podId = vaina.run("pod", "create", "--name", pod).assertSuccess().stdout().strip();
        try {
            vaina.run("run", "-d", "--pod", pod, "--name", "busy-" + vaina.mode(), image, "sleep", "1000")
                    .assertSuccess();
            String infraId = inspectField(vaina, pod, "InfraContainerID");

            Result infraRm = vaina.run("rm", "-f", infraId);
            infraRm.assertExitCode(125);
            assertTrue(infraRm.stderr().contains("is the infra container of pod " + podId
                    + " and cannot be removed without removing the pod"), infraRm::describe);

            Result refused = vaina.run("pod", "rm", pod);
            refused.assertExitCode(125);
            assertTrue(refused.stderr().contains("cannot remove container") && refused.stderr().contains("as it is running"),
                    refused::describe);
            assertEquals(0, vaina.run("pod", "exists", pod).exitCode());

            // A monitor killed with SIGKILL: the next command repairs, and removal leaves nothing.
            String mainPid = vaina.systemctl("show", "-p", "MainPID", "--value", "pod-" + pod + ".service")
                    .stdout().strip();
            new ProcessBuilder("kill", "-KILL", mainPid).start().waitFor();
            Result removed = vaina.run("pod", "rm", "-f", pod).assertSuccess();
            assertEquals(podId + "\n", removed.stdout());
        } finally {
            vaina.run("pod", "rm", "-f", "-t", "0", pod);
        }
        assertNoPod(vaina, pod);
        RunTest.assertNoContainer(vaina, "busy-" + vaina.mode());
        assertEquals(1, vaina.run("pod", "exists", pod).exitCode());
        Result gone = vaina.run("pod", "rm", pod);
        gone.assertExitCode(1);
        assertTrue(gone.stderr().contains("no pod with name or ID " + pod + " found: no such pod"), gone::describe);
        assertEquals(0, vaina.run("pod", "rm", "--ignore", pod).exitCode());
    }

    @EachMode
    void podWithoutInfra_groupsItsMembers(VainaCli vaina) {
        String pod = "noinfra-" + vaina.mode();
        String image = Images.busybox(vaina);
        vaina.run("pod", "create", "--infra=false", "--name", pod).assertSuccess();
        try {
            List<String> row = columns(only(lines(vaina.run("pod", "ps").assertSuccess()), l -> l.contains(pod)));
            assertEquals(List.of("Created", "0"), List.of(row.get(2), row.get(row.size() - 1)));
            assertEquals("hello\n", vaina.run("run", "--rm", "--pod", pod, image, "echo", "hello").assertSuccess().stdout());
            Result inspect = vaina.run("pod", "inspect", pod).assertSuccess();
            assertTrue(inspect.stdout().replace(" ", "").contains("\"CreateInfra\":false"), inspect::describe);
        } finally {
            vaina.run("pod", "rm", "-f", "-t", "0", pod);
        }
        assertNoPod(vaina, pod);
    }

    /** Bad input is refused with Podman's messages and exit codes, and nothing is made. */
    @EachMode
    void badInput_isRefusedAsPodmanRefusesIt(VainaCli vaina) {
        Result share = vaina.run("pod", "create", "--share", "foo", "--name", "bad-" + vaina.mode());
        share.assertExitCode(125);
        assertEquals("Error: invalid kernel namespace to share: foo. Options are: cgroup, ipc, net, pid, uts or none\n",
                share.stderr());
        Result policy = vaina.run("pod", "create", "--exit-policy", "foo", "--name", "bad-" + vaina.mode());
        policy.assertExitCode(125);
        assertEquals("Error: running pod create option: invalid pod exit policy: \"foo\"\n", policy.stderr());
        Result name = vaina.run("pod", "create", "--name", "bad name");
        name.assertExitCode(125);
        assertEquals("Error: running pod create option: names must match [a-zA-Z0-9][a-zA-Z0-9_.-]*: invalid argument\n",
                name.stderr());
        Result missing = vaina.run("run", "--rm", "--pod", "no-such-pod", Images.busybox(vaina), "true");
        missing.assertExitCode(125);
        assertEquals("Error: no pod with name or ID no-such-pod found: no such pod\n", missing.stderr());
        assertEquals(1, vaina.run("pod", "exists", "bad-" + vaina.mode()).exitCode());

        String pod = "dup-" + vaina.mode();
        vaina.run("pod", "create", "--name", pod).assertSuccess();
        try {
            Result again = vaina.run("pod", "create", "--name", pod);
            again.assertExitCode(125);
            assertEquals("Error: adding pod to state: name \"" + pod + "\" is in use: pod already exists\n",
                    again.stderr());
        } finally {
            vaina.run("pod", "rm", "-f", "-t", "0", pod);
        }
    }

    @EachMode
    void inspect_describesThePodAndItsContainers(VainaCli vaina) {
        String pod = "insp-" + vaina.mode();
        String podId = vaina.run("pod", "create", "--name", pod, "-l", "app=web", "--share", "ipc,net").assertSuccess()
                .stdout().strip();
        try {
            String json = vaina.run("pod", "inspect", pod).assertSuccess().stdout().replace(" ", "");
            assertTrue(json.startsWith("{"), json);
            assertTrue(json.contains("\"Id\":\"" + podId + "\""), json);
            assertTrue(json.contains("\"Name\":\"" + pod + "\""), json);
            assertTrue(json.contains("\"State\":\"Created\""), json);
            assertTrue(json.contains("\"app\":\"web\""), json);
            assertTrue(json.replace("\n", "").contains("\"SharedNamespaces\":[\"ipc\",\"net\"]"), json);
            assertTrue(json.contains("\"NumContainers\":1"), json);
            Result unknown = vaina.run("pod", "inspect", "no-such-pod");
            unknown.assertExitCode(125);
            assertTrue(unknown.stderr().contains("no such pod no-such-pod"), unknown::describe);
        } finally {
            vaina.run("pod", "rm", "-f", "-t", "0", pod);
        }
    }

    /** --pod new:NAME makes a pod for the container, which goes again when the container cannot be made. */
    @EachMode
    void newPod_isMadeForTheContainer_andGoesWithAFailedCreate(VainaCli vaina) {
        String image = Images.busybox(vaina);
        String pod = "newpod-" + vaina.mode();
        String member = "newpod-member-" + vaina.mode();
        try {
            vaina.run("create", "--pod", "new:" + pod, "--name", member, image, "true").assertSuccess();
            String podId = vaina.run("pod", "ps", "-q", "--no-trunc", "--filter", "name=^" + pod + "$").assertSuccess()
                    .stdout();
            assertTrue(podId.matches("[0-9a-f]{64}\n"), podId);
            assertEquals(podId, vaina.run("ps", "-a", "--no-trunc", "--filter", "name=^" + member + "$", "--format",
                    "{{.Pod}}").assertSuccess().stdout());
        } finally {
            vaina.run("pod", "rm", "-f", "-t", "0", pod);
        }
        assertNoPod(vaina, pod);

        // The member cannot be made: the pod shares its UTS namespace, so it fixes the host name.
        Result hostname = vaina.run("create", "--pod", "new:" + pod, "--hostname", "other", image, "true")
                .assertExitCode(125);
        assertTrue(hostname.stderr().contains("cannot set hostname when joining the pod UTS namespace"),
                hostname::describe);
        assertNoPod(vaina, pod);

        // The member is made, but the command's last step, writing --cidfile (under a file, not a folder), fails:
        // both go.
        Result cidfile = vaina.run("create", "--pod", "new:" + pod, "--name", member, "--cidfile",
                "/etc/hostname/cid", image, "true").assertExitCode(125);
        assertTrue(cidfile.stderr().contains("cannot write the container id to /etc/hostname/cid"),
                cidfile::describe);
        assertNoPod(vaina, pod);
        vaina.run("container", "exists", member).assertExitCode(1);
    }

    static void assertNoPod(VainaCli vaina, String pod) {
        assertEquals(1, vaina.run("pod", "exists", pod).exitCode());
        Result unit = vaina.systemctl("show", "-p", "LoadState", "--value", "pod-" + pod + ".service");
        assertEquals("not-found", unit.stdout().strip(), unit::describe);
        Path runtimeDir = Path.of(vaina.environment().get("XDG_RUNTIME_DIR"), "systemd", "user");
        assertFalse(Files.exists(runtimeDir.resolve("pod-" + pod + ".service")));
        assertFalse(Files.exists(runtimeDir.resolve("pod-" + pod + ".service.wants")));
        Result ps = vaina.run("ps", "-a", "--pod").assertSuccess();
        assertFalse(ps.stdout().contains(" " + pod + "\n"), ps::describe);
    }

    private static String inspectField(VainaCli vaina, String pod, String field) {
        String json = vaina.run("pod", "inspect", pod).assertSuccess().stdout();
        int key = json.indexOf("\"" + field + "\"");
        int start = json.indexOf('"', json.indexOf(':', key) + 1) + 1;
        return json.substring(start, json.indexOf('"', start));
    }

    private static void awaitUnitState(VainaCli vaina, String unit, String state) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        String now;
        do {
            now = vaina.systemctl("show", "-p", "ActiveState", "--value", unit).stdout().strip();
            if (now.equals(state)) {
                return;
            }
            Thread.sleep(100);
        } while (System.nanoTime() < deadline);
        assertEquals(state, now, unit);
    }

    private static void awaitStatus(VainaCli vaina, String container, String status) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        Result ps;
        do {
            ps = vaina.run("ps", "-a", "--filter", "name=^" + container + "$").assertSuccess();
            if (ps.stdout().contains(status)) {
                return;
            }
            Thread.sleep(100);
        } while (System.nanoTime() < deadline);
        throw new AssertionError("container " + container + " did not reach " + status + ": " + ps.describe());
    }

    private static void awaitLog(VainaCli vaina, String container, String text) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        Result logs;
        do {
            logs = vaina.run("logs", container).assertSuccess();
            if (logs.stdout().contains(text)) {
                return;
            }
            Thread.sleep(100);
        } while (System.nanoTime() < deadline);
        throw new AssertionError("container " + container + " did not write " + text + ": " + logs.describe());
    }

    private static void awaitPodStatus(VainaCli vaina, String pod, String status) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        Result ps;
        do {
            ps = vaina.run("pod", "ps", "--filter", "name=^" + pod + "$").assertSuccess();
            List<String> lines = lines(ps);
            if (lines.size() == 2 && columns(lines.get(1)).get(2).equals(status)) {
                return;
            }
            Thread.sleep(100);
        } while (System.nanoTime() < deadline);
        throw new AssertionError("pod " + pod + " did not reach " + status + ": " + ps.describe());
    }

    private static List<String> lines(Result result) {
        return result.stdout().lines().toList();
    }

    /** A table row's cells: Podman separates columns by two or more spaces. */
    static List<String> columns(String line) {
        return Arrays.asList(line.strip().split(" {2,}"));
    }

    private static String only(List<String> lines, Predicate<String> which) {
        List<String> matching = lines.stream().filter(which).toList();
        assertEquals(1, matching.size(), () -> "expected one matching line in " + lines);
        return matching.get(0);
    }
}
