package dev.vaina.it;

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

    /**
     * The pull is tried again (at most twice) only when it failed while the manager reloaded: systemd (252, and
     * upstream still: systemd/systemd#43000) sets a reloaded service's start deadline back to its start plus
     * TimeoutStartSec, forgetting the extensions it accepted, so a reload by another test class (a
     * {@code create --pod} reloads) in the pull's 8 s kills it. A pull that fails without a reload fails the test.
     */
    @EachMode
    void pullInAUnitsStart_extendsTheStartTimeout(VainaCli vaina) throws Exception {
        // 1 MiB of random data (it does not compress) at 128 KiB/s: about 8 s, well over the unit's 3 s.
        PushedImage image = RegistryImages.pushBig(registry, "slow-" + vaina.mode(), "latest", 1, 1, System.nanoTime());
        ThrottledProxy proxy = ThrottledProxy.start(registry.port(), 128 * 1024);
        String reference = proxy.host() + "/" + image.name() + ":latest";
        try {
            for (int attempt = 1; ; attempt++) {
                String unit = "vaina-slow-pull-" + vaina.mode() + "-" + attempt + ".service";
                String loadedBefore = unitsLoaded(vaina);
                long start = System.nanoTime();
                Result pull = vaina.exec(null, PULL, List.of("systemd-run", "--user", "--wait", "--quiet", "--unit",
                        unit, "-p", "Type=oneshot", "-p", "TimeoutStartSec=" + TIMEOUT_START_SECONDS, "-p",
                        "NotifyAccess=all", "-p", "CollectMode=inactive-or-failed",
                        vaina.vainaExecutable().toString(), "pull", "-q", "--tls-verify=false", reference));
                Duration took = Duration.ofNanos(System.nanoTime() - start);
                if (pull.exitCode() != 0 && attempt < 3 && !unitsLoaded(vaina).equals(loadedBefore)) {
                    continue; // the manager reloaded during the pull (see above)
                }
                pull.assertSuccess();
                // Past the start timeout by a second at least (a second attempt finds part of the blob fetched).
                assertTrue(took.toMillis() > (TIMEOUT_START_SECONDS + 1) * 1000L, "the pull outlived the timeout: " + took);
                break;
            }
            Result images = vaina.run("images", "--format", "{{.Repository}}").assertSuccess();
            assertTrue(images.stdout().contains(proxy.host() + "/" + image.name()), images::describe);
        } finally {
            proxy.close();
            vaina.run("rmi", "-f", reference);
        }
    }

    /** When the mode's manager last loaded its units: it changes at every reload. */
    private static String unitsLoaded(VainaCli vaina) {
        return vaina.exec(List.of("systemctl", "--user", "show", "-p", "UnitsLoadTimestampMonotonic", "--value"))
                .assertSuccess().stdout().strip();
    }
}
