package dev.vaina.oci;

import dev.vaina.spec.ContainerConfig;
import dev.vaina.spec.RestartPolicy;
import dev.vaina.spec.VolumeMount;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** ContainerConfig values for tests, changed one field at a time. */
final class TestConfigs {
    List<String> command = List.of();
    List<String> entrypoint;
    Map<String, String> env = new LinkedHashMap<>();
    String workingDir;
    String user;
    String hostname;
    List<VolumeMount> volumes = List.of();
    boolean tty;

    static TestConfigs command(String... command) {
        TestConfigs configs = new TestConfigs();
        configs.command = List.of(command);
        return configs;
    }

    TestConfigs entrypoint(String... entrypoint) {
        this.entrypoint = List.of(entrypoint);
        return this;
    }

    TestConfigs env(String key, String value) {
        env.put(key, value);
        return this;
    }

    TestConfigs workingDir(String dir) {
        workingDir = dir;
        return this;
    }

    TestConfigs user(String user) {
        this.user = user;
        return this;
    }

    TestConfigs hostname(String hostname) {
        this.hostname = hostname;
        return this;
    }

    TestConfigs volumes(String... volumes) {
        this.volumes = Arrays.stream(volumes).map(VolumeMount::parse).toList();
        return this;
    }

    TestConfigs tty() {
        tty = true;
        return this;
    }

    ContainerConfig build() {
        return new ContainerConfig(command, entrypoint, env, workingDir, user, hostname, volumes,
                ContainerConfig.DEFAULT_STOP_SIGNAL, ContainerConfig.DEFAULT_STOP_TIMEOUT, RestartPolicy.NO,
                tty, false, false);
    }
}
