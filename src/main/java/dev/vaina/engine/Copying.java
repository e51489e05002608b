package dev.vaina.engine;

import dev.vaina.store.ContainerIds;
import dev.vaina.store.ContainerRecord;
import dev.vaina.store.FileTrees;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * `cp` between the host and a container, running or not, with Podman's rules: a destination directory that
 * exists receives the source under its own name (its content alone for {@code SRC/.}); one that does not is
 * created as the copy, if its parent exists; a trailing slash says the destination must be a directory.
 * Into a container, copies belong to the container's root (rootless, that is the user anyway).
 */
public final class Copying {
    private final Engine engine;

    Copying(Engine engine) {
        this.engine = engine;
    }

    /** {@code cp HOST-PATH CONTAINER:PATH}; {@code shown} is the container as the user named it. */
    public void intoContainer(String hostSource, ContainerRecord record, String shown, String destination)
            throws IOException {
        Path source = Path.of(hostSource).toAbsolutePath();
        if (!Files.exists(source)) {
            throw new EngineException("\"" + hostSource + "\" could not be found on the host: no such file or directory");
        }
        ContainerFiles files = ContainerFiles.of(engine, record);
        String target = target(files, Files.isDirectory(source), hostSource.endsWith("/."), name(hostSource), shown,
                destination);
        FileCopy.tree(source, files.write(target), owner());
    }

    /** {@code cp - CONTAINER:PATH}: a tar stream extracted into a directory of the container. */
    public void intoContainer(InputStream tar, ContainerRecord record, String destination) throws IOException {
        ContainerFiles files = ContainerFiles.of(engine, record);
        Optional<Path> existing = files.read(destination);
        if (existing.isEmpty() || !Files.isDirectory(existing.get())) {
            throw new EngineException("destination must be a directory when copying from stdin");
        }
        FileCopy.fromTar(tar, files.write(destination), owner());
    }

    /** {@code cp CONTAINER:PATH HOST-PATH}. */
    public void outOfContainer(ContainerRecord record, String shown, String source, String hostDestination)
            throws IOException {
        withSource(record, shown, source, path -> {
            Path destination = Path.of(hostDestination).toAbsolutePath();
            boolean trailing = hostDestination.endsWith("/");
            Path target;
            if (Files.exists(destination)) {
                if (Files.isDirectory(destination)) {
                    target = source.endsWith("/.") ? destination : destination.resolve(name(source));
                } else if (trailing) {
                    throw new EngineException("\"" + hostDestination + "\" could not be found on the host: stat "
                            + hostDestination + ": not a directory");
                } else if (Files.isDirectory(path)) {
                    throw new EngineException("destination must be a directory when copying a directory");
                } else {
                    target = destination;
                }
            } else if (trailing || destination.getParent() == null || !Files.isDirectory(destination.getParent())) {
                throw new EngineException("\"" + hostDestination
                        + "\" could not be found on the host: no such file or directory");
            } else {
                target = destination;
            }
            FileCopy.tree(path, target, -1);
        });
    }

    /** {@code cp CONTAINER:PATH -}: a tar stream of the path, named by its last component. */
    public void outOfContainer(ContainerRecord record, String shown, String source, OutputStream out) throws IOException {
        ContainerIds uids = ContainerIds.of(engine.layout(), false);
        ContainerIds gids = ContainerIds.of(engine.layout(), true);
        withSource(record, shown, source, path -> FileCopy.toTar(path, name(source), out, uids, gids));
    }

    private interface SourceUse {
        void accept(Path path) throws IOException;
    }

    /** The source on the host: a stopped container's directory merged from its layers into a scratch copy first. */
    private void withSource(ContainerRecord record, String shown, String source, SourceUse use) throws IOException {
        ContainerFiles files = ContainerFiles.of(engine, record);
        Optional<Path> path = files.read(source);
        if (path.isEmpty()) {
            throw new EngineException("\"" + source + "\" could not be found on container " + shown
                    + ": no such file or directory");
        }
        if (!files.isLayered(source)) {
            use.accept(path.get());
            return;
        }
        Files.createDirectories(engine.layout().tmp());
        Path scratch = Files.createTempDirectory(engine.layout().tmp(), "cp-");
        try {
            files.copyLayeredDirectory(source, scratch);
            Files.setAttribute(scratch, "unix:mode", (Integer) Files.getAttribute(path.get(), "unix:mode") & 07777);
            use.accept(scratch);
        } finally {
            FileTrees.deleteQuietly(scratch);
        }
    }

    /** The container path the copy is written to, by Podman's rules for the destination. */
    private static String target(ContainerFiles files, boolean sourceIsDirectory, boolean contentOnly, String name,
            String shown, String destination) throws IOException {
        String notFound = "\"" + destination + "\" could not be found on container " + shown + ": no such file or directory";
        Optional<Path> existing = files.read(destination);
        if (existing.isPresent()) {
            if (Files.isDirectory(existing.get())) {
                return contentOnly ? destination : withoutTrailingSlashes(destination) + "/" + name;
            }
            if (destination.endsWith("/")) {
                throw new EngineException(notFound);
            }
            if (sourceIsDirectory) {
                throw new EngineException("destination must be a directory when copying a directory");
            }
            return destination;
        }
        String parent = Path.of("/", destination).normalize().getParent() == null ? "/"
                : Path.of("/", destination).normalize().getParent().toString();
        Optional<Path> parentDir = files.read(parent);
        if (destination.endsWith("/") || parentDir.isEmpty() || !Files.isDirectory(parentDir.get())) {
            throw new EngineException(notFound);
        }
        return destination;
    }

    private static String name(String path) {
        Path file = Path.of(path.endsWith("/.") ? path.substring(0, path.length() - 2) : path).getFileName();
        return file == null ? "." : file.toString();
    }

    /** Loops rather than a regular expression ("/+$"), which a first use compiles with some 35 classes. */
    private static String withoutTrailingSlashes(String path) {
        int end = path.length();
        while (end > 0 && path.charAt(end - 1) == '/') {
            end--;
        }
        return path.substring(0, end);
    }

    private long owner() {
        return engine.layout().rootless() ? -1 : 0;
    }
}
