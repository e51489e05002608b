package dev.vaina.it.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.opentest4j.AssertionFailedError;

/** What a command printed as JSON, for assertions. */
public final class JsonOutput {
    private JsonOutput() {
    }

    /** The one object of the JSON array an inspect printed; fails unless it succeeded and printed exactly one. */
    public static Map<String, Object> onlyObject(Result inspect) {
        inspect.assertSuccess();
        try {
            List<Object> objects = JSON.std.listFrom(inspect.stdout());
            assertEquals(1, objects.size(), inspect::describe);
            @SuppressWarnings("unchecked")
            Map<String, Object> object = (Map<String, Object>) objects.get(0);
            return object;
        } catch (IOException e) {
            throw new AssertionFailedError("not a JSON array: " + e.getMessage() + "\n" + inspect.describe(), e);
        }
    }
}
