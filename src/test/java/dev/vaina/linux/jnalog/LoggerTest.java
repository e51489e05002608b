package dev.vaina.linux.jnalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class LoggerTest {
    @Test
    void recordsFromInfoUp_goToStandardError_withTheirParametersInPlace() {
        Logger logger = Logger.getLogger("com.sun.jna.Native");
        String written = standardErrorOf(() -> {
            logger.log(Level.FINE, "Looking in {0}", "/usr/lib");
            logger.log(Level.INFO, "Found jnidispatch at {0}", "/usr/lib/vaina/jna");
            logger.log(Level.WARNING, "{0} and {1}", new Object[] {"one", 2});
            logger.log(Level.SEVERE, "cleaner failed", new IllegalStateException("why"));
            logger.log(Level.WARNING, "no parameters {0}");
        });
        String[] lines = written.split("\n");
        assertEquals("JNA INFO: Found jnidispatch at /usr/lib/vaina/jna", lines[0], written);
        assertEquals("JNA WARNING: one and 2", lines[1], written);
        assertEquals("JNA SEVERE: cleaner failed", lines[2], written);
        assertTrue(lines[3].startsWith("java.lang.IllegalStateException: why"), written);
        assertTrue(written.endsWith("JNA WARNING: no parameters {0}\n"), written);
        assertFalse(written.contains("Looking in"), written);
        assertTrue(logger.isLoggable(Level.INFO));
        assertFalse(logger.isLoggable(Level.FINE));
    }

    private static String standardErrorOf(Runnable action) {
        PrintStream err = System.err;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        System.setErr(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try {
            action.run();
        } finally {
            System.setErr(err);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
