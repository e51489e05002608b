package dev.vaina.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vaina.it.support.EachMode;
import dev.vaina.it.support.Result;
import dev.vaina.it.support.VainaCli;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The monitor lives as long as its container, one per container, so its memory is multiplied: with ten
 * running, each must stay within its budget of proportional set size (shared pages counted once, split
 * among the processes that map them, as /proc/PID/smaps_rollup reports).
 */
class MonitorMemoryBudgetTest {
    /**
     * A monitor that only keeps its container's output, held to 11 MiB (the aim was 12, then toward 8): measured
     * 8.9 MiB rootful with the installed flags and archive, alone on the machine (22 MiB before them; 12.3-13 before
     * JNA was loaded without java.util.logging's configuration, 10.8 and 11.7 before the archives' objects were
     * mapped with G1, 9.4-10.2 beside other tests before JNA logged through vaina's stand-in).
     */
    private static final long BUDGET_KIB = 11 * 1024;
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
            assertNoLoggingNorMethodHandles(vaina, names.get(0));
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

    /**
     * A running monitor has set up neither java.util.logging (JNA's classes log through vaina's stand-in, which the
     * build points them to) nor the method-handle machinery beyond what every JVM boots with: no lambda linked, no
     * class spun by the JDK's bytecode generator. Either cost every monitor about 1 MiB of PSS (8.9 against 10.0 MiB
     * with 10 running) and its start some milliseconds. The monitor's loaded classes are read by jcmd, the JDK's own
     * tool beside the java the wrapper runs, as the monitor's user.
     */
    private static void assertNoLoggingNorMethodHandles(VainaCli vaina, String name) throws IOException {
        Path lib = vaina.vainaExecutable().getParent().resolveSibling("lib/vaina");
        String wrapper = Files.readString(lib.resolve("vaina-monitor"));
        Matcher java = Pattern.compile("exec '([^']+)/java' ").matcher(wrapper);
        assertTrue(java.find(), wrapper);
        Path jcmd = Path.of(java.group(1), "jcmd");
        assertTrue(Files.isExecutable(jcmd), jcmd + " is missing: the JDK's tools come with the build's JDK");
        String pid = monitorPid(vaina, name);
        Result classes = vaina.exec(List.of(jcmd.toString(), pid, "VM.class_hierarchy")).assertSuccess();
        assertTrue(classes.stdout().contains("dev.vaina.monitor.Monitor"), classes::describe);
        List<String> unwanted = classes.stdout().lines().filter(line -> line.contains("java.util.logging.")
                || line.contains("$$Lambda$") || line.contains("LambdaForm$MH") || line.contains("objectweb.asm"))
                .toList();
        assertEquals(List.of(), unwanted, "the monitor of " + name + " (PID " + pid + ") loaded them");
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
