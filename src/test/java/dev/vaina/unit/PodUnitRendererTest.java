package dev.vaina.unit;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vaina.spec.ContainerName;
import dev.vaina.spec.RestartPolicy;
import java.util.List;
import org.junit.jupiter.api.Test;

class PodUnitRendererTest {
    private static final String ID = "ab".repeat(32);

    @Test
    void holder_isAOneshotThatStaysActive() {
        String unit = PodUnitRenderer.renderHolder("web", ID);
        assertTrue(unit.contains("Type=oneshot\nRemainAfterExit=yes\nExecStart=/bin/true\n"), unit);
        assertTrue(unit.contains("[X-Pod]\nId=" + ID + "\nName=web\n"), unit);
        assertThrows(IllegalArgumentException.class, () -> PodUnitRenderer.renderHolder("web", "nothex"));
    }

    @Test
    void member_isBoundToItsPodAndStartsAfterIt() {
        String unit = ContainerUnitRenderer.render(new ContainerUnitModel(ID, new ContainerName("app"), "localhost/x:1",
                List.of("/launcher", "start", ID), List.of(), 10, RestartPolicy.NO, null, false,
                "container-app.service", List.of("pod-web.service"), false));
        assertTrue(unit.contains("BindsTo=pod-web.service\nAfter=pod-web.service\n"), unit);
    }

    @Test
    void infra_runsAsThePodsUnit() {
        String unit = ContainerUnitRenderer.render(new ContainerUnitModel(ID, new ContainerName("p-infra"), "localhost/x:1",
                List.of("/launcher", "start", ID), List.of(), 10, RestartPolicy.NO, "vaina pod web", false,
                "pod-web.service", List.of(), true));
        assertTrue(unit.startsWith("# pod-web.service, made by vaina"), unit);
        assertTrue(!unit.contains("BindsTo="), unit);
        assertTrue(unit.contains("\nStopWhenUnneeded=yes\n"), unit);
        assertThrows(IllegalArgumentException.class, () -> new ContainerUnitModel(ID, new ContainerName("a"), "x",
                List.of("/l"), List.of(), 10, RestartPolicy.NO, null, false, "bad name", List.of(), false));
    }
}
