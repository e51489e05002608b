package dev.vaina.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HealthStateTest {
    private static HealthState.Check check(int code) {
        return new HealthState.Check("2026-01-01T00:00:00Z", "2026-01-01T00:00:01Z", code, "out " + code);
    }

    @Test
    void failuresCountUpToRetries_andOneSuccessIsHealthy() {
        HealthState state = HealthState.INITIAL.after(check(1), false, 2);
        assertEquals(HealthState.STARTING, state.status());
        assertEquals(1, state.failingStreak());
        state = state.after(check(1), false, 2);
        assertEquals(HealthState.UNHEALTHY, state.status());
        assertEquals(2, state.failingStreak());
        state = state.after(check(0), false, 2);
        assertEquals(HealthState.HEALTHY, state.status());
        assertEquals(0, state.failingStreak());
        state = state.after(check(1), false, 2);
        assertEquals(HealthState.HEALTHY, state.status(), "one failure of a healthy container is not yet unhealthy");
    }

    @Test
    void failuresInTheStartPeriod_areLoggedButDoNotCount() {
        HealthState state = HealthState.INITIAL.after(check(1), true, 1);
        assertEquals(HealthState.STARTING, state.status());
        assertEquals(0, state.failingStreak());
        assertEquals(1, state.log().size());
    }

    @Test
    void startupCheck_passesAfterTheRequiredSuccessesInARow() {
        HealthState state = HealthState.INITIAL.afterStartup(check(0), 2).afterStartup(check(1), 2);
        assertEquals(false, state.startupPassed());
        assertEquals(1, state.startupFailures());
        state = state.afterStartup(check(0), 2);
        assertEquals(false, state.startupPassed());
        state = state.afterStartup(check(0), 2);
        assertEquals(true, state.startupPassed());
        assertEquals(HealthState.STARTING, state.status(), "the regular check decides healthy");
    }

    @Test
    void keepsTheLastFiveChecks_andBoundsTheirOutput() {
        HealthState state = HealthState.INITIAL;
        for (int i = 0; i < 7; i++) {
            state = state.after(check(i == 6 ? 0 : 1), false, 100);
        }
        assertEquals(5, state.log().size());
        assertEquals("out 0", state.log().get(4).output());
        assertEquals(500, new HealthState.Check("a", "b", 1, "x".repeat(600)).output().length());
    }

    @Test
    void recordedChecks_surviveARead_andAStartForgetsThem(@TempDir Path dir) throws Exception {
        StoreLayout layout = new StoreLayout(dir.resolve("data"), dir.resolve("run"), true);
        String id = "a".repeat(64);
        java.nio.file.Files.createDirectories(layout.container(id));
        HealthState.record(layout, id, state -> state.after(check(1), false, 3));
        HealthState recorded = HealthState.record(layout, id, state -> state.after(check(1), false, 3));
        assertEquals(recorded, HealthState.read(layout, id));
        assertEquals(List.of(check(1), check(1)), HealthState.read(layout, id).log());
        HealthState.reset(layout, id);
        assertEquals(HealthState.INITIAL, HealthState.read(layout, id));
    }
}
