package dev.vaina.cli.containers;

import dev.vaina.spec.ByteSize;
import dev.vaina.spec.InvalidSpecException;
import dev.vaina.spec.ResourceLimits;
import dev.vaina.spec.Ulimit;
import java.math.BigDecimal;
import java.util.List;
import picocli.CommandLine.Option;

/** The cgroup limits `run`, `create` and `update` take, with Podman's names. */
public final class CgroupLimitOptions {
    @Option(names = {"-m", "--memory"}, paramLabel = "SIZE", description = "Memory limit (as 512m or 2g).")
    String memory;

    @Option(names = "--memory-swap", paramLabel = "SIZE", description = "Memory plus swap limit; -1 for unlimited swap.")
    String memorySwap;

    @Option(names = "--memory-reservation", paramLabel = "SIZE", description = "Memory soft limit.")
    String memoryReservation;

    @Option(names = "--cpus", paramLabel = "NUMBER", description = "Number of CPUs (as 1.5).")
    String cpus;

    @Option(names = {"-c", "--cpu-shares"}, paramLabel = "SHARES", description = "CPU shares (relative weight).")
    String cpuShares;

    @Option(names = "--cpu-quota", paramLabel = "MICROSECONDS", description = "CPU time per period (CFS quota).")
    String cpuQuota;

    @Option(names = "--cpu-period", paramLabel = "MICROSECONDS", description = "CFS scheduler period.")
    String cpuPeriod;

    @Option(names = "--pids-limit", paramLabel = "NUMBER", description = "Limit on the number of processes; -1 for unlimited.")
    String pidsLimit;

    @Option(names = "--cpuset-cpus", paramLabel = "CPUS", description = "CPUs the container may run on (0-3, 0,1).")
    String cpusetCpus;

    @Option(names = "--cpuset-mems", paramLabel = "NODES", description = "Memory nodes the container may use (0-3, 0,1).")
    String cpusetMems;

    @Option(names = "--blkio-weight", paramLabel = "WEIGHT", description = "Block I/O weight, 10 to 1000.")
    String blkioWeight;

    ResourceLimits toLimits(List<Ulimit> ulimits, Long shmSize, Integer oomScoreAdj) {
        return new ResourceLimits(size("memory", memory), swap(), size("memory-reservation", memoryReservation),
                nanoCpus(cpus), number("cpu-shares", cpuShares), number("cpu-quota", cpuQuota),
                number("cpu-period", cpuPeriod), number("pids-limit", pidsLimit), cpusetCpus, cpusetMems,
                blkioWeight == null ? null : (int) (long) number("blkio-weight", blkioWeight), ulimits, shmSize,
                oomScoreAdj);
    }

    public static Long size(String option, String text) {
        return text == null ? null : ByteSize.parse(option, text);
    }

    private Long swap() {
        return "-1".equals(memorySwap) ? Long.valueOf(-1) : size("memory-swap", memorySwap);
    }

    /** --cpus as billionths of a CPU, without a floating point rounding error (0.3 CPUs are 300000000). */
    public static Long nanoCpus(String cpus) {
        if (cpus == null) {
            return null;
        }
        try {
            return new BigDecimal(cpus.strip()).movePointRight(9).longValue();
        } catch (NumberFormatException e) {
            throw invalid("cpus", cpus, "ParseFloat");
        }
    }

    static Long number(String option, String text) {
        if (text == null) {
            return null;
        }
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            throw invalid(option, text, "ParseInt");
        }
    }

    /** Podman's message for a value its flag library cannot convert. */
    private static InvalidSpecException invalid(String option, String text, String parser) {
        return new InvalidSpecException("invalid argument \"" + text + "\" for \"--" + option + "\" flag: strconv."
                + parser + ": parsing \"" + text + "\": invalid syntax");
    }
}
