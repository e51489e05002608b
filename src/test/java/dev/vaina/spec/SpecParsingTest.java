package dev.vaina.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SpecParsingTest {

    @Test
    void containerName_acceptsPodmansAlphabet() {
        assertEquals("web-1.a_b", new ContainerName("web-1.a_b").value());
    }

    @Test
    void containerName_rejectsLeadingPunctuationAndSlashes() {
        for (String bad : List.of("-web", ".web", "_web", "a/b", "a b", "", "ü")) {
            InvalidSpecException e = assertThrows(InvalidSpecException.class, () -> new ContainerName(bad));
            assertTrue(e.getMessage().contains("[a-zA-Z0-9][a-zA-Z0-9_.-]*"), e.getMessage());
        }
    }

    @Test
    void restartPolicy_parsesEveryKind() {
        assertEquals(RestartPolicy.NO, RestartPolicy.parse(null));
        assertEquals(new RestartPolicy(RestartPolicy.Kind.ON_FAILURE, 3), RestartPolicy.parse("on-failure:3"));
        assertEquals(RestartPolicy.Kind.ALWAYS, RestartPolicy.parse("always").kind());
        assertEquals(RestartPolicy.Kind.UNLESS_STOPPED, RestartPolicy.parse("unless-stopped").kind());
    }

    @Test
    void restartPolicy_rejectsUnknownAndBadCounts() {
        assertThrows(InvalidSpecException.class, () -> RestartPolicy.parse("sometimes"));
        assertThrows(InvalidSpecException.class, () -> RestartPolicy.parse("always:3"));
        assertThrows(InvalidSpecException.class, () -> RestartPolicy.parse("on-failure:-1"));
        assertThrows(InvalidSpecException.class, () -> RestartPolicy.parse("on-failure:x"));
    }

    @Test
    void signals_acceptNamesWithOrWithoutSigAndNumbers() {
        assertEquals(15, Signals.parse("TERM"));
        assertEquals(15, Signals.parse("SIGTERM"));
        assertEquals(2, Signals.parse("sigint"));
        assertEquals(9, Signals.parse("9"));
        assertEquals("SIGKILL", Signals.name(9));
        assertThrows(InvalidSpecException.class, () -> Signals.parse("SIGNOPE"));
        assertThrows(InvalidSpecException.class, () -> Signals.parse("99"));
    }

    @Test
    void volume_parsesReadOnlyOption() {
        VolumeMount mount = VolumeMount.parse("/srv/data:/data:ro");
        assertEquals("/srv/data", mount.source());
        assertEquals("/data", mount.destination());
        assertTrue(mount.readOnly());
    }

    @Test
    void volume_rejectsRelativePathsAndUnknownOptions() {
        assertThrows(InvalidSpecException.class, () -> VolumeMount.parse("/data:data"));
        assertThrows(InvalidSpecException.class, () -> VolumeMount.parse("/data:/data:bogus"));
        assertThrows(InvalidSpecException.class, () -> VolumeMount.parse("data"));
    }

    @Test
    void environment_bareKeyTakesCallersValueOrIsLeftOut() {
        Map<String, String> env = EnvironmentVariables.parse(List.of(), List.of("A=1", "HOME", "MISSING", "B=x=y"),
                Map.of("HOME", "/root"));
        assertEquals(Map.of("A", "1", "HOME", "/root", "B", "x=y"), env);
        assertThrows(InvalidSpecException.class, () -> EnvironmentVariables.parse(List.of(), List.of("=1"), Map.of()));
    }

    @Test
    void imageReference_qualifiesShortNamesAndKeepsRegistries() {
        assertEquals("localhost/busybox:latest", ImageReference.parse("busybox", "localhost").toString());
        assertEquals("localhost/busybox:1.36", ImageReference.parse("busybox:1.36", "localhost").toString());
        assertEquals("quay.io/a/b:c", ImageReference.parse("quay.io/a/b:c", "localhost").toString());
        assertEquals("127.0.0.1:5000/x:latest", ImageReference.parse("127.0.0.1:5000/x", "localhost").toString());
        assertThrows(InvalidSpecException.class, () -> ImageReference.parse("Busybox", "localhost"));
        assertThrows(InvalidSpecException.class, () -> ImageReference.parse("busybox:", "localhost"));
    }

    @Test
    void containerConfig_rejectsRmWithRestart() {
        assertThrows(InvalidSpecException.class,
                () -> ContainerConfig.builder().restart(RestartPolicy.parse("always")).autoRemove(true).build());
    }
}
