package dev.vaina.image;

import dev.vaina.store.FileTrees;
import dev.vaina.store.StoreLayout;
import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.UserDefinedFileAttributeView;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;

/**
 * Extracts one layer tarball (plain or gzip) into a fresh directory under {@code StoreLayout.tmp()} while
 * computing its diff_id (the sha256 of the uncompressed tar stream), then, on {@link StagedLayer#commit()},
 * renames it to {@code StoreLayout.layer(diffId)}. Nothing is written outside that directory, and on any
 * error the directory is removed.
 *
 * <p>Overlay format. Whiteouts ({@code .wh.NAME}) become character devices 0/0, the form every overlayfs
 * understands (mknod of 0/0 is allowed without privileges since Linux 5.8). Opaque directories
 * ({@code .wh..wh..opq}) get the xattr {@code user.overlay.opaque=y} in BOTH modes, so the launcher must
 * mount with the {@code userxattr} option (Linux >= 5.11) whether it runs as root or not. Why not
 * {@code trusted.overlay.opaque} for root: Java can write only the {@code user.} namespace, this package may
 * not use the native {@code linux} package, and one on-disk format for rootful and rootless stores keeps
 * the launcher simple; {@code userxattr} only turns off redirect_dir and metacopy, which vaina does not use.
 *
 * <p>Ownership. As root, entries are chowned to the tar's uid/gid (lchown for symlinks). Rootless, every
 * entry is owned by the extracting user, who is uid 0 inside the container's user namespace; the tar's
 * other uids and gids are NOT kept (a file of uid 1000 in the image is root's inside the container).
 * Keeping them needs the extraction to run inside the user namespace with the subordinate id map, as
 * Podman does; that is left for later. Device nodes are created only as root (a rootless user may not
 * mknod them); fifos are created in both modes. Modes, setuid bits and mtimes are kept.
 */
public final class LayerExtractor {
    private static final String WHITEOUT_PREFIX = ".wh.";
    private static final String OPAQUE_MARKER = ".wh..wh..opq";
    private static final String WHITEOUT_META_PREFIX = ".wh..wh.";
    /**
     * Files this large are flushed as soon as they are written (see extractEntry): writing one out takes longer
     * than the journal commit that its own flush adds, so many small files are left to the commit's one syncfs(2).
     */
    private static final long FLUSHED_AS_WRITTEN = 4 << 20;
    /** With the "user." prefix that UserDefinedFileAttributeView adds: user.overlay.opaque. */
    static final String OPAQUE_XATTR = "overlay.opaque";

    private final StoreLayout layout;
    private final boolean rootless;

    public LayerExtractor(StoreLayout layout) {
        this(layout, layout.rootless() || !RunningUser.isRoot());
    }

    LayerExtractor(StoreLayout layout, boolean rootless) {
        this.layout = layout;
        this.rootless = rootless;
    }

    /** Extracts {@code tar} and moves the result into the layer store (reusing an existing copy). */
    public Layer extract(InputStream tar) throws IOException {
        try (StagedLayer staged = stage(tar)) {
            return staged.commit();
        }
    }

    /**
     * Extracts {@code tar} into a scratch directory; the caller commits it (typically under the store lock)
     * or closes it to throw it away. The stream is read to its end but not closed.
     */
    public StagedLayer stage(InputStream tar) throws IOException {
        Path dir = ScratchDirectories.create(layout.tmp(), "layer");
        try {
            MessageDigest sha256 = Digests.sha256();
            CountingInputStream counted;
            CountingInputStream source = new CountingInputStream(tar);
            BufferedInputStream buffered = new BufferedInputStream(source, 1 << 16);
            try (InputStream uncompressed = LayerCompression.decompress(buffered)) {
                counted = new CountingInputStream(new DigestInputStream(uncompressed, sha256));
                new Extraction(new LayerTree(dir)).run(counted);
                // the diff_id covers the whole stream, including padding after the end-of-archive blocks
                counted.transferTo(OutputStream.nullOutputStream());
            } catch (EOFException e) {
                throw truncated(e);
            } catch (InvalidLayerException e) {
                throw e;
            } catch (IOException e) {
                // commons-compress reports a short tar as a plain IOException ("Truncated TAR archive")
                if (source.reachedEnd()) {
                    throw truncated(e);
                }
                throw e;
            }
            String diffId = HexFormat.of().formatHex(sha256.digest());
            return new StagedLayer(layout, dir, diffId, counted.count());
        } catch (IOException | RuntimeException | Error e) {
            try {
                FileTrees.delete(dir);
            } catch (IOException | RuntimeException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
    }

    private static InvalidLayerException truncated(IOException e) {
        return new InvalidLayerException("layer data ends early (truncated tar or compressed stream): "
                + e.getMessage(), e);
    }

    /** One run over one tar stream. */
    private final class Extraction {
        private final LayerTree tree;
        private final List<DirectoryMetadata> directories = new ArrayList<>();

        Extraction(LayerTree tree) {
            this.tree = tree;
        }

        void run(InputStream tarStream) throws IOException {
            TarArchiveInputStream tar = new TarArchiveInputStream(tarStream, StandardCharsets.UTF_8.name());
            TarArchiveEntry entry;
            while ((entry = nextEntry(tar)) != null) {
                extractEntry(tar, entry);
            }
            // directories last, deepest first: their mode may forbid writing and their mtime changed as they filled
            for (int i = directories.size() - 1; i >= 0; i--) {
                directories.get(i).apply();
            }
            Path root = tree.root();
            if (directories.stream().noneMatch(d -> d.path().equals(root))) {
                Files.setAttribute(root, "unix:mode", 0755);
            }
        }

        private TarArchiveEntry nextEntry(TarArchiveInputStream tar) throws IOException {
            try {
                return tar.getNextEntry();
            } catch (EOFException e) {
                throw e;
            } catch (IOException | IllegalArgumentException e) {
                // header parsing errors: bad checksums, bad octal numbers, broken pax records
                throw new InvalidLayerException("layer tar header is malformed: " + e.getMessage(), e);
            }
        }

        private void extractEntry(InputStream data, TarArchiveEntry entry) throws IOException {
            String name = entry.getName();
            if (entry.isGlobalPaxHeader() || entry.isPaxHeader()) {
                return;
            }
            if (!entry.isCheckSumOK()) {
                throw new InvalidLayerException("layer entry " + name + " has a tar header with a bad checksum");
            }
            List<String> parts = LayerTree.components(name);
            if (parts.isEmpty()) {
                if (!entry.isDirectory()) {
                    throw new InvalidLayerException("layer entry " + name + " names the layer root but is not a directory");
                }
                directories.add(new DirectoryMetadata(tree.root(), entry));
                return;
            }
            String base = parts.get(parts.size() - 1);
            Path parent = tree.parentDirectory(name, parts, true);
            if (base.startsWith(WHITEOUT_PREFIX)) {
                whiteout(name, parent, base);
                return;
            }
            Path path = parent.resolve(base);
            byte type = entry.getLinkFlag();
            if (entry.isDirectory()) {
                BasicFileAttributes existing = LayerTree.attributesOrNull(path);
                if (existing == null || !existing.isDirectory()) {
                    removeExisting(path);
                    Files.createDirectory(path);
                }
                directories.add(new DirectoryMetadata(path, entry));
                chown(path, entry);
            } else if (type == TarConstants.LF_SYMLINK) {
                symlink(name, path, entry);
            } else if (type == TarConstants.LF_LINK) {
                hardLink(name, path, entry);
            } else if (type == TarConstants.LF_NORMAL || type == TarConstants.LF_OLDNORM
                    || type == TarConstants.LF_CONTIG || type == TarConstants.LF_GNUTYPE_SPARSE) {
                removeExisting(path);
                // CREATE_NEW is O_EXCL: it never follows a symlink that might sit at this name
                try (FileChannel file = FileChannel.open(path, StandardOpenOption.CREATE_NEW,
                        StandardOpenOption.WRITE)) {
                    data.transferTo(Channels.newOutputStream(file));
                    if (entry.getSize() >= FLUSHED_AS_WRITTEN) {
                        // On its way to the disk now, beside the other layers' downloads, not in the commit's
                        // syncfs(2) after them all (which covers the small files and the metadata).
                        file.force(false);
                    }
                }
                finishNonDirectory(path, entry);
            } else if (type == TarConstants.LF_FIFO) {
                removeExisting(path);
                FileCommands.fifo(path);
                finishSpecialFile(path, entry);
            } else if (type == TarConstants.LF_CHR || type == TarConstants.LF_BLK) {
                if (rootless) {
                    return; // a user outside the init namespace may not create device nodes
                }
                removeExisting(path);
                if (type == TarConstants.LF_CHR) {
                    FileCommands.characterDevice(path, entry.getDevMajor(), entry.getDevMinor());
                } else {
                    FileCommands.blockDevice(path, entry.getDevMajor(), entry.getDevMinor());
                }
                finishSpecialFile(path, entry);
            } else {
                throw new InvalidLayerException("layer entry " + name + " has tar type '" + (char) type
                        + "'; a layer may hold only files, directories, links, devices and fifos");
            }
        }

        private void symlink(String name, Path path, TarArchiveEntry entry) throws IOException {
            String target = entry.getLinkName();
            if (target == null || target.isEmpty()) {
                throw new InvalidLayerException("layer entry " + name + " is a symlink with an empty target");
            }
            removeExisting(path);
            // kept verbatim: an absolute target resolves inside the container's root, not on the host
            Files.createSymbolicLink(path, path.getFileSystem().getPath(target));
            chown(path, entry);
            setModifiedTime(path, entry, LinkOption.NOFOLLOW_LINKS);
        }

        private void hardLink(String name, Path path, TarArchiveEntry entry) throws IOException {
            Path target = tree.existing(name, entry.getLinkName());
            if (target.equals(path)) {
                throw new InvalidLayerException("layer entry " + name + " is a hard link to itself");
            }
            if (Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
                throw new InvalidLayerException("layer entry " + name + " is a hard link to directory "
                        + entry.getLinkName());
            }
            removeExisting(path);
            Files.createLink(path, target);
        }

        private void whiteout(String name, Path parent, String base) throws IOException {
            if (base.equals(OPAQUE_MARKER)) {
                UserDefinedFileAttributeView xattrs = Files.getFileAttributeView(parent,
                        UserDefinedFileAttributeView.class);
                xattrs.write(OPAQUE_XATTR, ByteBuffer.wrap(new byte[] {'y'}));
                return;
            }
            if (base.startsWith(WHITEOUT_META_PREFIX)) {
                return; // other AUFS metadata (.wh..wh.plnk, .wh..wh.aufs) means nothing to overlayfs
            }
            String hidden = base.substring(WHITEOUT_PREFIX.length());
            if (hidden.isEmpty() || hidden.equals(".") || hidden.equals("..")) {
                throw new InvalidLayerException("layer entry " + name + " is a whiteout without a valid name");
            }
            Path path = parent.resolve(hidden);
            removeExisting(path);
            FileCommands.whiteout(path);
        }

        private void finishNonDirectory(Path path, TarArchiveEntry entry) throws IOException {
            chown(path, entry); // before chmod: chown clears setuid and setgid bits
            Files.setAttribute(path, "unix:mode", entry.getMode() & 07777);
            setModifiedTime(path, entry);
        }

        /** Like finishNonDirectory, without opening the node (a fifo's open blocks, a device's acts). */
        private void finishSpecialFile(Path path, TarArchiveEntry entry) throws IOException {
            chown(path, entry);
            Files.setAttribute(path, "unix:mode", entry.getMode() & 07777); // chmod(2) by path
            if (entry.getLastModifiedTime() != null) {
                FileCommands.setModifiedTime(path, entry.getLastModifiedTime());
            }
        }

        private void chown(Path path, TarArchiveEntry entry) throws IOException {
            if (rootless) {
                return;
            }
            // NOFOLLOW_LINKS makes these lchown(2)
            Files.setAttribute(path, "unix:uid", (int) entry.getLongUserId(), LinkOption.NOFOLLOW_LINKS);
            Files.setAttribute(path, "unix:gid", (int) entry.getLongGroupId(), LinkOption.NOFOLLOW_LINKS);
        }

        private void removeExisting(Path path) throws IOException {
            BasicFileAttributes existing = LayerTree.attributesOrNull(path);
            if (existing != null) {
                // a later entry replaces an earlier one, as tar does; a replaced directory goes with its content
                FileTrees.delete(path);
                directories.removeIf(d -> d.path().startsWith(path));
            }
        }
    }

    private static void setModifiedTime(Path path, TarArchiveEntry entry, LinkOption... options) throws IOException {
        FileTime time = entry.getLastModifiedTime();
        if (time != null) {
            Files.getFileAttributeView(path, BasicFileAttributeView.class, options).setTimes(time, null, null);
        }
    }

    private record DirectoryMetadata(Path path, TarArchiveEntry entry) {
        void apply() throws IOException {
            Files.setAttribute(path, "unix:mode", entry.getMode() & 07777);
            setModifiedTime(path, entry);
        }
    }
}
