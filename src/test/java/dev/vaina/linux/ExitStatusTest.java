package dev.vaina.linux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ExitStatusTest {
    @Test
    void decode_exitedWithCode() {
        ExitStatus status = ExitStatus.decode(7 << 8);
        assertFalse(status.signaled());
        assertEquals(7, status.code());
    }

    @Test
    void decode_killedBySignal_isShellConvention() {
        ExitStatus status = ExitStatus.decode(9);
        assertTrue(status.signaled());
        assertEquals(137, status.code());
        assertEquals("killed by signal 9", status.toString());
    }

    @Test
    void decode_killedWithCoreDump() {
        assertEquals(ExitStatus.killedBy(11), ExitStatus.decode(0x80 | 11));
    }
}
