package dev.vaina.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vaina.it.support.CgroupHost;
import dev.vaina.it.support.EachMode;
import dev.vaina.it.support.ModePodman;
import dev.vaina.it.support.Result;
import dev.vaina.it.support.VainaCli;
import java.util.List;

/** The pod verbs over every member (top, stats, logs), pod ps templates, a pod's slice and limits, pod clone. */
class PodExtrasTest {
    static final String PS_TEMPLATE = "{{.Name}}|{{.Status}}|{{.NumberOfContainers}}|{{.Labels}}|{{.Networks}}"
            + "|{{.ContainerStatuses}}|{{.Namespace}}";

    @EachMode
    void topStatsLogsAndPsTemplates_overEveryMember_asPodmanLaysThemOut(VainaCli vaina) throws Exception {
        String pod = "extras-" + vaina.mode();
        String data = vaina.exec(List.of("sh", "-c", "d=$(mktemp -d /tmp/pv.XXXXXX) && echo shared > $d/f && echo $d"))
                .assertSuccess().stdout().strip();
        vaina.run("pod", "create", "--name", pod, "--label", "a=b", "--label", "c=d", "-v", data + ":/data").assertSuccess();
        try {
            String m1 = vaina.run("run", "-d", "--pod", pod, "--name", pod + "-m1", Images.busybox(vaina), "sh", "-c",
                    "cat /data/f; echo from-m1; exec sleep 1000").assertSuccess().stdout().strip();
            String m2 = vaina.run("run", "-d", "--pod", pod, "--name", pod + "-m2", Images.busybox(vaina), "sh", "-c",
                    "echo from-m2; exec sleep 1001").assertSuccess().stdout().strip();
            awaitLog(vaina, pod, m2.substring(0, 12) + " from-m2");

            List<String> top = vaina.run("pod", "top", pod).assertSuccess().stdout().lines().toList();
            assertEquals(List.of("USER", "PID", "PPID", "%CPU", "ELAPSED", "TTY", "TIME", "COMMAND"),
                    PodTest.columns(top.get(0)));
            assertEquals(4, top.size(), "the infra container's process and each member's: " + top);
            assertTrue(top.stream().anyMatch(l -> l.endsWith("sleep 1000")) && top.stream().anyMatch(l -> l.endsWith("sleep 1001"))
                    && top.stream().anyMatch(l -> l.contains("catatonit")), top::toString);
            assertEquals(List.of("PID", "COMMAND"), PodTest.columns(vaina.run("pod", "top", pod, "pid,comm")
                    .assertSuccess().stdout().lines().findFirst().orElseThrow()));

            String logs = vaina.run("pod", "logs", pod).assertSuccess().stdout();
            assertTrue(logs.contains(m1.substring(0, 12) + " shared\n" + m1.substring(0, 12) + " from-m1\n")
                    && logs.contains(m2.substring(0, 12) + " from-m2\n"), logs);
            assertTrue(vaina.run("pod", "logs", "--names", pod).stdout().contains(pod + "-m1 from-m1\n"));
            assertEquals("from-m2\n", vaina.run("pod", "logs", "-c", pod + "-m2", "--tail", "1", pod).assertSuccess().stdout());

            if (!CgroupHost.controllersFor(vaina)) {
                assertEquals("Error: pod stats is not supported in rootless mode without cgroups v2\n",
                        vaina.run("pod", "stats", "--no-stream", pod).assertExitCode(125).stderr());
            } else {
                vaina.run("stop", "-t", "0", pod + "-m2").assertSuccess();
                List<String> stats = vaina.run("pod", "stats", "--no-stream", pod).assertSuccess().stdout().lines().toList();
                assertEquals(List.of("POD", "CID", "NAME", "CPU %", "MEM USAGE/ LIMIT", "MEM %", "NET IO", "BLOCK IO",
                        "PIDS"), PodTest.columns(stats.get(0)), stats::toString);
                assertEquals(4, stats.size(), stats::toString);
                List<String> running = PodTest.columns(stats.stream().filter(l -> l.contains(pod + "-m1")).findFirst().orElseThrow());
                assertTrue(running.get(4).matches("[0-9.]+[kMG]?B / [0-9.]+[kMGT]?B") && running.get(8).equals("1"),
                        running::toString);
                List<String> stopped = PodTest.columns(stats.stream().filter(l -> l.contains(pod + "-m2")).findFirst().orElseThrow());
                assertEquals(List.of("--", "-- / --", "--", "-- / --", "-- / --", "--"), stopped.subList(3, 9),
                        "a container that does not run, as Podman shows it");
                assertTrue(vaina.run("pod", "stats", "--no-stream", "--format", "{{.Name}} {{.PIDS}}", pod).assertSuccess()
                        .stdout().lines().toList().contains(pod + "-m1 1"));
            }

            try (ModePodman podman = ModePodman.start(vaina)) {
                String fresh = pod + "-ps";
                podman.run("pod", "create", "--name", fresh, "--label", "a=b", "--label", "c=d").assertSuccess();
                vaina.run("pod", "create", "--name", fresh, "--label", "a=b", "--label", "c=d").assertSuccess();
                try {
                    String filter = "name=^" + fresh + "$";
                    assertEquals(podman.run("pod", "ps", "--filter", filter, "--format", PS_TEMPLATE).assertSuccess().stdout(),
                            vaina.run("pod", "ps", "--filter", filter, "--format", PS_TEMPLATE).assertSuccess().stdout());
                } finally {
                    vaina.run("pod", "rm", "-f", "-t", "0", fresh);
                }
                for (String format : new String[] {"table {{.ID}} {{.Name}} {{.InfraID}} {{.ContainerNames}} {{.Cgroup}}",
                        "{{.Nope}}"}) {
                    Result ours = vaina.run("pod", "ps", "--format", format);
                    Result reference = podman.run("pod", "ps", "--format", format);
                    assertEquals(reference.exitCode(), ours.exitCode(), ours::describe);
                    assertEquals(reference.stderr(), ours.stderr());
                    assertEquals(reference.stdout().lines().findFirst().orElse("").replaceAll(" +", " "),
                            ours.stdout().lines().findFirst().orElse("").replaceAll(" +", " "), "the header row");
                }
            }
        } finally {
            vaina.run("pod", "rm", "-f", "-t", "0", pod);
            vaina.exec(List.of("rm", "-rf", data));
        }
    }

    @EachMode
    void slice_cloneAndPodLimits(VainaCli vaina) throws Exception {
        String pod = "sliced-" + vaina.mode();
        String id = vaina.run("pod", "create", "--name", pod, "--cgroup-parent", "vainatest.slice").assertSuccess()
                .stdout().strip();
        String loose = "loose-" + vaina.mode();
        vaina.run("pod", "create", "--name", loose, "--share-parent=false").assertSuccess();
        try {
            vaina.run("run", "-d", "--pod", pod, "--name", pod + "-m", Images.busybox(vaina), "sleep", "1000").assertSuccess();
            String slice = "vainatest-pod_" + id.substring(0, 12) + ".slice";
            assertEquals("Slice=" + slice + "\n", vaina.systemctl("show", "container-" + pod + "-m.service", "-p", "Slice")
                    .assertSuccess().stdout());
            assertTrue(vaina.systemctl("show", "pod-" + pod + ".service", "-p", "ControlGroup").stdout()
                    .contains("/vainatest.slice/" + slice + "/pod-" + pod + ".service"), "the infra container too");
            assertEquals("vainatest.slice vainatest.slice/" + slice + "\n", inspectCgroup(vaina, pod));

            vaina.run("run", "-d", "--pod", loose, "--name", loose + "-m", Images.busybox(vaina), "sleep", "1000").assertSuccess();
            assertFalse(vaina.systemctl("show", "container-" + loose + "-m.service", "-p", "Slice").stdout()
                    .contains("pod_"), "--share-parent=false: the member stays in the manager's default slice");
            assertTrue(vaina.systemctl("show", "pod-" + loose + ".service", "-p", "Slice").stdout().contains("vaina-pod_"));

            // Stopped first, without a grace period: sleep, as PID 1, ignores the stop signal, so --destroy would wait.
            vaina.run("pod", "stop", "-t", "0", pod).assertSuccess();
            String clone = vaina.run("pod", "clone", "--name", pod + "-2", "--start", "--destroy", pod).assertSuccess()
                    .stdout().strip();
            assertTrue(clone.matches("[0-9a-f]{64}"), clone);
            assertEquals("1\n", vaina.run("pod", "exists", pod).exitCode() + "\n", "--destroy removed the source");
            String row = vaina.run("pod", "ps", "--ctr-names", "--ctr-status", "--filter", "name=" + pod + "-2")
                    .assertSuccess().stdout().lines().skip(1).findFirst().orElseThrow();
            assertTrue(row.contains(clone.substring(0, 12) + "-infra," + pod + "-m-clone") && row.contains("running,running"), row);
            assertEquals("Slice=vainatest-pod_" + clone.substring(0, 12) + ".slice\n", vaina.systemctl("show",
                    "container-" + pod + "-m-clone.service", "-p", "Slice").stdout(), "the clone keeps --cgroup-parent");

            Result bad = vaina.run("pod", "create", "--cgroup-parent", "/my/cgroup", "--name", pod + "-bad").assertExitCode(125);
            assertTrue(bad.stderr().contains("must be a slice name such as my.slice"), bad::describe);
            Result limited = vaina.run("pod", "create", "--name", pod + "-lim", "--memory", "64m", "--cpus", "0.5");
            if (CgroupHost.unified()) {
                limited.assertSuccess();
                String limitedSlice = "vaina-pod_" + limited.stdout().strip().substring(0, 12) + ".slice";
                vaina.run("run", "-d", "--pod", pod + "-lim", Images.busybox(vaina), "sleep", "1000").assertSuccess();
                assertEquals("CPUQuotaPerSecUSec=500ms\nMemoryMax=67108864\n", vaina.systemctl("show", limitedSlice,
                        "-p", "MemoryMax", "-p", "CPUQuotaPerSecUSec").stdout());
            } else {
                limited.assertExitCode(125);
                assertTrue(limited.stderr().contains(vaina.mode() == dev.vaina.it.support.Mode.ROOTFUL
                        ? "a systemd user manager controls no cgroups on cgroup v1"
                        : "Resource limits are not supported on cgroups V1 rootless systems"), limited::describe);
                assertEquals(1, vaina.run("pod", "exists", pod + "-lim").exitCode(), "nothing is left of a refused pod");
            }
        } finally {
            for (String name : new String[] {pod, pod + "-2", pod + "-lim", loose}) {
                vaina.run("pod", "rm", "-f", "-t", "0", name);
            }
        }
    }

    private static String inspectCgroup(VainaCli vaina, String pod) {
        Result inspect = vaina.run("pod", "inspect", pod).assertSuccess();
        String cgroupParent = inspect.stdout().lines().filter(l -> l.contains("\"CgroupParent\"")).findFirst().orElseThrow();
        String cgroupPath = inspect.stdout().lines().filter(l -> l.contains("\"CgroupPath\"")).findFirst().orElseThrow();
        return cgroupParent.replaceAll(".*: \"(.*)\",?", "$1") + " " + cgroupPath.replaceAll(".*: \"(.*)\",?", "$1") + "\n";
    }

    private static void awaitLog(VainaCli vaina, String pod, String line) throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            if (vaina.run("pod", "logs", pod).stdout().contains(line)) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no line \"" + line + "\" in the logs of pod " + pod);
    }
}
