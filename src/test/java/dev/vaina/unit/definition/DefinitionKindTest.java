package dev.vaina.unit.definition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class DefinitionKindTest {
    @Test
    void serviceNames_asQuadletWithVainasPodPrefix() {
        assertEquals("app.service", DefinitionKind.CONTAINER.defaultServiceName("app"));
        assertEquals("pod-web.service", DefinitionKind.POD.defaultServiceName("web"));
        assertEquals("data-volume.service", DefinitionKind.VOLUME.defaultServiceName("data"));
        assertEquals("net-network.service", DefinitionKind.NETWORK.defaultServiceName("net"));
        assertEquals("x-image.service", DefinitionKind.IMAGE.defaultServiceName("x"));
    }

    @Test
    void serviceNames_templatesKeepTheirInstanceAfterTheAt() {
        assertEquals("app@.service", DefinitionKind.CONTAINER.defaultServiceName("app@"));
        assertEquals("pod-web@blue.service", DefinitionKind.POD.defaultServiceName("web@blue"));
        assertEquals("data-volume@x.service", DefinitionKind.VOLUME.defaultServiceName("data@x"));
    }

    @Test
    void ofFile_byExtensionOnly() {
        assertEquals(DefinitionKind.KUBE, DefinitionKind.ofFile("app.kube"));
        assertNull(DefinitionKind.ofFile("app.service"));
        assertNull(DefinitionKind.ofFile(".container"));
    }
}
