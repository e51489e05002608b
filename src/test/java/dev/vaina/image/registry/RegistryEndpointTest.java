package dev.vaina.image.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class RegistryEndpointTest {

    @Test
    void dockerHub_isReachedAtItsApiHost_butKeepsItsName() {
        RegistryEndpoint hub = RegistryEndpoint.secure("docker.io");
        assertEquals("registry-1.docker.io", hub.apiHost());
        assertEquals("docker.io", hub.host());
    }

    @Test
    void otherRegistries_areReachedWhereTheyAreNamed() {
        assertEquals("127.0.0.1:5000", RegistryEndpoint.insecure("127.0.0.1:5000").apiHost());
        assertEquals("quay.io", RegistryEndpoint.secure("quay.io").apiHost());
    }

    @Test
    void hostsWithPathsOrSchemes_areRefused() {
        assertThrows(IllegalArgumentException.class, () -> RegistryEndpoint.secure("https://quay.io"));
        assertThrows(IllegalArgumentException.class, () -> RegistryEndpoint.secure("quay.io/org"));
    }
}
