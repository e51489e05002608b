package dev.vaina.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class ResourceLimitsTest {
    @Test
    void sizes_readAsDockerReadsThem() {
        assertEquals(64L << 20, ByteSize.parse("memory", "64m"));
        assertEquals(64L << 20, ByteSize.parse("memory", "64MB"));
        assertEquals(3L << 29, ByteSize.parse("memory", "1.5g"));
        assertEquals(100, ByteSize.parse("memory", "100"));
        assertEquals("invalid value for memory: invalid size: '10x'",
                assertThrows(InvalidSpecException.class, () -> ByteSize.parse("memory", "10x")).getMessage());
    }

    @Test
    void ulimits_nameSoftHard() {
        assertEquals(new Ulimit("RLIMIT_NOFILE", 10, 20), Ulimit.parse("nofile=10:20"));
        assertEquals(new Ulimit("RLIMIT_NPROC", 5, 5), Ulimit.parse("nproc=5"));
        assertEquals("ulimit option \"nofile=10:5\" requires name=SOFT:HARD, failed to be parsed: ulimit soft limit must"
                + " be less than or equal to hard limit: 10 > 5",
                assertThrows(InvalidSpecException.class, () -> Ulimit.parse("nofile=10:5")).getMessage());
    }

    @Test
    void cpus_replaceQuotaAndPeriod_onUpdate() {
        ResourceLimits quota = limits(null, null, 20_000L, 50_000L);
        ResourceLimits updated = quota.updatedWith(limits(null, 2_000_000_000L, null, null));
        assertEquals(200_000L, updated.effectiveCpuQuota());
        assertEquals(100_000L, updated.effectiveCpuPeriod());
        assertEquals(null, updated.cpuQuota());
    }

    @Test
    void swapBelowMemory_isRefusedAsPodmanRefusesIt() {
        assertEquals("minimum memoryswap limit should be larger than memory limit, see usage",
                assertThrows(InvalidSpecException.class, () -> new ResourceLimits(20L, 10L, null, null, null, null, null,
                        null, null, null, null, List.of(), null, null)).getMessage());
    }

    private static ResourceLimits limits(Long memory, Long nanoCpus, Long quota, Long period) {
        return new ResourceLimits(memory, null, null, nanoCpus, null, quota, period, null, null, null, null, List.of(),
                null, null);
    }
}
