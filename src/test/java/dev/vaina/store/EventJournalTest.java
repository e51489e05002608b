package dev.vaina.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EventJournalTest {
    @TempDir
    Path dir;

    private static Event event(String status, int n) {
        return new Event(Instant.ofEpochSecond(1_800_000_000L + n, 123), "container", status, "id" + n, "name" + n,
                "localhost/busybox:latest", status.equals("died") ? n : null, Map.of());
    }

    @Test
    void append_thenRead_givesTheEventsBack_withPodmansJsonKeys() throws IOException {
        EventJournal journal = new EventJournal(dir.resolve("events.log"), 1 << 20);
        assertNull(journal.append(event("create", 1)));
        assertNull(journal.append(event("died", 3)));
        assertEquals(List.of(event("create", 1), event("died", 3)), journal.read());
        String lines = Files.readString(dir.resolve("events.log"));
        assertTrue(lines.startsWith("{\"ID\":\"id1\",\"Image\":\"localhost/busybox:latest\",\"Name\":\"name1\",\"Status\":\"create\""), lines);
        assertTrue(lines.contains("{\"ContainerExitCode\":3,\"ID\":\"id3\""), lines);
    }

    /** Podman 4.3's JSON: an image event has no Image, a load no ID, and null Attributes; health_status its result. */
    @Test
    void imageAndHealthEvents_haveThePodmanJsonLayout() throws IOException {
        Instant time = Instant.ofEpochSecond(1_800_000_000L, 5);
        Event save = new Event(time, "image", "save", "abc", "/tmp/a.tar", null, null, null);
        assertEquals("{\"ID\":\"abc\",\"Name\":\"/tmp/a.tar\",\"Status\":\"save\",\"Time\":\"2027-01-15T08:00:00.000000005Z\","
                + "\"Type\":\"image\",\"Attributes\":null}", save.toJson());
        Event load = new Event(time, "image", "loadfromarchive", "", "/tmp/a.tar", null, null, null);
        assertEquals("{\"Name\":\"/tmp/a.tar\",\"Status\":\"loadfromarchive\",\"Time\":\"2027-01-15T08:00:00.000000005Z\","
                + "\"Type\":\"image\",\"Attributes\":null}", load.toJson());
        Event health = new Event(time, "container", "health_status", "id", "web", "localhost/x:1", null, Map.of(), "healthy");
        assertEquals("{\"ID\":\"id\",\"Image\":\"localhost/x:1\",\"Name\":\"web\",\"Status\":\"health_status\","
                + "\"Time\":\"2027-01-15T08:00:00.000000005Z\",\"Type\":\"container\",\"health_status\":\"healthy\","
                + "\"Attributes\":{}}", health.toJson());
        EventJournal journal = new EventJournal(dir.resolve("events.log"), 1 << 20);
        journal.append(save);
        journal.append(load);
        journal.append(health);
        assertEquals(List.of(save, load, health), journal.read(), "read back as written");
    }

    @Test
    void read_fromAPosition_givesOnlyWhatCameAfter_andAHalfWrittenLineLater() throws IOException {
        Path file = dir.resolve("events.log");
        EventJournal journal = new EventJournal(file, 1 << 20);
        journal.append(event("create", 1));
        EventJournal.Batch first = journal.read(new EventJournal.Position(null, 0));
        assertEquals(1, first.events().size());
        journal.append(event("start", 2));
        Files.writeString(file, "{\"ID\":", java.nio.file.StandardOpenOption.APPEND);
        EventJournal.Batch second = journal.read(first.next());
        assertEquals(List.of(event("start", 2)), second.events(), "the unfinished line waits");
        assertEquals(List.of(), journal.read(second.next()).events());
    }

    @Test
    void pastTheLimit_theOlderHalfIsDropped_andTheRestStaysWhole() throws IOException {
        EventJournal journal = new EventJournal(dir.resolve("events.log"), 4096);
        for (int i = 0; i < 100; i++) {
            assertNull(journal.append(event("create", i)));
        }
        assertTrue(Files.size(dir.resolve("events.log")) <= 4096, "bounded");
        List<Event> kept = journal.read();
        assertEquals(event("create", 99), kept.get(kept.size() - 1), "the newest is kept");
        for (int i = 1; i < kept.size(); i++) {
            assertTrue(kept.get(i).time().isAfter(kept.get(i - 1).time()), "in order, no torn line");
        }
    }

    @Test
    void times_areWrittenAsGoWritesThem() {
        assertEquals("2026-12-02T15:37:34.09277451Z", Event.rfc3339Nano(Instant.parse("2026-12-02T15:37:34.092774510Z")));
        assertEquals("2026-12-02T15:37:34.5Z", Event.rfc3339Nano(Instant.parse("2026-12-02T15:37:34.500Z")));
        assertEquals("2026-12-02T15:37:34Z", Event.rfc3339Nano(Instant.parse("2026-12-02T15:37:34Z")));
    }

    @Test
    void aMissingJournal_hasNoEvents() throws IOException {
        assertEquals(List.of(), new EventJournal(dir.resolve("none.log"), 4096).read());
    }
}
