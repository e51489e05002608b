package dev.vaina.engine;

import dev.vaina.spec.Ascii;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;

/** A container's use read from its cgroup files, v1 (one directory per controller) or v2 (one directory). */
final class CgroupStats {
    /** cgroup v1 writes "no limit" as the largest page-aligned long. */
    private static final long V1_UNLIMITED = Long.MAX_VALUE / 4096 * 4096;

    private CgroupStats() {
    }

    static ResourceUsage read(ContainerCgroup cgroup, long pid, Duration uptime) throws IOException {
        long[] net = network(pid);
        Path v2 = cgroup.unified();
        if (v2 != null) {
            long[] io = ioStat(v2.resolve("io.stat"));
            String max = ContainerCgroup.readOrEmpty(v2.resolve("memory.max"));
            return new ResourceUsage(Duration.ofNanos(1000 * keyed(v2.resolve("cpu.stat"), "usage_usec")),
                    workingSet(number(v2.resolve("memory.current")), keyed(v2.resolve("memory.stat"), "inactive_file")),
                    limit(max.equals("max") || max.isEmpty() ? Long.MAX_VALUE : Long.parseLong(max)),
                    io[0], io[1], number(v2.resolve("pids.current")), net[0], net[1], uptime);
        }
        Path cpu = cgroup.controller("cpuacct");
        Path memory = cgroup.controller("memory");
        Path blkio = cgroup.controller("blkio");
        Path pids = cgroup.controller("pids");
        long[] io = blkio == null ? new long[2] : blkio(blkio);
        long limit = memory == null ? Long.MAX_VALUE : number(memory.resolve("memory.limit_in_bytes"));
        return new ResourceUsage(Duration.ofNanos(cpu == null ? 0 : number(cpu.resolve("cpuacct.usage"))),
                memory == null ? 0 : workingSet(number(memory.resolve("memory.usage_in_bytes")),
                        keyed(memory.resolve("memory.stat"), "total_inactive_file")),
                limit(limit >= V1_UNLIMITED ? Long.MAX_VALUE : limit), io[0], io[1],
                pids == null ? 0 : number(pids.resolve("pids.current")), net[0], net[1], uptime);
    }

    /** Podman's "usage": what the cgroup charges minus the page cache it could drop at once. */
    private static long workingSet(long usage, long inactiveFile) {
        return Math.max(0, usage - inactiveFile);
    }

    private static long limit(long cgroupLimit) throws IOException {
        long host = 1024 * keyed(Path.of("/proc/meminfo"), "MemTotal:");
        return cgroupLimit <= 0 || cgroupLimit > host ? host : cgroupLimit;
    }

    /** Read and write bytes from blkio's per-device "MAJ:MIN Read N" lines. */
    private static long[] blkio(Path dir) throws IOException {
        long[] totals = new long[2];
        for (String line : Resources.lines(dir.resolve("blkio.throttle.io_service_bytes_recursive"))) {
            String[] fields = Ascii.fields(line);
            if (fields.length == 3 && fields[1].equals("Read")) {
                totals[0] += Long.parseLong(fields[2]);
            } else if (fields.length == 3 && fields[1].equals("Write")) {
                totals[1] += Long.parseLong(fields[2]);
            }
        }
        return totals;
    }

    /** Read and write bytes from io.stat's per-device "MAJ:MIN rbytes=N wbytes=N ..." lines. */
    private static long[] ioStat(Path file) throws IOException {
        long[] totals = new long[2];
        for (String line : Resources.lines(file)) {
            for (String field : Ascii.fields(line)) {
                if (field.startsWith("rbytes=")) {
                    totals[0] += Long.parseLong(field.substring(7));
                } else if (field.startsWith("wbytes=")) {
                    totals[1] += Long.parseLong(field.substring(7));
                }
            }
        }
        return totals;
    }

    /** Received and sent bytes over every interface of the container's network namespace but loopback. */
    private static long[] network(long pid) throws IOException {
        long[] totals = new long[2];
        for (String line : Resources.lines(Path.of("/proc", Long.toString(pid), "net", "dev"))) {
            int colon = line.indexOf(':');
            if (colon < 0 || line.substring(0, colon).strip().equals("lo")) {
                continue;
            }
            String[] fields = Ascii.fields(line.substring(colon + 1));
            if (fields.length >= 9) {
                totals[0] += Long.parseLong(fields[0]);
                totals[1] += Long.parseLong(fields[8]);
            }
        }
        return totals;
    }

    private static long number(Path file) throws IOException {
        String text = ContainerCgroup.readOrEmpty(file);
        return text.isEmpty() ? 0 : Long.parseLong(text);
    }

    /** The value after KEY in a "KEY VALUE" file (memory.stat, cpu.stat, /proc/meminfo). */
    private static long keyed(Path file, String key) throws IOException {
        for (String line : Resources.lines(file)) {
            String[] fields = Ascii.fields(line);
            if (fields.length >= 2 && fields[0].equals(key)) {
                return Long.parseLong(fields[1]);
            }
        }
        return 0;
    }
}
