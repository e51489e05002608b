package dev.vaina.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vaina.it.support.EachMode;
import dev.vaina.it.support.VainaCli;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The monitor lives as long as its container, one per container, so its memory is multiplied: with ten
 * running, each must stay within its budget of proportional set size (shared pages counted once, split
 * among the processes that map them, as /proc/PID/smaps_rollup reports).
 */
class MonitorMemoryBudgetTest {
    /**
     * A monitor that only keeps its container's output, held to the aim of 12 MiB: measured 9.4-10.2 MiB rootful
     * and 10.0-10.2 rootless with the installed flags and archive (22 MiB before them; 12.3-13 before JNA was loaded
     * without java.util.logging, 10.8 and 11.7 before the archives' objects were mapped with G1).
     */
    private static final long BUDGET_KIB = 12 * 1024;
    private static final int CONTAINERS = 10;

    @EachMode
    void tenRunningMonitors_stayWithinTheirBudget(VainaCli vaina) throws IOException {
        List<String> names = new ArrayList<>();
        try {
            for (int i = 0; i < CONTAINERS; i++) {
                String name = "budget-" + vaina.mode() + "-" + i;
                names.add(name);
                vaina.run("run", "-d", "--stop-timeout", "0", "--name", name, Images.busybox(vaina), "sleep", "1000").assertSuccess();
            }
            assertWithinBudget(vaina, names, "running", BUDGET_KIB);
            for (String name : names) {
                assertJarClosed(vaina, name);
            }
        } finally {
            for (String name : names) {
                vaina.run("rm", "-f", "-t", "0", name);
            }
        }
    }

    /** The mean PSS of the monitors of the containers {@code names} is within {@code budgetKib}. */
    static void assertWithinBudget(VainaCli vaina, List<String> names, String what, long budgetKib)
            throws IOException {
        long total = 0;
        StringBuilder each = new StringBuilder();
        for (String name : names) {
            long pss = pssKib(monitorPid(vaina, name));
            total += pss;
            each.append(' ').append(pss);
        }
        long mean = total / names.size();
        System.out.println("monitor PSS with " + names.size() + " " + what + " (" + vaina.mode() + "): mean " + mean
                + " KiB, each" + each);
        assertTrue(mean <= budgetKib, "mean PSS per monitor " + mean + " KiB is above the budget of "
                + budgetKib + " KiB (each:" + each + " KiB)");
    }

    /**
     * The running monitor of container {@code name} holds no file of the class path open: every class it loads
     * comes from its class-data archive, and a jar opened keeps its central directory in the monitor's heap
     * for the container's life (what JNA's logger once cost through LogManager's ServiceLoader lookup).
     */
    private static void assertJarClosed(VainaCli vaina, String name) throws IOException {
        String pid = monitorPid(vaina, name);
        List<String> jars = new ArrayList<>();
        try (DirectoryStream<Path> fds = Files.newDirectoryStream(Path.of("/proc", pid, "fd"))) {
            for (Path fd : fds) {
                String target;
                try {
                    target = Files.readSymbolicLink(fd).toString();
                } catch (IOException closedMeanwhile) {
                    continue;
                }
                if (target.endsWith(".jar")) {
                    jars.add(fd.getFileName() + " -> " + target);
                }
            }
        }
        assertTrue(jars.isEmpty(), "the monitor of " + name + " (PID " + pid + ") holds its jar open: " + jars);
    }

    private static String monitorPid(VainaCli vaina, String name) {
        return vaina.systemctl("show", "-p", "MainPID", "--value", "container-" + name + ".service")
                .assertSuccess().stdout().strip();
    }

    private static long pssKib(String pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", pid, "smaps_rollup"))) {
            if (line.startsWith("Pss:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        throw new IOException("no Pss line in /proc/" + pid + "/smaps_rollup");
    }
}
