package dev.vaina.unit;

import dev.vaina.spec.ResourceLimits;
import java.util.ArrayList;
import java.util.List;

/**
 * One resource-control setting of a container's unit (systemd.resource-control(5)), both as the unit file
 * spells it and as D-Bus SetUnitProperties takes it. busValue is a Long (D-Bus t) or a byte[] (ay, a CPU
 * or memory-node bitmask).
 */
public record ResourceDirective(String key, String value, String busName, Object busValue) {
    /** systemd's "no limit" for the t-typed properties. */
    private static final long INFINITY = -1L;

    /**
     * The unit file's lines for these limits, KEY=VALUE. A loop, not a stream: a container's start renders its unit,
     * and a lambda's first call costs the command line about a millisecond.
     */
    static List<String> lines(ResourceLimits limits) {
        List<String> lines = new ArrayList<>();
        for (ResourceDirective directive : of(limits)) {
            lines.add(directive.key() + "=" + directive.value());
        }
        return lines;
    }

    /** The unit settings that express these limits, in a fixed order. */
    public static List<ResourceDirective> of(ResourceLimits limits) {
        List<ResourceDirective> directives = new ArrayList<>();
        if (limits.memory() != null && limits.memory() > 0) {
            directives.add(number("MemoryMax", limits.memory()));
        }
        Long swap = limits.effectiveMemorySwap();
        if (swap != null && swap == -1) {
            directives.add(new ResourceDirective("MemorySwapMax", "infinity", "MemorySwapMax", INFINITY));
        } else if (swap != null && limits.memory() != null) {
            // Docker's --memory-swap counts memory and swap together; systemd's MemorySwapMax= counts swap alone.
            directives.add(number("MemorySwapMax", swap - limits.memory()));
        }
        if (limits.memoryReservation() != null && limits.memoryReservation() > 0) {
            directives.add(number("MemoryLow", limits.memoryReservation()));
        }
        Long quota = limits.effectiveCpuQuota();
        if (quota != null) {
            long period = limits.effectiveCpuPeriod() != null ? limits.effectiveCpuPeriod() : ResourceLimits.DEFAULT_CPU_PERIOD;
            long perSecond = quota * 1_000_000L / period;
            directives.add(new ResourceDirective("CPUQuota", percent(perSecond), "CPUQuotaPerSecUSec", perSecond));
            directives.add(new ResourceDirective("CPUQuotaPeriodSec", period + "us", "CPUQuotaPeriodUSec", period));
        }
        if (limits.cpuShares() != null && limits.cpuShares() > 0) {
            directives.add(number("CPUWeight", cpuWeight(limits.cpuShares())));
        }
        if (limits.pidsLimit() != null) {
            Long pids = limits.effectivePidsLimit();
            directives.add(pids == null ? new ResourceDirective("TasksMax", "infinity", "TasksMax", INFINITY)
                    : number("TasksMax", pids));
        }
        if (limits.cpusetCpus() != null && !limits.cpusetCpus().isEmpty()) {
            directives.add(new ResourceDirective("AllowedCPUs", limits.cpusetCpus(), "AllowedCPUs",
                    CpuMask.of(limits.cpusetCpus())));
        }
        if (limits.cpusetMems() != null && !limits.cpusetMems().isEmpty()) {
            directives.add(new ResourceDirective("AllowedMemoryNodes", limits.cpusetMems(), "AllowedMemoryNodes",
                    CpuMask.of(limits.cpusetMems())));
        }
        if (limits.blkioWeight() != null && limits.blkioWeight() > 0) {
            directives.add(number("IOWeight", ioWeight(limits.blkioWeight())));
        }
        return directives;
    }

    /** cgroup v1 shares (2..262144) on cgroup v2's weight scale (1..10000), as runc converts them. */
    static long cpuWeight(long shares) {
        return 1 + (shares - 2) * 9999 / 262142;
    }

    /** blkio weight (10..1000) on io.weight's scale (1..10000), as runc converts it. */
    static long ioWeight(long blkioWeight) {
        return 1 + (blkioWeight - 10) * 9999 / 990;
    }

    /** CPU time per second as systemd's CPUQuota= percentage (with two decimals when it needs them). */
    private static String percent(long microsecondsPerSecond) {
        long hundredths = microsecondsPerSecond / 100;
        return hundredths % 100 == 0 ? hundredths / 100 + "%" : String.format("%d.%02d%%", hundredths / 100, hundredths % 100);
    }

    private static ResourceDirective number(String key, long value) {
        return new ResourceDirective(key, Long.toString(value), key, value);
    }
}
