package dev.vaina.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Gives files to a user and group as a container sees them. As root the container's ids are the host's;
 * rootless, a container's uid N is the N-th of the user's subordinate ids (uid 0 is the user), the map the
 * launcher's {@code unshare --map-users=auto} makes, so chown runs inside the same kind of user namespace.
 */
public final class ContainerOwnership {
    private ContainerOwnership() {
    }

    public static void chown(StoreLayout layout, Path path, long uid, long gid, boolean recursive) throws IOException {
        List<String> argv = new ArrayList<>();
        if (layout.rootless()) {
            argv.addAll(List.of("/usr/bin/unshare", "--user", "--map-users=auto", "--map-groups=auto",
                    "--map-root-user", "--"));
        }
        argv.add("chown");
        if (recursive) {
            argv.add("-R");
        }
        argv.add("-h");
        argv.add(uid + ":" + gid);
        argv.add(path.toString());
        run(argv);
    }

    /** Deletes a tree whose files a container's users own, which a rootless user cannot do on the host. */
    public static void delete(StoreLayout layout, Path path) throws IOException {
        if (!layout.rootless() || inContainerIds()) {
            FileTrees.delete(path);
            return;
        }
        run(List.of("/usr/bin/unshare", "--user", "--map-users=auto", "--map-groups=auto", "--map-root-user",
                "--", "rm", "-rf", "--", path.toString()));
    }

    /**
     * Root with a rootless store: this process runs in a user namespace that maps the container's ids already
     * (the monitor's), where another one could not be made, and where it may delete what they own.
     */
    private static boolean inContainerIds() {
        return new com.sun.security.auth.module.UnixSystem().getUid() == 0;
    }

    private static void run(List<String> argv) throws IOException {
        Process process = new ProcessBuilder(argv).redirectErrorStream(true).redirectInput(ProcessBuilder.Redirect.PIPE)
                .start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        try {
            if (process.waitFor() != 0) {
                throw new IOException(String.join(" ", argv) + " failed: " + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while running " + argv.get(0), e);
        }
    }
}
