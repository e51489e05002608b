package dev.vaina.image;

import dev.vaina.store.StoreLayout;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.UserDefinedFileAttributeView;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;

/**
 * Turns an extracted layer directory back into an OCI layer tar (the inverse of {@link LayerExtractor}), as
 * {@code save} and {@code push} need it. The output is deterministic: entries in depth-first order with the
 * children of a directory sorted by name, no root entry, mtimes in whole seconds, owner names "root" for id 0
 * and empty otherwise, POSIX (pax) headers for long names: the conventions of a tar written by
 * commons-compress in POSIX mode. A layer whose original tar followed them gets its original diff_id back;
 * any other layer gets a new but stable one (archiving it twice, or archiving its re-extraction, gives the
 * same bytes). Overlay whiteouts (character devices 0/0) become {@code .wh.NAME} entries and opaque
 * directories ({@code user.overlay.opaque=y}) a {@code .wh..wh..opq} entry right after the directory.
 *
 * <p>Owners: as root the files' own uid/gid; rootless every entry is 0/0, because a rootless extraction
 * owns everything by the extracting user, who is root inside the container.
 */
public final class LayerArchiver {
    private static final int FILE_TYPE_MASK = 0170000;
    private static final int CHARACTER_DEVICE = 0020000;
    private static final int BLOCK_DEVICE = 0060000;
    private static final int FIFO = 0010000;
    private static final int SOCKET = 0140000;
    /** Whiteouts and opaque markers carry no metadata of their own; fixed values keep the output stable. */
    private static final FileTime MARKER_TIME = FileTime.fromMillis(0);

    private final boolean rootless;

    public LayerArchiver(StoreLayout layout) {
        this(layout.rootless() || !RunningUser.isRoot());
    }

    LayerArchiver(boolean rootless) {
        this.rootless = rootless;
    }

    /** The diff_id (sha256 hex of the tar stream) and length of an archived layer. */
    public record LayerTar(String diffIdHex, long size) {
        public LayerTar {
            Digests.requireHex(diffIdHex, "layer diff id");
        }
    }

    /**
     * Writes the layer as a tar stream to {@code out} (which is flushed, not closed) and returns the
     * stream's digest and length, computed on the way.
     */
    public LayerTar writeTar(Path layerDir, OutputStream out) throws IOException {
        return write(List.of(layerDir), false, Set.of(), out);
    }

    /**
     * As {@link #writeTar(Path, OutputStream)}, leaving out the {@code mountPoints} (absolute paths) that are
     * empty: a container's writable layer holds the points the runtime mounted over, which are not its changes.
     */
    public LayerTar writeTar(Path layerDir, Set<String> mountPoints, OutputStream out) throws IOException {
        return write(List.of(layerDir), false, mountPoints, out);
    }

    /**
     * Writes the file system that overlayfs would show for {@code layersTopFirst} (a container's writable
     * layer over its image's layers) as one plain tar, as {@code export} prints it: a whiteout hides what lies
     * below it, an opaque directory hides the lower directories' children, and neither appears in the tar.
     */
    public LayerTar writeMergedTar(List<Path> layersTopFirst, OutputStream out) throws IOException {
        return write(layersTopFirst, true, Set.of(), out);
    }

    private LayerTar write(List<Path> layersTopFirst, boolean merged, Set<String> mountPoints, OutputStream out)
            throws IOException {
        MessageDigest sha256 = Digests.sha256();
        CountingOutputStream counted = new CountingOutputStream(new DigestOutputStream(out, sha256));
        TarArchiveOutputStream tar = new TarArchiveOutputStream(new NonClosingOutputStream(counted), StandardCharsets.UTF_8.name());
        tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
        tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
        new Walk(tar, merged, mountPoints).children(layersTopFirst, "");
        tar.finish();
        tar.flush();
        counted.flush();
        return new LayerTar(HexFormat.of().formatHex(sha256.digest()), counted.count);
    }

    /** {@link #writeTar} into nothing: what {@code save} needs before it can write a tar header for the layer. */
    public LayerTar measure(Path layerDir) throws IOException {
        return writeTar(layerDir, OutputStream.nullOutputStream());
    }

    private final class Walk {
        private final TarArchiveOutputStream tar;
        /** Whether the layers are merged into one tree (export) rather than one layer written as it is. */
        private final boolean merged;
        /** (device, inode) of files with several links -> the first name written, for hard-link entries. */
        private final Map<String, String> linked = new HashMap<>();
        /** Absolute paths left out when they are an empty file or directory. */
        private final Set<String> mountPoints;

        Walk(TarArchiveOutputStream tar, boolean merged, Set<String> mountPoints) {
            this.tar = tar;
            this.merged = merged;
            this.mountPoints = mountPoints;
        }

        /** A mount point that is an empty file, or a directory that holds nothing but such mount points. */
        private boolean leftOut(Path path, String absolute) throws IOException {
            if (!mountPoints.contains(absolute)) {
                return false;
            }
            if (!Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
                return Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS) && Files.size(path) == 0;
            }
            try (DirectoryStream<Path> children = Files.newDirectoryStream(path)) {
                for (Path child : children) {
                    if (!leftOut(child, absolute + "/" + child.getFileName())) {
                        return false;
                    }
                }
            }
            return true;
        }

        /** The children of one directory as seen through {@code dirs} (top-most first; one unless merged). */
        void children(List<Path> dirs, String prefix) throws IOException {
            java.util.TreeMap<String, Integer> chosen = new java.util.TreeMap<>();
            java.util.Set<String> hidden = new java.util.HashSet<>();
            for (int i = 0; i < dirs.size(); i++) {
                if (!Files.isDirectory(dirs.get(i), LinkOption.NOFOLLOW_LINKS)) {
                    continue;
                }
                try (DirectoryStream<Path> stream = Files.newDirectoryStream(dirs.get(i))) {
                    for (Path path : stream) {
                        String name = path.getFileName().toString();
                        if (chosen.containsKey(name) || hidden.contains(name)) {
                            continue;
                        }
                        if (merged && isWhiteout(path)) {
                            hidden.add(name);
                        } else {
                            chosen.put(name, i);
                        }
                    }
                }
            }
            for (Map.Entry<String, Integer> child : chosen.entrySet()) {
                if (leftOut(dirs.get(child.getValue()).resolve(child.getKey()), "/" + prefix + child.getKey())) {
                    continue;
                }
                entry(sources(dirs, child.getValue(), child.getKey()), prefix + child.getKey());
            }
        }

        /**
         * Where a child found in {@code dirs[top]} lies: there, and for a directory in a merged walk also in
         * each lower layer down to the first opaque one, whiteout or non-directory.
         */
        private List<Path> sources(List<Path> dirs, int top, String name) throws IOException {
            Path first = dirs.get(top).resolve(name);
            if (!merged || !Files.isDirectory(first, LinkOption.NOFOLLOW_LINKS)) {
                return List.of(first);
            }
            List<Path> sources = new ArrayList<>();
            for (int j = top; j < dirs.size(); j++) {
                Path path = dirs.get(j).resolve(name);
                if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
                    continue;
                }
                if (!Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
                    break;
                }
                sources.add(path);
                if (isOpaque(path)) {
                    break;
                }
            }
            return sources;
        }

        private void entry(List<Path> sources, String name) throws IOException {
            Path path = sources.get(0);
            Map<String, Object> unix = Files.readAttributes(path, "unix:mode,uid,gid,ino,dev,nlink,rdev,size",
                    LinkOption.NOFOLLOW_LINKS);
            int mode = (Integer) unix.get("mode");
            int type = mode & FILE_TYPE_MASK;
            FileTime mtime = Files.getLastModifiedTime(path, LinkOption.NOFOLLOW_LINKS);
            if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
                TarArchiveEntry entry = new TarArchiveEntry(name + "/", true);
                common(entry, mode, unix, mtime);
                put(entry, null);
                if (!merged && isOpaque(path)) {
                    put(marker(name + "/.wh..wh..opq"), null);
                }
                children(sources, name + "/");
                return;
            }
            if (Files.isSymbolicLink(path)) {
                TarArchiveEntry entry = new TarArchiveEntry(name, TarConstants.LF_SYMLINK, true);
                common(entry, 0777, unix, mtime);
                entry.setLinkName(Files.readSymbolicLink(path).toString());
                put(entry, null);
                return;
            }
            long rdev = (Long) unix.get("rdev");
            if (type == CHARACTER_DEVICE && rdev == 0) {
                put(marker(parentPrefix(name) + ".wh." + baseName(name)), null);
                return;
            }
            if (type == SOCKET) {
                return; // a socket is bound by a running process; tar cannot carry one
            }
            if ((Integer) unix.get("nlink") > 1 && type != CHARACTER_DEVICE && type != BLOCK_DEVICE) {
                String key = unix.get("dev") + ":" + unix.get("ino");
                String first = linked.putIfAbsent(key, name);
                if (first != null) {
                    TarArchiveEntry entry = new TarArchiveEntry(name, TarConstants.LF_LINK, true);
                    common(entry, mode, unix, mtime);
                    entry.setLinkName(first);
                    put(entry, null);
                    return;
                }
            }
            if (type == CHARACTER_DEVICE || type == BLOCK_DEVICE) {
                TarArchiveEntry entry = new TarArchiveEntry(name,
                        type == CHARACTER_DEVICE ? TarConstants.LF_CHR : TarConstants.LF_BLK, true);
                common(entry, mode, unix, mtime);
                entry.setDevMajor((int) (((rdev >>> 8) & 0xfff) | ((rdev >>> 32) & ~0xfffL)));
                entry.setDevMinor((int) ((rdev & 0xff) | ((rdev >>> 12) & ~0xffL)));
                put(entry, null);
            } else if (type == FIFO) {
                TarArchiveEntry entry = new TarArchiveEntry(name, TarConstants.LF_FIFO, true);
                common(entry, mode, unix, mtime);
                put(entry, null);
            } else {
                TarArchiveEntry entry = new TarArchiveEntry(name, true);
                common(entry, mode, unix, mtime);
                entry.setSize((Long) unix.get("size"));
                put(entry, path);
            }
        }

        private void common(TarArchiveEntry entry, int mode, Map<String, Object> unix, FileTime mtime) {
            entry.setMode((entry.getMode() & FILE_TYPE_MASK) | (mode & 07777));
            int uid = rootless ? 0 : (Integer) unix.get("uid");
            int gid = rootless ? 0 : (Integer) unix.get("gid");
            owner(entry, uid, gid);
            // whole seconds: what a ustar header holds, so no pax mtime record makes the bytes depend on nanoseconds
            entry.setModTime(FileTime.fromMillis(mtime.toMillis() / 1000 * 1000));
        }

        private TarArchiveEntry marker(String name) {
            TarArchiveEntry entry = new TarArchiveEntry(name, true);
            entry.setMode((entry.getMode() & FILE_TYPE_MASK) | 0644);
            owner(entry, 0, 0);
            entry.setModTime(MARKER_TIME);
            entry.setSize(0);
            return entry;
        }

        private void put(TarArchiveEntry entry, Path content) throws IOException {
            tar.putArchiveEntry(entry);
            if (content != null) {
                try (InputStream in = Files.newInputStream(content, LinkOption.NOFOLLOW_LINKS)) {
                    long copied = in.transferTo(tar);
                    if (copied != entry.getSize()) {
                        throw new IOException("layer file " + content + " changed size while it was archived");
                    }
                }
            }
            tar.closeArchiveEntry();
        }
    }

    private static void owner(TarArchiveEntry entry, int uid, int gid) {
        entry.setUserId(uid);
        entry.setGroupId(gid);
        // the constructor fills in this process's user name; a layer must not depend on who saved it
        entry.setUserName(uid == 0 ? "root" : "");
        entry.setGroupName(gid == 0 ? "root" : "");
    }

    private static boolean isWhiteout(Path path) throws IOException {
        Map<String, Object> unix = Files.readAttributes(path, "unix:mode,rdev", LinkOption.NOFOLLOW_LINKS);
        return ((Integer) unix.get("mode") & FILE_TYPE_MASK) == CHARACTER_DEVICE && (Long) unix.get("rdev") == 0;
    }

    private static boolean isOpaque(Path dir) throws IOException {
        UserDefinedFileAttributeView view = Files.getFileAttributeView(dir, UserDefinedFileAttributeView.class,
                LinkOption.NOFOLLOW_LINKS);
        if (view == null || !view.list().contains(LayerExtractor.OPAQUE_XATTR)) {
            return false;
        }
        ByteBuffer value = ByteBuffer.allocate(view.size(LayerExtractor.OPAQUE_XATTR));
        view.read(LayerExtractor.OPAQUE_XATTR, value);
        return new String(value.array(), 0, value.position(), StandardCharsets.UTF_8).equals("y");
    }

    private static String parentPrefix(String name) {
        int slash = name.lastIndexOf('/');
        return slash < 0 ? "" : name.substring(0, slash + 1);
    }

    private static String baseName(String name) {
        return name.substring(name.lastIndexOf('/') + 1);
    }

    private static final class CountingOutputStream extends java.io.FilterOutputStream {
        private long count;

        CountingOutputStream(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            count += len;
        }
    }
}
