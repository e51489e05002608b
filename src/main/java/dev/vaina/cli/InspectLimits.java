package dev.vaina.cli;

import dev.vaina.oci.HostLimits;
import dev.vaina.oci.LinuxResources;
import dev.vaina.spec.ResourceLimits;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A container's resource limits in inspect's HostConfig, by Podman's names, with 0 for "not set" as Podman prints it. */
final class InspectLimits {
    /** The size of /dev/shm without --shm-size (65536k), as Podman reports it. */
    static final long DEFAULT_SHM_SIZE = 65_536_000;

    private InspectLimits() {
    }

    static void put(ResourceLimits limits, Map<String, Object> hostConfig) {
        hostConfig.put("BlkioWeight", orZero(limits.blkioWeight()));
        hostConfig.put("CpuPeriod", orZero(limits.effectiveCpuPeriod()));
        hostConfig.put("CpuQuota", orZero(limits.effectiveCpuQuota()));
        hostConfig.put("CpuShares", orZero(limits.cpuShares()));
        hostConfig.put("CpusetCpus", limits.cpusetCpus() == null ? "" : limits.cpusetCpus());
        hostConfig.put("CpusetMems", limits.cpusetMems() == null ? "" : limits.cpusetMems());
        hostConfig.put("Memory", orZero(limits.memory()));
        hostConfig.put("MemoryReservation", orZero(limits.memoryReservation()));
        hostConfig.put("MemorySwap", orZero(limits.effectiveMemorySwap()));
        hostConfig.put("NanoCpus", orZero(limits.nanoCpus()));
        hostConfig.put("OomScoreAdj", orZero(limits.oomScoreAdj()));
        hostConfig.put("PidsLimit", orZero(limits.effectivePidsLimit()));
        hostConfig.put("ShmSize", limits.shmSize() != null ? limits.shmSize() : DEFAULT_SHM_SIZE);
        hostConfig.put("Ulimits", ulimits(limits));
    }

    /** The rlimits the container starts with: the defaults, capped at the host's hard limits, and each --ulimit. */
    private static List<Map<String, Object>> ulimits(ResourceLimits limits) {
        List<Map<String, Object>> ulimits = new ArrayList<>();
        for (Map<String, Object> rlimit : LinuxResources.rlimits(HostLimits.read().cappedPodmanDefaults(), limits.ulimits())) {
            Map<String, Object> ulimit = new LinkedHashMap<>();
            ulimit.put("Name", rlimit.get("type"));
            ulimit.put("Soft", rlimit.get("soft"));
            ulimit.put("Hard", rlimit.get("hard"));
            ulimits.add(ulimit);
        }
        return ulimits;
    }

    private static Number orZero(Number value) {
        return value == null ? Integer.valueOf(0) : value;
    }
}
