package dev.vaina.oci;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.jr.ob.JSON;
import dev.vaina.spec.ContainerConfig;
import dev.vaina.spec.ImageConfig;
import dev.vaina.spec.ResourceLimits;
import dev.vaina.spec.Ulimit;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExecProcessSpecTest {
    private static final String CONFIG = "{\"ociVersion\":\"1.0.2\",\"process\":{\"terminal\":false,"
            + "\"user\":{\"uid\":0,\"gid\":0},\"args\":[\"sleep\",\"1000\"],\"env\":[\"PATH=/bin\",\"A=1\"],"
            + "\"cwd\":\"/\",\"capabilities\":{\"bounding\":[\"CAP_CHOWN\",\"CAP_KILL\"],\"effective\":[\"CAP_CHOWN\","
            + "\"CAP_KILL\"]},\"noNewPrivileges\":true,\"rlimits\":[{\"type\":\"RLIMIT_NOFILE\",\"hard\":1024,"
            + "\"soft\":1024}]},\"root\":{\"path\":\"rootfs\"}}";

    @SuppressWarnings("unchecked")
    private static Map<String, Object> render(ExecProcessSpec spec) throws Exception {
        return JSON.std.mapFrom(spec.toJson());
    }

    @Test
    void keepsTheContainersSettings_andAppliesOverrides(@TempDir Path dir) throws Exception {
        Path config = Files.writeString(dir.resolve("config.json"), CONFIG);
        Map<String, Object> process = render(ExecProcessSpec.fromBundle(config).args(List.of("sh"))
                .env(Map.of("A", "2", "B", "3")).terminal(true).cwd("/tmp"));
        assertEquals(List.of("sh"), process.get("args"));
        assertEquals(List.of("PATH=/bin", "A=2", "B=3", "TERM=xterm"), process.get("env"));
        assertEquals(true, process.get("terminal"));
        assertEquals("/tmp", process.get("cwd"));
        assertEquals(true, process.get("noNewPrivileges"), "the container's own setting");
        assertTrue(process.containsKey("rlimits"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void anotherUser_startsWithoutEffectiveCapabilities_privilegedGetsAll(@TempDir Path dir) throws Exception {
        Path config = Files.writeString(dir.resolve("config.json"), CONFIG);
        Map<String, Object> user = render(ExecProcessSpec.fromBundle(config).user(new ResolvedUser(1000, 1000, List.of(10))));
        assertEquals(Map.of("uid", 1000, "gid", 1000, "additionalGids", List.of(10)), user.get("user"));
        Map<String, Object> caps = (Map<String, Object>) user.get("capabilities");
        assertEquals(List.of("CAP_CHOWN", "CAP_KILL"), caps.get("bounding"));
        assertEquals(List.of(), caps.get("effective"));

        Map<String, Object> privileged = render(ExecProcessSpec.fromBundle(config).privileged());
        assertEquals(Capabilities.bounding(), ((Map<String, Object>) privileged.get("capabilities")).get("effective"));
        assertEquals(List.of("CAP_CHOWN", "CAP_KILL"), Capabilities.fromMask((1L << 0) | (1L << 5)));
        assertEquals(false, privileged.get("noNewPrivileges"));
    }

    @Test
    void bundlesProcess_isWrittenAsJacksonJrReadAndWroteIt(@TempDir Path dir) throws Exception {
        ContainerConfig container = ContainerConfig.builder().command(List.of("sh", "-c", "echo \"\u00e9\"\t"))
                .limits(new ResourceLimits(null, null, null, null, null, null, null, null, null, null, null,
                        List.of(Ulimit.parse("core=-1:-1")), null, 100))
                .build();
        Path config = RuntimeSpecBuilder.forContainer("abc", container, ImageConfig.EMPTY).rootfs(Path.of("/rootfs"))
                .hostLimits(HostLimits.read(Path.of("src/test/resources/fixtures/oci/limits-hard-nofile-20000.txt")))
                .writeTo(dir);
        assertEquals(JSON.std.asString(JSON.std.mapFrom(config.toFile()).get("process")),
                ExecProcessSpec.fromBundle(config).toJson());
    }
}
