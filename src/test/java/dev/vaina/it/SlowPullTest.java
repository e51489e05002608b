package dev.vaina.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vaina.it.registry.PushedImage;
import dev.vaina.it.registry.RegistryImages;
import dev.vaina.it.registry.TestRegistry;
import dev.vaina.it.registry.ThrottledProxy;
import dev.vaina.it.support.EachMode;
import dev.vaina.it.support.Result;
import dev.vaina.it.support.VainaCli;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** A pull inside a unit's start that takes longer than the unit's start timeout still succeeds. */
class SlowPullTest {
    private static final Duration PULL = Duration.ofMinutes(3);
    private static final int TIMEOUT_START_SECONDS = 3;
    private static TestRegistry registry;

    @BeforeAll
    static void startRegistry() {
        registry = TestRegistry.plain();
    }

    @AfterAll
    static void stopRegistry() {
        registry.close();
    }

    @EachMode
    void pullInAUnitsStart_extendsTheStartTimeout(VainaCli vaina) throws Exception {
        // 1 MiB of random data (it does not compress) at 128 KiB/s: about 8 s, well over the unit's 3 s.
        PushedImage image = RegistryImages.pushBig(registry, "slow-" + vaina.mode(), "latest", 1, 1, System.nanoTime());
        ThrottledProxy proxy = ThrottledProxy.start(registry.port(), 128 * 1024);
        String reference = proxy.host() + "/" + image.name() + ":latest";
        try {
            String unit = "vaina-slow-pull-" + vaina.mode() + ".service";
            long start = System.nanoTime();
            Result pull = vaina.exec(null, PULL, List.of("systemd-run", "--user", "--wait", "--quiet", "--unit", unit,
                    "-p", "Type=oneshot", "-p", "TimeoutStartSec=" + TIMEOUT_START_SECONDS, "-p", "NotifyAccess=all",
                    vaina.vainaExecutable().toString(), "pull", "-q", "--tls-verify=false", reference));
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            pull.assertSuccess();
            assertTrue(took.getSeconds() > TIMEOUT_START_SECONDS + 2, "the pull was slow enough to matter: " + took);
            Result images = vaina.run("images", "--format", "{{.Repository}}").assertSuccess();
            assertTrue(images.stdout().contains(proxy.host() + "/" + image.name()), images::describe);
        } finally {
            proxy.close();
            vaina.run("rmi", "-f", reference);
        }
    }
}
