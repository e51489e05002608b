package dev.vaina.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MonitorOptionsTest {
    private static final List<String> REQUIRED = List.of("--id", "abc", "--bundle", "/b", "--runtime", "/usr/bin/runc",
            "--runtime-root", "/rr", "--log", "/l", "--exit-file", "/e", "--pid-file", "/p", "--error-file", "/er",
            "--attach-socket", "/a.sock", "--stop-signal", "2", "--stop-timeout", "5");

    private static MonitorOptions parse(List<String> base, String... more) {
        List<String> args = new ArrayList<>(base);
        args.addAll(List.of(more));
        return MonitorOptions.parse(args.toArray(new String[0]));
    }

    @Test
    void readiness_fromTheMonitor_fromAHealthyMarker_orFromTheContainer() {
        MonitorOptions plain = parse(REQUIRED);
        assertEquals(null, plain.readyWhen());
        assertEquals(null, plain.notifyProxy());
        assertEquals(Path.of("/run/x/healthy"), parse(REQUIRED, "--ready-when", "/run/x/healthy").readyWhen());
        assertEquals(Path.of("/run/n.sock"), parse(REQUIRED, "--notify-proxy", "/run/n.sock").notifyProxy());
        assertThrows(IllegalArgumentException.class,
                () -> parse(REQUIRED, "--ready-when", "/h", "--notify-proxy", "/n"));
    }

    @Test
    void forwardedPorts_needAnAddressAndANamespace_andNoHelper() {
        MonitorOptions forwarded = parse(REQUIRED, "--forward-to", "10.89.0.2", "--forward-netns", "/proc/7/ns/net",
                "--publish", "tcp//8080/80/1");
        assertEquals("10.89.0.2", forwarded.forwardTo());
        assertEquals(Path.of("/proc/7/ns/net"), forwarded.forwardNetns());
        assertEquals(8080, forwarded.publish().get(0).hostPort());
        assertThrows(IllegalArgumentException.class, () -> parse(REQUIRED, "--forward-to", "10.89.0.2"));
        assertThrows(IllegalArgumentException.class, () -> parse(REQUIRED, "--forward-to", "10.89.0.2",
                "--forward-netns", "/proc/7/ns/net", "--network-helper", "pasta", "--network-dir", "/d",
                "--network-socket", "/s"));
    }

    @Test
    void handOver_onlyForOutputToTheUnit_andNothingThatNeedsTheMonitorToStay() {
        assertEquals(Path.of("/run/x/handed-over"), parse(REQUIRED, "--log-driver", "passthrough", "--hand-over",
                "/run/x/handed-over").handOver());
        for (String helper : List.of("pasta", "slirp4netns")) {
            assertEquals(Path.of("/h"), parse(REQUIRED, "--log-driver", "passthrough", "--network-helper", helper,
                    "--network-dir", "/d", "--network-socket", "/s", "--hand-over", "/h").handOver());
        }
        for (List<String> needsTheMonitor : List.of(List.<String>of(), List.of("--log-driver", "none"),
                List.of("--log-driver", "passthrough", "--timeout", "5"),
                List.of("--log-driver", "passthrough", "--interactive"),
                List.of("--log-driver", "passthrough", "--ready-when", "/r"),
                List.of("--log-driver", "passthrough", "--forward-to", "10.89.0.2", "--forward-netns", "/n"))) {
            List<String> args = new java.util.ArrayList<>(needsTheMonitor);
            args.addAll(List.of("--hand-over", "/h"));
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> parse(REQUIRED, args.toArray(String[]::new)), args::toString);
            assertTrue(e.getMessage().contains("--hand-over needs --log-driver passthrough"), e.getMessage());
        }
        assertEquals(null, parse(REQUIRED).handOver());
        assertTrue(parse(REQUIRED, "--killed-with-stop-signal").killedWithStopSignal());
        assertFalse(parse(REQUIRED).killedWithStopSignal());
    }

    @Test
    void parse_allOptions() {
        MonitorOptions options = parse(REQUIRED, "--overlay", "lowerdir=a:b,upperdir=u,workdir=w", "--rootfs", "/r",
                "--terminal", "--interactive");
        assertEquals("abc", options.id());
        assertEquals(Path.of("/b"), options.bundle());
        assertEquals("/usr/bin/runc", options.runtime());
        assertEquals(Path.of("/a.sock"), options.attachSocket());
        assertEquals(2, options.stopSignal());
        assertEquals(5, options.stopTimeoutSeconds());
        assertEquals("lowerdir=a:b,upperdir=u,workdir=w", options.overlay());
        assertEquals(Path.of("/r"), options.rootfs());
        assertTrue(options.terminal());
        assertTrue(options.interactive());
    }

    @Test
    void parse_flagsDefaultToOff() {
        MonitorOptions options = parse(REQUIRED);
        assertFalse(options.terminal());
        assertFalse(options.interactive());
        assertEquals(null, options.overlay());
    }

    @Test
    void parse_missingOption_namesIt() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> parse(REQUIRED.subList(2, REQUIRED.size())));
        assertEquals("missing required option --id", e.getMessage());
    }

    @Test
    void parse_badNumber_namesOptionAndValue() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> parse(REQUIRED, "--stop-timeout", "soon"));
        assertEquals("--stop-timeout needs a number, got 'soon'", e.getMessage());
    }

    @Test
    void cleanup_onlyWithAStore_andRemovalWithItsUnitFile() {
        assertNull(parse(REQUIRED).cleanup());
        ExitCleanup cleanup = parse(REQUIRED, "--store-root", "/d", "--store-runroot", "/r", "--rootless", "--remove",
                "--unit-file", "/u/container-x.service").cleanup();
        assertEquals(new dev.vaina.store.StoreLayout(Path.of("/d"), Path.of("/r"), true), cleanup.layout());
        assertTrue(cleanup.remove());
        assertEquals(Path.of("/u/container-x.service"), cleanup.unitFile());
        IllegalArgumentException half = assertThrows(IllegalArgumentException.class,
                () -> parse(REQUIRED, "--store-root", "/d"));
        assertTrue(half.getMessage().contains("--store-root and --store-runroot go together"), half.getMessage());
        IllegalArgumentException removal = assertThrows(IllegalArgumentException.class, () -> parse(REQUIRED, "--remove"));
        assertTrue(removal.getMessage().contains("--remove and --unit-file need --store-root"), removal.getMessage());
    }

    @Test
    void parse_overlayWithoutRootfs_isRefused() {
        assertThrows(IllegalArgumentException.class, () -> parse(REQUIRED, "--overlay", "lowerdir=a"));
    }

    @Test
    void parse_unknownOption_isRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> parse(REQUIRED, "--tty"));
        assertEquals("unknown option or missing value: --tty", e.getMessage());
    }
}
