package dev.vaina.cli.common;

import dev.vaina.image.HumanSize;
import dev.vaina.image.registry.PullListener;
import java.io.PrintWriter;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Podman's pull messages on standard error. Not on a terminal: one line per blob when it is done (scripts and
 * tests read those lines). On a terminal also a progress line per blob while it downloads,
 * {@code Copying blob 3c8a1b2f9d1e [=====>        ] 1.2MiB / 3.4MiB (5.0MiB/s)}, redrawn in place with a
 * carriage return at most every {@link #REDRAW_MILLIS} ms and replaced by the "done" line at the end. Layers
 * download at once: their calls are serialised, and the line shows the blob that reported last.
 */
final class PullProgress implements PullListener {
    static final long REDRAW_MILLIS = 100;
    private static final int BAR_WIDTH = 30;

    private final PrintWriter out;
    private final boolean terminal;
    private final LongSupplier clockMillis;
    private final Map<String, Blob> blobs = new HashMap<>();
    /** Length of the progress line on screen, so the next line can blank what it does not overwrite. */
    private int drawn;

    PullProgress(PrintWriter out) {
        this(out, false, System::currentTimeMillis);
    }

    PullProgress(PrintWriter out, boolean terminal, LongSupplier clockMillis) {
        this.out = out;
        this.terminal = terminal;
        this.clockMillis = clockMillis;
    }

    /** Progress lines when the process talks to a terminal (what Java 17 can tell: it has a console). */
    static PullProgress forStderr(PrintWriter err) {
        return new PullProgress(err, System.console() != null, System::currentTimeMillis);
    }

    @Override
    public synchronized void resolved(String reference, String manifestDigest) {
        out.println("Getting image source signatures");
        out.flush();
    }

    @Override
    public synchronized void layerStarted(String digest, long size) {
        if (terminal) {
            blobs.put(digest, new Blob(size, clockMillis.getAsLong()));
        }
    }

    @Override
    public synchronized void layerResumed(String digest, long offset) {
        clearLine();
        out.println("Resuming blob " + shortDigest(digest) + " at " + HumanSize.format(offset));
        out.flush();
        Blob blob = blobs.get(digest);
        if (blob != null) {
            blob.resumedAt = offset;
        }
    }

    @Override
    public synchronized void layerProgress(String digest, long bytesSoFar) {
        Blob blob = blobs.get(digest);
        if (blob == null) {
            return;
        }
        long now = clockMillis.getAsLong();
        if (blob.lastDraw >= 0 && now - blob.lastDraw < REDRAW_MILLIS) {
            return;
        }
        blob.lastDraw = now;
        draw(progressLine(digest, blob.total, bytesSoFar, bytesSoFar - blob.resumedAt, now - blob.started));
    }

    @Override
    public synchronized void layerDone(String digest, boolean alreadyPresent) {
        blobs.remove(digest);
        clearLine();
        out.println("Copying blob " + shortDigest(digest) + (alreadyPresent ? " skipped: already exists" : " done"));
        out.flush();
    }

    @Override
    public synchronized void imageStored(String imageId) {
        clearLine();
        out.println("Writing manifest to image destination");
        out.flush();
    }

    /**
     * One progress line: the bar when the total is known, the sizes in binary units, and the rate of the bytes
     * received in this run (resumed bytes excluded) over {@code elapsedMillis}.
     */
    static String progressLine(String digest, long total, long done, long receivedNow, long elapsedMillis) {
        StringBuilder line = new StringBuilder("Copying blob ").append(shortDigest(digest)).append(' ');
        if (total > 0) {
            int filled = (int) Math.min(BAR_WIDTH, done * BAR_WIDTH / total);
            line.append('[');
            line.append("=".repeat(Math.max(0, filled - 1)));
            line.append(filled == 0 ? "" : filled == BAR_WIDTH ? "=" : ">");
            line.append(" ".repeat(BAR_WIDTH - filled));
            line.append("] ").append(mebibytes(done)).append(" / ").append(mebibytes(total));
        } else {
            line.append(mebibytes(done));
        }
        if (elapsedMillis > 0) {
            double perSecond = receivedNow * 1000.0 / elapsedMillis;
            line.append(" (").append(mebibytes(perSecond)).append("/s)");
        }
        return line.toString();
    }

    /** Bytes as go-units' BytesSize prints them in Podman's bars: binary units, one decimal. */
    static String mebibytes(double bytes) {
        String[] units = {"B", "KiB", "MiB", "GiB", "TiB"};
        int unit = 0;
        double value = bytes;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return unit == 0 ? String.format(Locale.ROOT, "%dB", (long) value)
                : String.format(Locale.ROOT, "%.1f%s", value, units[unit]);
    }

    private void draw(String line) {
        out.print("\r" + line + " ".repeat(Math.max(0, drawn - line.length())));
        out.flush();
        drawn = line.length();
    }

    /** Puts the cursor at the start of a blank line before a finished line is printed over a progress line. */
    private void clearLine() {
        if (drawn > 0) {
            out.print("\r" + " ".repeat(drawn) + "\r");
            drawn = 0;
        }
    }

    private static String shortDigest(String digest) {
        String hex = digest.startsWith("sha256:") ? digest.substring(7) : digest;
        return hex.substring(0, Math.min(12, hex.length()));
    }

    private static final class Blob {
        final long total;
        final long started;
        long resumedAt;
        long lastDraw = -1;

        Blob(long total, long started) {
            this.total = total;
            this.started = started;
        }
    }
}
