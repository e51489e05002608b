package dev.vaina.systemd;

/**
 * Measures what a CLI command pays to start a unit, in a fresh JVM: java -cp ... dev.vaina.systemd.StartTiming
 * UNIT. Prints connect, start-and-wait and status times in milliseconds and the number of loaded classes.
 */
public final class StartTiming {
    public static void main(String[] args) {
        long t0 = System.nanoTime();
        try (Systemd systemd = Systemd.connect(ManagerScope.choose(null))) {
            long t1 = System.nanoTime();
            JobResult result = systemd.startUnit(args[0]);
            long t2 = System.nanoTime();
            UnitStatus status = systemd.status(args[0]);
            long t3 = System.nanoTime();
            System.out.printf("connect %.1f ms, start+job %.1f ms (%s), status %.1f ms (%s/%s pid %d), total %.1f ms,"
                    + " %d classes loaded%n", (t1 - t0) / 1e6, (t2 - t1) / 1e6, result, (t3 - t2) / 1e6,
                    status.activeState(), status.subState(), status.mainPid(), (t3 - t0) / 1e6,
                    java.lang.management.ManagementFactory.getClassLoadingMXBean().getLoadedClassCount());
        }
    }
}
