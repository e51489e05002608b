package dev.vaina.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The pod states Podman 4.3 reports for the same mixes of container states (checked with podman pod ps). */
class PodStatusTest {

    @Test
    void statesFromContainers() {
        assertEquals("Created", PodStatus.of(List.of()));
        assertEquals("Created", PodStatus.of(List.of("created")));
        assertEquals("Running", PodStatus.of(List.of("running", "running")));
        assertEquals("Degraded", PodStatus.of(List.of("running", "exited")));
        assertEquals("Degraded", PodStatus.of(List.of("running", "created")));
        assertEquals("Exited", PodStatus.of(List.of("exited", "exited")));
        assertEquals("Stopped", PodStatus.of(List.of("exited", "created")));
        assertEquals("Paused", PodStatus.of(List.of("paused", "paused")));
    }
}
