package dev.vaina.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CriLogWriterTest {
    @TempDir
    Path dir;

    @Test
    void timestamp_matchesIsoFormatterWithNineDigits() {
        assertEquals("1970-01-01T00:00:00.000000000Z", CriLogWriter.timestamp(Instant.EPOCH));
        assertEquals("2024-02-29T23:59:59.000000005Z",
                CriLogWriter.timestamp(Instant.parse("2024-02-29T23:59:59.000000005Z")));
        assertEquals("1969-12-31T23:59:59.999999999Z",
                CriLogWriter.timestamp(Instant.parse("1969-12-31T23:59:59.999999999Z")));
        for (long seconds = -5_000_000_000L; seconds < 5_000_000_000L; seconds += 86_399_999L) {
            Instant instant = Instant.ofEpochSecond(seconds, 123_456_789);
            assertEquals(instant.toString(), CriLogWriter.timestamp(instant));
        }
    }

    @Test
    void write_splitsLinesAcrossChunksAndMarksPartials() throws Exception {
        Path log = dir.resolve("ctr.log");
        try (CriLogWriter writer = CriLogWriter.open(log)) {
            write(writer, StreamId.STDOUT, "one\ntw");
            write(writer, StreamId.STDERR, "err\n");
            write(writer, StreamId.STDOUT, "o\n\nlast");
            writer.endOfStream(StreamId.STDOUT);
            writer.endOfStream(StreamId.STDERR);
        }
        assertEquals(List.of("stdout F one", "stderr F err", "stdout F two", "stdout F ", "stdout P last"),
                withoutTimestamps(log));
    }

    @Test
    void write_cutsLinesLongerThanTheLimitIntoPartials() throws Exception {
        Path log = dir.resolve("ctr.log");
        String longLine = "x".repeat(CriLogWriter.MAX_LINE + 10);
        try (CriLogWriter writer = CriLogWriter.open(log)) {
            write(writer, StreamId.STDOUT, longLine + "\n");
        }
        List<String> lines = withoutTimestamps(log);
        assertEquals(2, lines.size());
        assertEquals("stdout P " + "x".repeat(CriLogWriter.MAX_LINE), lines.get(0));
        assertEquals("stdout F xxxxxxxxxx", lines.get(1));
    }

    private static void write(CriLogWriter writer, StreamId stream, String text) throws Exception {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        writer.write(stream, bytes, bytes.length);
    }

    private static List<String> withoutTimestamps(Path log) throws Exception {
        List<String> result = new ArrayList<>();
        for (String line : Files.readAllLines(log)) {
            assertEquals('Z', line.charAt(29), line);
            result.add(line.substring(31));
        }
        return result;
    }
}
