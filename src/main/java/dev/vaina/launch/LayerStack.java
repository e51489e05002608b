package dev.vaina.launch;

import dev.vaina.oci.RootfsFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * The container's files as the overlay will show them, looked up before it is mounted: the writable layer
 * first, then the image's layers from the top. Whiteouts are not consulted; a deleted /etc/passwd or
 * working directory is rare enough to accept that.
 */
record LayerStack(List<Path> layers) implements RootfsFiles {
    /** Symbolic links followed before a path counts as a loop, as Linux's own limit. */
    private static final int MAX_LINKS = 40;

    static LayerStack of(Path upper, List<Path> lowers) {
        List<Path> layers = new ArrayList<>();
        layers.add(upper);
        layers.addAll(lowers);
        return new LayerStack(List.copyOf(layers));
    }

    @Override
    public Optional<Path> find(String relativePath) {
        for (Path layer : layers) {
            Path file = layer.resolve(relativePath);
            if (Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) && insideLayer(layer, file)) {
                return Optional.of(file);
            }
        }
        return Optional.empty();
    }

    /**
     * Whether an absolute path inside the container is a directory, its symbolic links followed inside the
     * container (an absolute link target starts again at the container's root, never the host's).
     */
    boolean isDirectory(String containerPath) {
        Deque<String> pending = new ArrayDeque<>(components(containerPath));
        List<String> resolved = new ArrayList<>();
        int links = 0;
        while (!pending.isEmpty()) {
            String part = pending.pollFirst();
            if (part.equals("..")) {
                if (!resolved.isEmpty()) {
                    resolved.remove(resolved.size() - 1);
                }
                continue;
            }
            resolved.add(part);
            Path entry = topmost(String.join("/", resolved));
            if (entry == null) {
                return false;
            }
            if (Files.isSymbolicLink(entry)) {
                if (++links > MAX_LINKS) {
                    return false;
                }
                String target;
                try {
                    target = Files.readSymbolicLink(entry).toString();
                } catch (IOException e) {
                    return false;
                }
                resolved.remove(resolved.size() - 1);
                if (target.startsWith("/")) {
                    resolved.clear();
                }
                List<String> targetParts = components(target);
                for (int i = targetParts.size() - 1; i >= 0; i--) {
                    pending.addFirst(targetParts.get(i));
                }
            } else if (!Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS)) {
                return false;
            }
        }
        return true;
    }

    /** The entry of the topmost layer that has one at this relative path, not followed if it is a link. */
    private Path topmost(String relativePath) {
        for (Path layer : layers) {
            Path entry = layer.resolve(relativePath);
            if (Files.exists(entry, LinkOption.NOFOLLOW_LINKS)) {
                return entry;
            }
        }
        return null;
    }

    /** A loop, not a stream: the launcher checks the working directory on its way to netavark. */
    private static List<String> components(String path) {
        List<String> components = new ArrayList<>();
        for (String part : path.split("/")) {
            if (!part.isEmpty() && !part.equals(".")) {
                components.add(part);
            }
        }
        return components;
    }

    /** A link in a parent directory must not lead the lookup to the host's own /etc. */
    private static boolean insideLayer(Path layer, Path file) {
        try {
            return file.toRealPath().startsWith(layer.toRealPath());
        } catch (IOException e) {
            return false;
        }
    }
}
