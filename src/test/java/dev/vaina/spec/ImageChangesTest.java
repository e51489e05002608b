package dev.vaina.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ImageChangesTest {
    private static final ImageConfig BASE = new ImageConfig(List.of("PATH=/bin", "A=1"), null, List.of("sh"), "/srv", null, null);

    @Test
    void instructions_changeTheConfig_asADockerfileWould() {
        ImageChanges changed = ImageChanges.apply(BASE, List.of("CMD [\"cat\", \"/tmp/new\"]", "ENTRYPOINT echo hi",
                "ENV A=2", "ENV B 3", "EXPOSE 80 53/udp", "LABEL k=\"v w\"", "USER app", "WORKDIR sub", "STOPSIGNAL SIGINT"));
        ImageConfig config = changed.config();
        assertEquals(List.of("cat", "/tmp/new"), config.cmd());
        assertEquals(List.of("/bin/sh", "-c", "echo hi"), config.entrypoint());
        assertEquals(List.of("PATH=/bin", "A=2", "B=3"), config.env());
        assertEquals(List.of("80/tcp", "53/udp"), config.exposedPorts());
        assertEquals(Map.of("k", "v w"), changed.labels());
        assertEquals("app", config.user());
        assertEquals("/srv/sub", config.workingDir());
        assertEquals("SIGINT", config.stopSignal());
    }

    @Test
    void anUnknownInstruction_isRefused_withPodmansMessage() {
        InvalidSpecException e = assertThrows(InvalidSpecException.class, () -> ImageChanges.apply(BASE, List.of("FOO bar")));
        assertEquals("invalid change \"FOO bar\" - invalid instruction FOO", e.getMessage());
    }

    @Test
    void aCommandThatIsNeitherShellNorAJsonArrayOfStrings_isRefused() {
        assertThrows(InvalidSpecException.class, () -> ImageChanges.apply(BASE, List.of("CMD [1, 2]")));
        assertThrows(InvalidSpecException.class, () -> ImageChanges.apply(BASE, List.of("ENV")));
    }
}
