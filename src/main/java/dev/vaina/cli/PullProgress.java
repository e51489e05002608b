package dev.vaina.cli;

import dev.vaina.image.registry.PullListener;
import java.io.PrintWriter;

/** Podman's pull messages: one line per blob when it is done, on standard error. */
final class PullProgress implements PullListener {
    private final PrintWriter out;

    PullProgress(PrintWriter out) {
        this.out = out;
    }

    @Override
    public void resolved(String reference, String manifestDigest) {
        out.println("Getting image source signatures");
        out.flush();
    }

    @Override
    public void layerResumed(String digest, long offset) {
        out.println("Resuming blob " + shortDigest(digest) + " at " + dev.vaina.image.HumanSize.format(offset));
        out.flush();
    }

    @Override
    public void layerDone(String digest, boolean alreadyPresent) {
        out.println("Copying blob " + shortDigest(digest) + (alreadyPresent ? " skipped: already exists" : " done"));
        out.flush();
    }

    @Override
    public void imageStored(String imageId) {
        out.println("Writing manifest to image destination");
        out.flush();
    }

    private static String shortDigest(String digest) {
        String hex = digest.startsWith("sha256:") ? digest.substring(7) : digest;
        return hex.substring(0, Math.min(12, hex.length()));
    }
}
