package dev.vaina.unit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vaina.spec.ResourceLimits;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResourceDirectiveTest {
    private static List<String> lines(ResourceLimits limits) {
        return ResourceDirective.of(limits).stream().map(d -> d.key() + "=" + d.value()).toList();
    }

    @Test
    void memoryAndCpus_asSystemdSpellsThem_swapCountedAlone() {
        ResourceLimits limits = new ResourceLimits(64L << 20, null, 32L << 20, 1_500_000_000L, 512L, null, null, 50L,
                "0-2,5", "0", 300, List.of(), null, null);
        assertEquals(List.of("MemoryMax=67108864", "MemorySwapMax=67108864", "MemoryLow=33554432", "CPUQuota=150%",
                "CPUQuotaPeriodSec=100000us", "CPUWeight=20", "TasksMax=50", "AllowedCPUs=0-2,5", "AllowedMemoryNodes=0",
                "IOWeight=2930"), lines(limits));
        ResourceDirective cpus = ResourceDirective.of(limits).get(7);
        assertEquals("AllowedCPUs", cpus.busName());
        assertArrayEquals(new byte[] {0b100111}, (byte[]) cpus.busValue());
        assertEquals(1_500_000L, ResourceDirective.of(limits).get(3).busValue(), "CPUQuotaPerSecUSec");
    }

    @Test
    void unlimitedSwapAndPids_areInfinity() {
        ResourceLimits limits = new ResourceLimits(64L << 20, -1L, null, null, null, 25_000L, 50_000L, -1L, null, null,
                null, List.of(), null, null);
        assertEquals(List.of("MemoryMax=67108864", "MemorySwapMax=infinity", "CPUQuota=50%", "CPUQuotaPeriodSec=50000us",
                "TasksMax=infinity"), lines(limits));
    }

    @Test
    void runtimeOnlyLimits_setNothingOnTheUnit() {
        assertEquals(List.of(), lines(new ResourceLimits(null, null, null, null, null, null, null, null, null, null, null,
                List.of(dev.vaina.spec.Ulimit.parse("nofile=10:20")), 1024L, 100)));
    }
}
