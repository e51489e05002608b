package dev.vaina.linux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.jna.Memory;
import com.sun.jna.NativeLibrary;
import com.sun.jna.internal.Cleaner;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** vaina's stand-in for JNA's cleaner (src/main/java/com/sun/jna/internal): JNA's calls, no thread. */
class JnaCleanerTest {
    @Test
    void aLoadedLibraryAndItsMemory_startNoThread() {
        NativeLibrary.getInstance("c");
        new Memory(64).close();
        Memory dropped = new Memory(64);
        assertNotEquals(0, dropped.size());
        List<String> names = new ArrayList<>();
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            names.add(thread.getName());
        }
        // JNA's own cleaner named its thread so.
        assertTrue(names.stream().noneMatch(name -> name.contains("Cleaner") && name.contains("JNA")), names::toString);
    }

    @Test
    void aCleanableCleaned_runsItsCleanupOnce() {
        AtomicInteger runs = new AtomicInteger();
        Object kept = new Object();
        Cleaner.Cleanable cleanable = Cleaner.getCleaner().register(kept, runs::incrementAndGet);
        assertEquals(0, runs.get());
        cleanable.clean();
        cleanable.clean();
        assertEquals(1, runs.get());
    }

    @Test
    void whatBecameUnreachable_isCleanedAtALaterRegistration() throws InterruptedException {
        AtomicInteger runs = new AtomicInteger();
        Cleaner.getCleaner().register(new Object(), runs::incrementAndGet);
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (runs.get() == 0 && System.nanoTime() < deadline) {
            System.gc();
            Thread.sleep(10);
            Cleaner.getCleaner().register(this, () -> { }).clean();
        }
        assertEquals(1, runs.get());
    }
}
