package dev.vaina.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Gives files to a user and group as a container sees them. As root the container's ids are the host's;
 * rootless, a container's uid N is the N-th of the user's subordinate ids (uid 0 is the user), the map the
 * launcher makes ({@link ContainerIds#unshareOptions}), so chown runs inside the same kind of user namespace.
 */
public final class ContainerOwnership {
    private ContainerOwnership() {
    }

    public static void chown(StoreLayout layout, Path path, long uid, long gid, boolean recursive) throws IOException {
        List<String> argv = new ArrayList<>(inUserNamespace(layout));
        argv.add("chown");
        if (recursive) {
            argv.add("-R");
        }
        argv.add("-h");
        argv.add(uid + ":" + gid);
        argv.add(path.toString());
        run(argv);
    }

    /**
     * Copies a tree, each file's owner and group replaced through the maps (ids as a container without a user
     * namespace of its own sees them; an id the maps leave out stays), modes, links, device nodes and user.*
     * xattrs (overlayfs's opaque marks) kept: GNU tar's owner and group maps do the shift in one pass.
     */
    public static void copyWithOwners(StoreLayout layout, Path source, Path target, Map<Long, Long> uids,
            Map<Long, Long> gids) throws IOException {
        Path ownerMap = Files.createTempFile(target.getParent(), ".uids", "");
        Path groupMap = Files.createTempFile(target.getParent(), ".gids", "");
        try {
            Files.writeString(ownerMap, idMapFile(uids));
            Files.writeString(groupMap, idMapFile(gids));
            List<String> argv = new ArrayList<>(inUserNamespace(layout));
            argv.addAll(List.of("/bin/bash", "-o", "pipefail", "-c",
                    "mkdir -- \"$2\" && tar --numeric-owner --xattrs --xattrs-include='user.*' --owner-map=\"$3\""
                    + " --group-map=\"$4\" -C \"$1\" -cf - . | tar --numeric-owner --xattrs --xattrs-include='user.*'"
                    + " -C \"$2\" -xpf -", "copy", source.toString(), target.toString(), ownerMap.toString(),
                    groupMap.toString()));
            run(argv);
        } finally {
            Files.deleteIfExists(ownerMap);
            Files.deleteIfExists(groupMap);
        }
    }

    private static String idMapFile(Map<Long, Long> ids) {
        StringBuilder lines = new StringBuilder();
        ids.forEach((from, to) -> lines.append('+').append(from).append(" +").append(to).append('\n'));
        return lines.toString();
    }

    /** Rootless, the namespace the launcher's containers run in: the user is root there, its subordinate ids 1 and up. */
    private static List<String> inUserNamespace(StoreLayout layout) throws IOException {
        if (!layout.rootless()) {
            return List.of();
        }
        List<String> argv = new ArrayList<>(List.of("/usr/bin/unshare"));
        argv.addAll(ContainerIds.unshareOptions(layout));
        argv.add("--");
        return argv;
    }

    /** Deletes a tree whose files a container's users own, which a rootless user cannot do on the host. */
    public static void delete(StoreLayout layout, Path path) throws IOException {
        if (!layout.rootless() || inContainerIds()) {
            FileTrees.delete(path);
            return;
        }
        List<String> argv = new ArrayList<>(inUserNamespace(layout));
        argv.addAll(List.of("rm", "-rf", "--", path.toString()));
        run(argv);
    }

    /**
     * Root with a rootless store: this process runs in a user namespace that maps the container's ids already
     * (the monitor's), where another one could not be made, and where it may delete what they own.
     */
    private static boolean inContainerIds() {
        return OwnProcess.realUid() == 0;
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
