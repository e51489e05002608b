package dev.vaina.oci;

import dev.vaina.spec.ContainerConfig;
import dev.vaina.spec.VolumeMount;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** ContainerConfig values for tests, written as briefly as the tests read: varargs, -v text, one variable at a time. */
final class TestConfigs {
    private final ContainerConfig.Builder config = ContainerConfig.builder();
    private final Map<String, String> env = new LinkedHashMap<>();

    static TestConfigs command(String... command) {
        TestConfigs configs = new TestConfigs();
        configs.config.command(List.of(command));
        return configs;
    }

    TestConfigs entrypoint(String... entrypoint) {
        config.entrypoint(List.of(entrypoint));
        return this;
    }

    TestConfigs env(String key, String value) {
        env.put(key, value);
        return this;
    }

    TestConfigs workingDir(String dir) {
        config.workingDir(dir);
        return this;
    }

    TestConfigs user(String user) {
        config.user(user);
        return this;
    }

    TestConfigs hostname(String hostname) {
        config.hostname(hostname);
        return this;
    }

    TestConfigs volumes(String... volumes) {
        config.volumes(Arrays.stream(volumes).map(VolumeMount::parse).toList());
        return this;
    }

    TestConfigs tty() {
        config.tty(true);
        return this;
    }

    ContainerConfig build() {
        return config.env(env).build();
    }
}
