package dev.vaina.systemd;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** What a finished job is taken to have done when its JobRemoved signal did not arrive in time. */
class LostJobSignalTest {
    private static UnitStatus unit(String activeState) {
        return new UnitStatus("container-x.service", "loaded", activeState, "dead", 0, 0, 0, false, "");
    }

    @Test
    void stop_thatLeftTheUnitFailed_isDone_becauseFailedTellsHowTheServiceEnded() {
        // a container killed after its stop timeout exits 137, and the unit ends up failed after a good stop
        assertEquals(JobResult.DONE, Systemd.judgedByState("stop", unit("failed")));
        assertEquals(JobResult.DONE, Systemd.judgedByState("stop", unit("inactive")));
        assertEquals(JobResult.DONE, Systemd.judgedByState("stop", UnitStatus.notFound("container-x.service")));
    }

    @Test
    void stop_ofAUnitThatRunsAgain_failed() {
        assertEquals(JobResult.FAILED, Systemd.judgedByState("stop", unit("active")));
        assertEquals(JobResult.FAILED, Systemd.judgedByState("stop", unit("activating")));
    }

    @Test
    void start_failedOnlyWhenTheUnitFailed() {
        assertEquals(JobResult.FAILED, Systemd.judgedByState("start", unit("failed")));
        assertEquals(JobResult.DONE, Systemd.judgedByState("start", unit("active")));
    }
}
