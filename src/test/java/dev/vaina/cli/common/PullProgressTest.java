package dev.vaina.cli.common;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The pull progress renderer, fed events with a fake clock. */
class PullProgressTest {
    private static final String DIGEST = "sha256:3c8a1b2f9d1e" + "0".repeat(52);
    private static final long MIB = 1024 * 1024;

    private final StringWriter text = new StringWriter();
    private final AtomicLong clock = new AtomicLong(1_000);

    private PullProgress progress(boolean terminal) {
        return new PullProgress(new PrintWriter(text), terminal, clock::get);
    }

    @Test
    void notATerminal_printsOnlyTheDoneLines() {
        PullProgress progress = progress(false);
        progress.resolved("r", "sha256:x");
        progress.layerStarted(DIGEST, 4 * MIB);
        progress.layerProgress(DIGEST, MIB);
        clock.addAndGet(500);
        progress.layerProgress(DIGEST, 4 * MIB);
        progress.layerDone(DIGEST, false);
        progress.layerDone(DIGEST, true);
        progress.imageStored("id");
        assertEquals("Getting image source signatures\nCopying blob 3c8a1b2f9d1e done\n"
                + "Copying blob 3c8a1b2f9d1e skipped: already exists\nWriting manifest to image destination\n",
                text.toString().replace(System.lineSeparator(), "\n"));
    }

    @Test
    void progressLine_showsBarSizesAndRate() {
        assertEquals("Copying blob 3c8a1b2f9d1e [======>                       ] 1.0MiB / 4.0MiB (2.0MiB/s)",
                PullProgress.progressLine(DIGEST, 4 * MIB, MIB, MIB, 500));
        assertEquals("Copying blob 3c8a1b2f9d1e [==============================] 4.0MiB / 4.0MiB (4.0MiB/s)",
                PullProgress.progressLine(DIGEST, 4 * MIB, 4 * MIB, 4 * MIB, 1000));
        assertEquals("Copying blob 3c8a1b2f9d1e [                              ] 0B / 4.0MiB",
                PullProgress.progressLine(DIGEST, 4 * MIB, 0, 0, 0));
        assertEquals("Copying blob 3c8a1b2f9d1e 512.0KiB (1.0MiB/s)",
                PullProgress.progressLine(DIGEST, -1, 512 * 1024, 512 * 1024, 500));
    }

    @Test
    void terminal_redrawsAtMostEvery100ms_thenPrintsTheDoneLine() {
        PullProgress progress = progress(true);
        progress.layerStarted(DIGEST, 4 * MIB);
        clock.addAndGet(500);
        progress.layerProgress(DIGEST, MIB); // first progress: drawn
        clock.addAndGet(50);
        progress.layerProgress(DIGEST, 2 * MIB); // 50 ms later: skipped
        clock.addAndGet(50);
        progress.layerProgress(DIGEST, 3 * MIB); // 100 ms after the last draw: drawn
        progress.layerDone(DIGEST, false);

        String first = PullProgress.progressLine(DIGEST, 4 * MIB, MIB, MIB, 500);
        String second = PullProgress.progressLine(DIGEST, 4 * MIB, 3 * MIB, 3 * MIB, 600);
        assertEquals("\r" + first + "\r" + second + " ".repeat(Math.max(0, first.length() - second.length()))
                + "\r" + " ".repeat(second.length()) + "\r" + "Copying blob 3c8a1b2f9d1e done\n",
                text.toString().replace(System.lineSeparator(), "\n"));
    }

    @Test
    void terminal_resumedBytesDoNotCountInTheRate() {
        PullProgress progress = progress(true);
        progress.layerStarted(DIGEST, 4 * MIB);
        progress.layerResumed(DIGEST, 2 * MIB);
        clock.addAndGet(1000);
        progress.layerProgress(DIGEST, 3 * MIB);
        assertEquals("Resuming blob 3c8a1b2f9d1e at 2.1 MB\n\r"
                + PullProgress.progressLine(DIGEST, 4 * MIB, 3 * MIB, MIB, 1000),
                text.toString().replace(System.lineSeparator(), "\n"));
        assertEquals(true, text.toString().endsWith("(1.0MiB/s)"));
    }
}
