package dev.vaina.unit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.vaina.spec.ContainerName;
import dev.vaina.spec.RestartPolicy;

/**
 * Golden files under fixtures/unit/rendered. After an intended change of the template, regenerate them with
 * -Dvaina.golden.update=true and review the diff.
 */
class ContainerUnitRendererTest {
    static final Path GOLDEN = Path.of("src/test/resources/fixtures/unit/rendered");
    static final String ID = "3f4e5d6c7b8a99887766554433221100ffeeddccbbaa00998877665544332211";
    static final List<String> LAUNCHER = List.of("/usr/local/bin/vaina", "launcher", ID);
    static final List<String> CLEANUP = List.of("/usr/local/bin/vaina", "launcher", "cleanup", ID);

    static ContainerUnitModel model(String name, String restart, List<String> execStart, List<String> cleanup,
            String description) {
        return new ContainerUnitModel(ID, new ContainerName(name), "docker.io/library/busybox:latest", execStart,
                cleanup, 10, RestartPolicy.parse(restart), description, name.endsWith("-rm"));
    }

    @Test
    void render_restartNo() throws IOException {
        assertGolden("container-web.service", model("web", "no", LAUNCHER, CLEANUP, null));
    }

    @Test
    void render_removedOnExit_isCollectedEvenWhenFailed() throws IOException {
        assertGolden("container-web-rm.service", model("web-rm", "no", LAUNCHER, CLEANUP, null));
    }

    @Test
    void render_onFailureWithRetriesBoundsStarts() throws IOException {
        assertGolden("container-retry3.service", model("retry3", "on-failure:3", LAUNCHER, CLEANUP, null));
    }

    @Test
    void render_onFailureUnlimited() throws IOException {
        assertGolden("container-retry.service", model("retry", "on-failure", LAUNCHER, List.of(), null));
    }

    @Test
    void render_always() throws IOException {
        assertGolden("container-always.service", model("always", "always", LAUNCHER, CLEANUP, null));
    }

    @Test
    void render_unlessStoppedWithArgumentsThatNeedQuoting() throws IOException {
        List<String> launcher = List.of("/opt/my tools/java", "-Dx=$HOME", "100%", "say \"hi\"", ";", "",
                "back\\slash");
        assertGolden("container-quoted.service",
                model("quoted", "unless-stopped", launcher, CLEANUP, "web shop at 100% (v2)"));
    }

    @Test
    void render_isAValidUnitFileWithTheTraceSection() {
        String text = ContainerUnitRenderer.render(model("web", "on-failure:2", LAUNCHER, CLEANUP, null));
        UnitFile unit = UnitFile.parse(text, "container-web.service");
        assertEquals(List.of("Unit", "Service", "X-Container"), unit.sectionNames());
        assertEquals(Optional.of(ID), unit.lookupLast("X-Container", "Id"));
        assertEquals(Optional.of("web"), unit.lookupLast("X-Container", "Name"));
        assertEquals(Optional.of("docker.io/library/busybox:latest"), unit.lookupLast("X-Container", "Image"));
        assertEquals(Optional.of("3"), unit.lookupLast("Unit", "StartLimitBurst"));
        assertEquals(Optional.of("15"), unit.lookupLast("Service", "TimeoutStopSec"));
        assertEquals(Optional.of("-/usr/local/bin/vaina launcher cleanup " + ID),
                unit.lookupLast("Service", "ExecStopPost"));
    }

    @Test
    void model_refusesARelativeLauncher() {
        assertThrows(IllegalArgumentException.class,
                () -> ContainerUnitRenderer.render(model("web", "no", List.of("vaina"), CLEANUP, null)));
        assertThrows(IllegalArgumentException.class, () -> model("web", "no", List.of(), CLEANUP, null));
    }

    @Test
    void render_handedOverContainer_stopsWithItsOwnStopSignal() {
        String unit = ContainerUnitRenderer.render(new ContainerUnitModel(ID, new ContainerName("through"),
                "docker.io/library/nginx:latest", LAUNCHER, CLEANUP, 10, RestartPolicy.NO, null, false,
                "container-through.service", List.of(), false, dev.vaina.spec.ResourceLimits.NONE, null, null, "main",
                null, "SIGQUIT"));
        assertTrue(unit.contains("\nKillMode=mixed\nKillSignal=SIGQUIT\n"), unit);
        assertTrue(unit.contains("hands the container over"), unit);
        assertTrue(ContainerUnitRenderer.render(model("web", "no", LAUNCHER, CLEANUP, null)).contains("\nKillSignal=SIGTERM\n"));
        assertThrows(IllegalArgumentException.class, () -> new ContainerUnitModel(ID, new ContainerName("through"),
                "x", LAUNCHER, CLEANUP, 10, RestartPolicy.NO, null, false, "container-through.service", List.of(), false,
                dev.vaina.spec.ResourceLimits.NONE, null, null, "main", null, "QUIT\nExecStart=/bin/evil"));
    }

    @Test
    void render_withHealthcheckTimer_andReadinessFromTheContainer() throws IOException {
        assertGolden("container-checked.service", new ContainerUnitModel(ID, new ContainerName("checked"),
                "docker.io/library/busybox:latest", LAUNCHER, CLEANUP, 10, RestartPolicy.parse("always"), null, false,
                "container-checked.service", List.of(), false, dev.vaina.spec.ResourceLimits.NONE, null,
                "container-checked-healthcheck.timer container-checked-healthcheck-startup.timer", "all", null, null));
        assertGolden("container-checked-healthcheck.timer", HealthcheckUnitRenderer.renderTimer(ID, "checked",
                "container-checked.service", false, 1_500_000_000L));
        assertGolden("container-checked-healthcheck-startup.timer", HealthcheckUnitRenderer.renderTimer(ID, "checked",
                "container-checked.service", true, 2_000_000_000L));
        assertGolden("container-checked-healthcheck.service", HealthcheckUnitRenderer.renderService(ID, "checked",
                "container-checked.service", List.of("/usr/local/bin/vaina", "--root", "/var/lib/vaina", "healthcheck",
                        "run", ID)));
    }

    @Test
    void healthcheckTimer_wholeSecondsAndSubSecondIntervals() {
        String timer = HealthcheckUnitRenderer.renderTimer(ID, "web", "container-web.service", false, 30_000_000_000L);
        assertEquals(true, timer.contains("\nOnUnitInactiveSec=30s\nAccuracySec=1s\n"), timer);
        timer = HealthcheckUnitRenderer.renderTimer(ID, "web", "container-web.service", false, 250_000_000L);
        assertEquals(true, timer.contains("\nOnUnitInactiveSec=250ms\nAccuracySec=250ms\n"), timer);
    }

    private static void assertGolden(String file, ContainerUnitModel model) throws IOException {
        assertGolden(file, ContainerUnitRenderer.render(model));
    }

    private static void assertGolden(String file, String rendered) throws IOException {
        Path golden = GOLDEN.resolve(file);
        if (Boolean.getBoolean("vaina.golden.update")) {
            Files.createDirectories(GOLDEN);
            Files.writeString(golden, rendered, StandardCharsets.UTF_8);
        }
        assertEquals(Files.readString(golden, StandardCharsets.UTF_8), rendered, "differs from " + golden);
    }
}
