package dev.vaina.cli.containers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vaina.spec.InvalidSpecException;
import java.util.List;
import org.junit.jupiter.api.Test;

class ContainerParsingTest {
    @Test
    void criLogLine_fullAndPartialLinesOnBothStreams() {
        CriLogLine full = CriLogLine.parse("2026-11-28T17:00:00.123456789Z stdout F hello world");
        assertFalse(full.stderr());
        assertEquals("hello world\n", full.output());
        CriLogLine partial = CriLogLine.parse("2026-11-28T17:00:00.1Z stderr P no newline yet");
        assertTrue(partial.stderr());
        assertEquals("no newline yet", partial.output());
        assertEquals("\n", CriLogLine.parse("2026-11-28T17:00:00Z stdout F ").output());
    }

    @Test
    void criLogLine_foreignLineIsShownRatherThanLost() {
        assertEquals("garbage\n", CriLogLine.parse("garbage").output());
    }

    @Test
    void healthOptions_asPodmanTakesThem() {
        HealthOptions options = new HealthOptions();
        assertEquals(null, options.healthCheck(), "no --health-cmd: the image's check");
        options.command = "curl -f http://localhost/";
        options.interval = "disable";
        options.startPeriod = "1m30s";
        dev.vaina.spec.HealthCheck check = options.healthCheck();
        assertEquals(java.util.List.of("CMD-SHELL", "curl -f http://localhost/"), check.test());
        assertEquals(0, check.interval());
        assertEquals(90_000_000_000L, check.startPeriod());
        assertEquals(3, check.retries());
        options.interval = "xx";
        InvalidSpecException bad = assertThrows(InvalidSpecException.class, options::healthCheck);
        assertEquals("invalid healthcheck-interval: time: invalid duration \"xx\"", bad.getMessage());
        options.interval = null;
        options.noHealthcheck = true;
        assertThrows(InvalidSpecException.class, options::healthCheck);
        options.command = null;
        assertTrue(options.healthCheck().disables());
        options.startupCommand = "true";
        assertThrows(InvalidSpecException.class, options::startupHealthCheck, "a startup check needs a regular one");
    }

    @Test
    void psFilters_rejectWhatPodmanRejects_withItsMessages() {
        assertEquals("color is an invalid filter",
                assertThrows(InvalidSpecException.class, () -> PsFilters.parse(List.of("color=red"))).getMessage());
        assertEquals("invalid filter \"name\"",
                assertThrows(InvalidSpecException.class, () -> PsFilters.parse(List.of("name"))).getMessage());
        assertEquals("unknown container state: sleeping: invalid argument",
                assertThrows(InvalidSpecException.class, () -> PsFilters.parse(List.of("status=sleeping"))).getMessage());
        assertEquals("exited code out of range '\\x00': strconv.ParseInt: parsing \"x\": invalid syntax",
                assertThrows(InvalidSpecException.class, () -> PsFilters.parse(List.of("exited=x"))).getMessage());
        assertEquals("exited code out of range '\uFFFD': strconv.ParseInt: parsing \"99999999999\": value out of range",
                assertThrows(InvalidSpecException.class, () -> PsFilters.parse(List.of("exited=99999999999"))).getMessage());
        assertThrows(InvalidSpecException.class, () -> PsFilters.parse(List.of("health=sick")));
    }

    @Test
    void psFilters_takeEveryKeyPodmanTakes() {
        PsFilters filters = PsFilters.parse(List.of("health=starting", "name=^web$", "ancestor=localhost/x", "exited=0",
                "exited=-1", "status=paused", "status=stopped", "volume=v:/data", "network=n", "pod=p", "since=a",
                "before=b", "id=ab", "label=k=v"));
        assertTrue(filters.has("exited") && filters.has("volume") && !filters.has("until"));
    }

    @Test
    void detachKeys_inPodmansNotation() {
        assertEquals(new DetachKeys(new byte[] {16, 17}), DetachKeys.parse(DetachKeys.DEFAULT));
        assertEquals(new DetachKeys(new byte[] {1, 'x', 0, 27, 28, 29, 30, 31}),
                DetachKeys.parse("ctrl-a,x,ctrl-@,ctrl-[,ctrl-\\,ctrl-],ctrl-^,CTRL-_"));
        assertTrue(DetachKeys.parse("").disabled());
        assertEquals("invalid detach keys: Unknown character: 'foo'",
                assertThrows(InvalidSpecException.class, () -> DetachKeys.parse("foo")).getMessage());
        assertThrows(InvalidSpecException.class, () -> DetachKeys.parse("ctrl-1"));
        assertThrows(InvalidSpecException.class, () -> DetachKeys.parse("ctrl-a,,x"));
    }
}
