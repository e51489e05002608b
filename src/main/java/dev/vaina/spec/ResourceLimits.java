package dev.vaina.spec;

import java.util.List;

/**
 * What a container may use: the cgroup limits (memory, CPU, tasks, cpusets, block I/O weight), which
 * systemd sets on the container's unit and the runtime on the container's own cgroup, and the limits the
 * runtime alone can set (rlimits, the size of /dev/shm, the OOM score adjustment). A null field is not
 * set: nothing is limited, or the engine's default applies.
 *
 * @param memory            --memory, bytes
 * @param memorySwap        --memory-swap, bytes of memory plus swap; -1 for unlimited swap
 * @param memoryReservation --memory-reservation, bytes (a soft limit)
 * @param nanoCpus          --cpus, in billionths of a CPU
 * @param cpuShares         --cpu-shares, the relative weight of cgroup v1 (2 to 262144)
 * @param cpuQuota          --cpu-quota, microseconds per period
 * @param cpuPeriod         --cpu-period, microseconds
 * @param pidsLimit         --pids-limit; 0 or -1 for unlimited
 * @param cpusetCpus        --cpuset-cpus, as "0-2,4"
 * @param cpusetMems        --cpuset-mems, the same for memory nodes
 * @param blkioWeight       --blkio-weight, 10 to 1000
 * @param ulimits           --ulimit, in the order given
 * @param shmSize           --shm-size, bytes
 * @param oomScoreAdj       --oom-score-adj, -1000 to 1000
 */
public record ResourceLimits(Long memory, Long memorySwap, Long memoryReservation, Long nanoCpus, Long cpuShares,
        Long cpuQuota, Long cpuPeriod, Long pidsLimit, String cpusetCpus, String cpusetMems, Integer blkioWeight,
        List<Ulimit> ulimits, Long shmSize, Integer oomScoreAdj) {

    public static final ResourceLimits NONE = new ResourceLimits(null, null, null, null, null, null, null, null, null,
            null, null, List.of(), null, null);
    /** The CFS period --cpus uses, as Podman: 100 ms. */
    public static final long DEFAULT_CPU_PERIOD = 100_000;
    private static final String CPU_SET = "\\d+(-\\d+)?(,\\d+(-\\d+)?)*";

    public ResourceLimits {
        ulimits = ulimits == null ? List.of() : List.copyOf(ulimits);
        if (memorySwap != null && memorySwap != -1) {
            if (memory == null) {
                throw new InvalidSpecException("you should always set a memory limit when using a memoryswap limit, see usage");
            }
            if (memorySwap < memory) {
                throw new InvalidSpecException("minimum memoryswap limit should be larger than memory limit, see usage");
            }
        }
        if (nanoCpus != null && cpuQuota != null) {
            throw new InvalidSpecException("--cpu-quota and --cpus cannot be set together");
        }
        if (nanoCpus != null && cpuPeriod != null) {
            throw new InvalidSpecException("--cpu-period and --cpus cannot be set together");
        }
        if (nanoCpus != null && nanoCpus < 0) {
            throw new InvalidSpecException("invalid value for cpus: it must not be negative");
        }
        if (cpuShares != null && cpuShares != 0 && (cpuShares < 2 || cpuShares > 262_144)) {
            throw new InvalidSpecException("invalid value for cpu-shares: " + cpuShares + " (allowed: 2 to 262144)");
        }
        if (cpuPeriod != null && cpuPeriod != 0 && (cpuPeriod < 1000 || cpuPeriod > 1_000_000)) {
            throw new InvalidSpecException("CPU cfs period can not be less than 1ms (i.e. 1000) or larger than 1s (i.e. 1000000)");
        }
        if (cpuQuota != null && cpuQuota != 0 && cpuQuota != -1 && cpuQuota < 1000) {
            throw new InvalidSpecException("CPU cfs quota can not be less than 1ms (i.e. 1000)");
        }
        if (blkioWeight != null && blkioWeight != 0 && (blkioWeight < 10 || blkioWeight > 1000)) {
            throw new InvalidSpecException("range of blkio weight is from 10 to 1000");
        }
        if (oomScoreAdj != null && (oomScoreAdj < -1000 || oomScoreAdj > 1000)) {
            throw new InvalidSpecException("oom_score_adj must be between -1000 and 1000");
        }
        requireCpuSet("cpuset-cpus", cpusetCpus);
        requireCpuSet("cpuset-mems", cpusetMems);
        for (Long size : new Long[] {memory, memoryReservation, shmSize}) {
            if (size != null && size < 0) {
                throw new InvalidSpecException("invalid size " + size + ": sizes must not be negative");
            }
        }
    }

    private static void requireCpuSet(String what, String value) {
        if (value != null && !value.isEmpty() && !value.matches(CPU_SET)) {
            throw new InvalidSpecException("invalid value \"" + value + "\" for --" + what
                    + ": a list of numbers and ranges is expected, as 0-2,4");
        }
    }

    /** Whether any limit needs the container's own cgroup (rlimits, /dev/shm and the OOM score do not). */
    public boolean hasCgroupLimits() {
        return memory != null || memorySwap != null || memoryReservation != null || nanoCpus != null
                || cpuShares != null || cpuQuota != null || cpuPeriod != null || pidsLimit != null
                || cpusetCpus != null || cpusetMems != null || blkioWeight != null;
    }

    /** The CFS quota in microseconds per {@link #effectiveCpuPeriod()}, from --cpus or --cpu-quota; null for none. */
    public Long effectiveCpuQuota() {
        if (nanoCpus != null && nanoCpus > 0) {
            return nanoCpus * DEFAULT_CPU_PERIOD / 1_000_000_000L;
        }
        return cpuQuota != null && cpuQuota > 0 ? cpuQuota : null;
    }

    public Long effectiveCpuPeriod() {
        if (nanoCpus != null && nanoCpus > 0) {
            return DEFAULT_CPU_PERIOD;
        }
        return cpuPeriod != null && cpuPeriod > 0 ? cpuPeriod : null;
    }

    /**
     * Memory plus swap as the runtime takes it: as given, or, with only --memory, twice the memory (as much swap as
     * memory), as Docker and Podman do.
     */
    public Long effectiveMemorySwap() {
        if (memorySwap != null) {
            return memorySwap;
        }
        return memory != null && memory > 0 ? 2 * memory : null;
    }

    /** The pids limit, null when unlimited. */
    public Long effectivePidsLimit() {
        return pidsLimit != null && pidsLimit > 0 ? pidsLimit : null;
    }

    /** These limits with every field that other sets replaced (vaina update); rlimits, /dev/shm and OOM score stay. */
    public ResourceLimits updatedWith(ResourceLimits other) {
        // --cpus replaces a quota and period given before, and the other way round.
        boolean cpus = other.nanoCpus != null;
        boolean quota = other.cpuQuota != null || other.cpuPeriod != null;
        Long newMemory = pick(other.memory, memory);
        Long newSwap = other.memorySwap != null ? other.memorySwap
                : other.memory != null && memorySwap != null && memorySwap != -1 && memorySwap < other.memory ? null
                : memorySwap;
        return new ResourceLimits(newMemory, newSwap, pick(other.memoryReservation, memoryReservation),
                cpus ? other.nanoCpus : quota ? null : nanoCpus, pick(other.cpuShares, cpuShares),
                cpus ? null : pick(other.cpuQuota, cpuQuota), cpus ? null : pick(other.cpuPeriod, cpuPeriod),
                pick(other.pidsLimit, pidsLimit), pick(other.cpusetCpus, cpusetCpus), pick(other.cpusetMems, cpusetMems),
                pick(other.blkioWeight, blkioWeight), ulimits, shmSize, oomScoreAdj);
    }

    private static <T> T pick(T replacement, T current) {
        return replacement != null ? replacement : current;
    }
}
