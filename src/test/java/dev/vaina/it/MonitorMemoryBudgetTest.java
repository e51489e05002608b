package dev.vaina.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vaina.it.support.EachMode;
import dev.vaina.it.support.VainaCli;
import java.io.IOException;
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
    /** Measured about 12-13 MiB with the installed flags and archive (22 MiB before them); margin for noise. */
    private static final long BUDGET_KIB = 16 * 1024;
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
            assertWithinBudget(vaina, names, "running");
        } finally {
            for (String name : names) {
                vaina.run("rm", "-f", "-t", "0", name);
            }
        }
    }

    /** The mean PSS of the monitors of the containers {@code names} is within the budget. */
    static void assertWithinBudget(VainaCli vaina, List<String> names, String what) throws IOException {
        long total = 0;
        StringBuilder each = new StringBuilder();
        for (String name : names) {
            String pid = vaina.systemctl("show", "-p", "MainPID", "--value", "container-" + name + ".service")
                    .assertSuccess().stdout().strip();
            long pss = pssKib(pid);
            total += pss;
            each.append(' ').append(pss);
        }
        long mean = total / names.size();
        System.out.println("monitor PSS with " + names.size() + " " + what + " (" + vaina.mode() + "): mean " + mean
                + " KiB, each" + each);
        assertTrue(mean <= BUDGET_KIB, "mean PSS per monitor " + mean + " KiB is above the budget of "
                + BUDGET_KIB + " KiB (each:" + each + " KiB)");
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
