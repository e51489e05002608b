package dev.vaina.image;

import dev.vaina.testsupport.TarBuilder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** Two layers where the upper one deletes a file and makes a directory opaque, and an overlay mount to check it. */
final class OverlayLayers {
    private OverlayLayers() {
    }

    static TarBuilder lower() {
        return new TarBuilder()
                .dir("d", 0755)
                .file("d/from-lower", "lower", 0644)
                .file("doomed", "deleted by the upper layer", 0644)
                .dir("kept", 0755)
                .file("kept/x", "x", 0644);
    }

    static TarBuilder upper() {
        return new TarBuilder()
                .file(".wh.doomed", "", 0644)
                .dir("d", 0755)
                .file("d/.wh..wh..opq", "", 0644)
                .file("d/from-upper", "upper", 0644);
    }

    /**
     * Mounts {@code lowerdirs} (top-most first) read-only with the options the launcher must use and lists
     * the merged tree. {@code prefix} runs the mount in a new namespace (e.g. unshare as a non-root user).
     */
    static String mergedListing(List<String> prefix, List<Path> lowerdirs, Path mountPoint) throws IOException,
            InterruptedException {
        String lower = lowerdirs.stream().map(Path::toString).collect(Collectors.joining(":"));
        String script = "mount -t overlay overlay -o userxattr,lowerdir=" + lower + " " + mountPoint
                + " && cd " + mountPoint + " && find . | sort";
        List<String> command = new ArrayList<>(prefix);
        command.addAll(List.of("sh", "-c", script));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IOException(String.join(" ", command) + " failed: " + output);
        }
        return output;
    }

    static final String EXPECTED_MERGED = String.join("\n", ".", "./d", "./d/from-upper", "./kept", "./kept/x") + "\n";
}
