package dev.vaina.monitor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads a process's memory from /proc/PID/smaps_rollup and prints it, so test logs carry the figure. */
final class MonitorMemory {
    private MonitorMemory() {
    }

    /** Returns the RSS in KiB. */
    static long report(long pid) throws IOException {
        long rss = 0;
        long pss = 0;
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/smaps_rollup"))) {
            if (line.startsWith("Rss:")) {
                rss = kib(line);
            } else if (line.startsWith("Pss:")) {
                pss = kib(line);
            }
        }
        System.out.println("monitor memory (pid " + pid + "): Rss " + rss + " KiB, Pss " + pss + " KiB");
        return rss;
    }

    private static long kib(String line) {
        return Long.parseLong(line.replaceAll("[^0-9]", ""));
    }
}
