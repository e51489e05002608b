package dev.vaina.oci;

import dev.vaina.spec.ResourceLimits;
import dev.vaina.spec.Ulimit;
import dev.vaina.spec.json.JsonOutput;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The runtime spec's part of a container's resource limits: linux.resources, which the runtime writes to the
 * container's own cgroup, and the process's rlimits, which no cgroup expresses.
 */
public final class LinuxResources {
    private static final BigInteger RLIM_INFINITY = new BigInteger("18446744073709551615");

    private LinuxResources() {
    }

    /** linux.resources, or null when no cgroup limit is set. */
    public static Map<String, Object> of(ResourceLimits limits) {
        if (!limits.hasCgroupLimits()) {
            return null;
        }
        Map<String, Object> resources = new LinkedHashMap<>();
        Map<String, Object> memory = new LinkedHashMap<>();
        putPositive(memory, "limit", limits.memory());
        putPositive(memory, "reservation", limits.memoryReservation());
        Long swap = limits.effectiveMemorySwap();
        if (swap != null && (swap == -1 || limits.memory() != null)) {
            memory.put("swap", swap);
        }
        putIfAny(resources, "memory", memory);
        Map<String, Object> cpu = new LinkedHashMap<>();
        putPositive(cpu, "shares", limits.cpuShares());
        putPositive(cpu, "quota", limits.effectiveCpuQuota());
        putPositive(cpu, "period", limits.effectiveCpuPeriod());
        putText(cpu, "cpus", limits.cpusetCpus());
        putText(cpu, "mems", limits.cpusetMems());
        putIfAny(resources, "cpu", cpu);
        if (limits.pidsLimit() != null) {
            // -1 asks the runtime for "max": a limit that an update may later lift.
            resources.put("pids", Map.of("limit", limits.effectivePidsLimit() != null ? limits.effectivePidsLimit() : -1L));
        }
        if (limits.blkioWeight() != null && limits.blkioWeight() > 0) {
            resources.put("blockIO", Map.of("weight", limits.blkioWeight()));
        }
        return resources;
    }

    /** linux.resources as the runtime's update reads it (runc update --resources FILE). */
    public static String toJson(Map<String, Object> resources) {
        return JsonOutput.compact().value(resources).toString();
    }

    /** The defaults (capped at the host's hard limits) with each --ulimit in place of the default of its name. */
    public static List<Map<String, Object>> rlimits(List<Map<String, Object>> defaults, List<Ulimit> ulimits) {
        Map<String, Map<String, Object>> byType = new LinkedHashMap<>();
        for (Map<String, Object> limit : defaults) {
            byType.put((String) limit.get("type"), limit);
        }
        for (Ulimit ulimit : ulimits) {
            Map<String, Object> limit = new LinkedHashMap<>();
            limit.put("type", ulimit.name());
            limit.put("hard", rlimitValue(ulimit.hard()));
            limit.put("soft", rlimitValue(ulimit.soft()));
            byType.put(ulimit.name(), limit);
        }
        return new ArrayList<>(byType.values());
    }

    /** The runtime spec's rlimits are unsigned: -1 (unlimited) is RLIM_INFINITY, the largest 64-bit value. */
    private static Object rlimitValue(long value) {
        return value == -1 ? RLIM_INFINITY : (Object) value;
    }

    private static void putPositive(Map<String, Object> map, String key, Long value) {
        if (value != null && value > 0) {
            map.put(key, value);
        }
    }

    private static void putText(Map<String, Object> map, String key, String value) {
        if (value != null && !value.isEmpty()) {
            map.put(key, value);
        }
    }

    private static void putIfAny(Map<String, Object> resources, String key, Map<String, Object> part) {
        if (!part.isEmpty()) {
            resources.put(key, part);
        }
    }
}
