package dev.vaina.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import dev.vaina.store.ContainerIds;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import dev.vaina.store.ContainerIds;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import dev.vaina.store.ContainerIds;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/** Trees copied as `cp` copies them: links as links, modes and times kept; and as tar streams. */
final class FileCopy {
    private FileCopy() {
    }

    /**
     * Copies {@code source} to {@code target}: a directory is merged into an existing one, a file replaces one.
     *
     * @param owner the uid and gid every copy gets, or -1 to keep the source's (where the caller may)
     */
    static void tree(Path source, Path target, long owner) throws IOException {
        if (Files.isSymbolicLink(source)) {
            deleteUnlessDirectory(target);
            Files.createSymbolicLink(target, Files.readSymbolicLink(source));
        } else if (Files.isDirectory(source, LinkOption.NOFOLLOW_LINKS)) {
            if (Files.exists(target, LinkOption.NOFOLLOW_LINKS) && !Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
                throw new EngineException("cannot overwrite non-directory " + target + " with a directory");
            }
            Files.createDirectories(target);
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(source)) {
                for (Path entry : entries) {
                    tree(entry, target.resolve(entry.getFileName().toString()), owner);
                }
            }
            Files.setAttribute(target, "unix:mode", (Integer) Files.getAttribute(source, "unix:mode") & 07777);
            Files.setLastModifiedTime(target, Files.getLastModifiedTime(source));
        } else if (Files.isRegularFile(source, LinkOption.NOFOLLOW_LINKS)) {
            deleteUnlessDirectory(target);
            Files.copy(source, target, StandardCopyOption.COPY_ATTRIBUTES, LinkOption.NOFOLLOW_LINKS);
        } else {
            return; // devices, fifos and sockets are not copied
        }
        if (owner >= 0) {
            Files.setAttribute(target, "unix:uid", (int) owner, LinkOption.NOFOLLOW_LINKS);
            Files.setAttribute(target, "unix:gid", (int) owner, LinkOption.NOFOLLOW_LINKS);
        }
    }

    private static void deleteUnlessDirectory(Path target) throws IOException {
        if (Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
            throw new EngineException("cannot overwrite directory " + target + " with a non-directory");
        }
        Files.deleteIfExists(target);
    }

    /** Writes {@code source} as a tar stream whose entries start with {@code name}, owners as the container sees them. */
    static void toTar(Path source, String name, OutputStream out, ContainerIds uids, ContainerIds gids)
            throws IOException {
        TarArchiveOutputStream tar = new TarArchiveOutputStream(out);
        tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
        tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
        addToTar(tar, source, name, uids, gids);
        tar.finish();
        tar.flush();
    }

    private static void addToTar(TarArchiveOutputStream tar, Path source, String name, ContainerIds uids,
            ContainerIds gids) throws IOException {
        TarArchiveEntry entry;
        if (Files.isSymbolicLink(source)) {
            entry = new TarArchiveEntry(name, TarArchiveEntry.LF_SYMLINK);
            entry.setLinkName(Files.readSymbolicLink(source).toString());
        } else if (Files.isDirectory(source, LinkOption.NOFOLLOW_LINKS)) {
            entry = new TarArchiveEntry(name + "/");
        } else if (Files.isRegularFile(source, LinkOption.NOFOLLOW_LINKS)) {
            entry = new TarArchiveEntry(name);
            entry.setSize(Files.size(source));
        } else {
            return;
        }
        entry.setMode((Integer) Files.getAttribute(source, "unix:mode", LinkOption.NOFOLLOW_LINKS) & 07777);
        entry.setUserId(uids.inContainer(((Number) Files.getAttribute(source, "unix:uid", LinkOption.NOFOLLOW_LINKS)).longValue()));
        entry.setGroupId(gids.inContainer(((Number) Files.getAttribute(source, "unix:gid", LinkOption.NOFOLLOW_LINKS)).longValue()));
        entry.setModTime(Files.getLastModifiedTime(source, LinkOption.NOFOLLOW_LINKS).toMillis());
        tar.putArchiveEntry(entry);
        if (entry.isFile()) {
            Files.copy(source, tar);
        }
        tar.closeArchiveEntry();
        if (entry.isDirectory()) {
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(source)) {
                for (Path child : entries) {
                    addToTar(tar, child, name + "/" + child.getFileName(), uids, gids);
                }
            }
        }
    }

    /**
     * Extracts a tar stream into the directory {@code target}. Entries that would leave it (absolute names,
     * "..") are refused.
     *
     * @param owner as in {@link #tree}; -1 keeps the archive's ids where the caller may set them
     */
    static void fromTar(InputStream in, Path target, long owner) throws IOException {
        TarArchiveInputStream tar = new TarArchiveInputStream(in);
        TarArchiveEntry entry;
        while ((entry = tar.getNextTarEntry()) != null) {
            String name = entry.getName();
            int start = 0;
            while (start < name.length() && name.charAt(start) == '/') {
                start++; // relative to the destination, as tar(1) reads an absolute name
            }
            Path path = target.resolve(name.substring(start)).normalize();
            if (!path.startsWith(target)) {
                throw new EngineException("refusing to extract " + entry.getName() + ": it leaves the destination");
            }
            if (path.getParent() != null) {
                Files.createDirectories(path.getParent());
            }
            if (entry.isDirectory()) {
                Files.createDirectories(path);
            } else if (entry.isSymbolicLink()) {
                deleteUnlessDirectory(path);
                Files.createSymbolicLink(path, Path.of(entry.getLinkName()));
            } else if (entry.isFile()) {
                deleteUnlessDirectory(path);
                Files.copy(tar, path);
            } else {
                continue;
            }
            if (!entry.isSymbolicLink()) {
                Files.setAttribute(path, "unix:mode", entry.getMode() & 07777);
                Files.setLastModifiedTime(path, FileTime.fromMillis(entry.getModTime().getTime()));
            }
            long uid = owner >= 0 ? owner : entry.getLongUserId();
            long gid = owner >= 0 ? owner : entry.getLongGroupId();
            try {
                Files.setAttribute(path, "unix:uid", (int) uid, LinkOption.NOFOLLOW_LINKS);
                Files.setAttribute(path, "unix:gid", (int) gid, LinkOption.NOFOLLOW_LINKS);
            } catch (java.nio.file.FileSystemException e) {
                // Rootless: the files stay the user's, who is root in the container.
            }
        }
    }
}
