package dev.vaina.image;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/**
 * The files of an image archive, copied from a stream (a pipe has no second pass, and archives put their
 * manifest anywhere) into a scratch directory under numbered names. Entry names are only keys of a map,
 * never paths on the host, so no name in an archive can make anything be written or read outside the
 * scratch directory; names that climb above the archive's root simply are not found.
 */
final class ArchiveContents {
    private static final int MAX_SYMLINKS = 40;
    private static final long MAX_JSON = 16L << 20;

    private final Map<String, Path> files = new HashMap<>();
    private final Map<String, String> symlinks = new HashMap<>();

    private ArchiveContents() {
    }

    /** Reads the whole archive (plain or gzip-compressed) into {@code scratch}. */
    static ArchiveContents spool(InputStream in, Path scratch) throws IOException {
        ArchiveContents contents = new ArchiveContents();
        BufferedInputStream buffered = new BufferedInputStream(in, 1 << 16);
        InputStream tarStream = switch (LayerCompression.detect(buffered)) {
            case NONE -> buffered;
            case GZIP -> GzipCompressorInputStream.builder().setInputStream(buffered).setDecompressConcatenated(true).get();
            default -> throw new InvalidLayerException("the archive is compressed in a way vaina does not read;"
                    + " load takes plain or gzip-compressed tar archives");
        };
        TarArchiveInputStream tar = new TarArchiveInputStream(tarStream, StandardCharsets.UTF_8.name());
        Map<String, String> hardLinks = new HashMap<>();
        int count = 0;
        try {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                String name = normalize(entry.getName());
                if (name == null || entry.isDirectory()) {
                    continue;
                }
                if (entry.isSymbolicLink()) {
                    contents.symlinks.put(name, entry.getLinkName());
                } else if (entry.isLink()) {
                    hardLinks.put(name, normalize(entry.getLinkName()));
                } else if (entry.isFile()) {
                    Path file = scratch.resolve("entry-" + count++);
                    try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.CREATE_NEW)) {
                        tar.transferTo(out);
                    }
                    contents.files.put(name, file);
                }
            }
        } catch (EOFException e) {
            throw new InvalidLayerException("the archive ends early (truncated tar or compressed stream): " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new InvalidLayerException("the archive's tar headers are malformed: " + e.getMessage(), e);
        } catch (IOException e) {
            if (e instanceof InvalidLayerException) {
                throw e;
            }
            throw new InvalidLayerException("the archive cannot be read as a tar: " + e.getMessage(), e);
        }
        hardLinks.forEach((name, target) -> {
            Path file = target == null ? null : contents.files.get(target);
            if (file != null) {
                contents.files.put(name, file);
            }
        });
        return contents;
    }

    boolean has(String name) {
        return find(name) != null;
    }

    /** The spooled file of an entry, following the archive's own symlinks, or an error naming what was missing. */
    Path require(String name, String what) throws InvalidLayerException {
        Path file = find(name);
        if (file == null) {
            throw new InvalidLayerException(what + " names \"" + name + "\", which is not a file in the archive");
        }
        return file;
    }

    byte[] readJson(String name, String what) throws IOException {
        Path file = require(name, what);
        if (Files.size(file) > MAX_JSON) {
            throw new InvalidLayerException(what + " (" + name + ") is larger than " + MAX_JSON + " bytes");
        }
        return Files.readAllBytes(file);
    }

    private Path find(String name) {
        String current = normalize(name);
        for (int hops = 0; current != null && hops <= MAX_SYMLINKS; hops++) {
            Path file = files.get(current);
            if (file != null) {
                return file;
            }
            String target = symlinks.get(current);
            if (target == null) {
                return null;
            }
            int slash = current.lastIndexOf('/');
            String base = target.startsWith("/") || slash < 0 ? "" : current.substring(0, slash + 1);
            current = normalize(base + target);
        }
        return null;
    }

    /** "a/./b", "./a/b" and "/a/b" are "a/b"; null when the name is empty or climbs above the root. */
    static String normalize(String name) {
        if (name == null) {
            return null;
        }
        List<String> parts = new ArrayList<>();
        for (String part : name.split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                if (parts.isEmpty()) {
                    return null;
                }
                parts.remove(parts.size() - 1);
                continue;
            }
            parts.add(part);
        }
        return parts.isEmpty() ? null : String.join("/", parts);
    }
}
