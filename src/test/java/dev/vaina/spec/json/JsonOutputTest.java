package dev.vaina.spec.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The records a document holds are written by the writer the caller hands in, and by nothing else. */
class JsonOutputTest {
    record Point(int x, int y) {
    }

    record Other(String name) {
    }

    private static final JsonOutput.RecordWriter POINTS = (record, out) -> {
        if (!(record instanceof Point point)) {
            return false;
        }
        out.beginObject();
        out.name("x");
        out.number(point.x());
        out.name("y");
        out.number(point.y());
        out.endObject();
        return true;
    };

    @Test
    void record_isWrittenInItsPlaceByTheRecordWriterGiven() {
        assertEquals("{\"at\":[{\"x\":1,\"y\":2},null]}", JsonOutput.compact().writingRecordsWith(POINTS)
                .value(Map.of("at", Arrays.asList(new Point(1, 2), null))).toString());
        assertEquals("[ {\n  \"x\" : 3,\n  \"y\" : 4\n} ]",
                JsonOutput.pretty().writingRecordsWith(POINTS).value(List.of(new Point(3, 4))).toString());
    }

    @Test
    void record_withoutAWriter_orOneItsWriterDeclines_isRefused() {
        IllegalArgumentException none = assertThrows(IllegalArgumentException.class,
                () -> JsonOutput.compact().value(List.of(new Point(1, 2))));
        assertEquals("no JSON for " + Point.class.getName(), none.getMessage());
        IllegalArgumentException declined = assertThrows(IllegalArgumentException.class,
                () -> JsonOutput.compact().writingRecordsWith(POINTS).value(new Other("a")));
        assertEquals("no JSON for " + Other.class.getName(), declined.getMessage());
    }
}
