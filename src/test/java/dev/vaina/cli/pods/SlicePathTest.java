package dev.vaina.cli.pods;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SlicePathTest {
    @Test
    void everyDash_isALevelOfTheTree() {
        assertEquals("vaina.slice/vaina-pod_0123456789ab.slice", SlicePath.of("vaina-pod_0123456789ab.slice"));
        assertEquals("a.slice/a-b.slice/a-b-pod_x.slice", SlicePath.of("a-b-pod_x.slice"));
        assertEquals("a-b.slice", SlicePath.parent("a-b-pod_x.slice"));
        assertEquals("-.slice", SlicePath.parent("pod_x.slice"));
    }
}
