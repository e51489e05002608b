package dev.vaina.engine;

import java.time.Duration;

/**
 * What a container's processes use, read from its cgroup (and its network namespace): the numbers
 * behind `stats`. All zero for a container that does not run, as Podman shows it.
 *
 * @param memoryLimit the cgroup's limit, or the host's memory when there is none
 * @param uptime how long the container has run, for the average CPU use
 */
public record ResourceUsage(Duration cpuTime, long memoryUsage, long memoryLimit, long blockRead, long blockWrite,
        long pids, long netReceived, long netSent, Duration uptime) {

    public static final ResourceUsage NONE = new ResourceUsage(Duration.ZERO, 0, 0, 0, 0, 0, 0, 0, Duration.ZERO);

    public double averageCpuPercent() {
        return uptime.isZero() ? 0 : 100.0 * cpuTime.toNanos() / uptime.toNanos();
    }

    public double memoryPercent() {
        return memoryLimit <= 0 ? 0 : 100.0 * memoryUsage / memoryLimit;
    }
}
