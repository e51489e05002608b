package dev.vaina.oci;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vaina.spec.ImageConfig;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProcessEnvironmentTest {
    @Test
    void userEnv_overridesTheImageByKeyInPlace() {
        ImageConfig image = new ImageConfig(List.of("PATH=/opt/bin", "MODE=prod", "LANG=C.UTF-8"), null, null, null, null, null);
        assertEquals(List.of("PATH=/opt/bin", "MODE=dev", "LANG=C.UTF-8", "EXTRA=1", "HOSTNAME=h", "container=vaina"),
                ProcessEnvironment.resolve(TestConfigs.command().env("MODE", "dev").env("EXTRA", "1").build(), image, "h"));
    }

    @Test
    void noPath_getsTheDefaultAndTtyGetsTerm() {
        assertEquals(List.of("PATH=" + ProcessEnvironment.DEFAULT_PATH, "TERM=xterm", "HOSTNAME=abc", "container=vaina"),
                ProcessEnvironment.resolve(TestConfigs.command().tty().build(), ImageConfig.EMPTY, "abc"));
    }

    @Test
    void userHostnameVariable_isKept() {
        assertEquals(List.of("HOSTNAME=mine", "PATH=" + ProcessEnvironment.DEFAULT_PATH, "container=vaina"),
                ProcessEnvironment.resolve(TestConfigs.command().env("HOSTNAME", "mine").build(), ImageConfig.EMPTY, "abc"));
    }
}
