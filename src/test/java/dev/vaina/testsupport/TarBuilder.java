package dev.vaina.testsupport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;

/** Writes tar streams entry by entry, including entries a friendly tar tool would never make. */
public final class TarBuilder {
    /** A fixed mtime so that the same content always gives the same bytes (and diff id). */
    public static final long MTIME_MILLIS = 1_700_000_000_000L;

    private interface Step {
        void write(TarArchiveOutputStream tar) throws IOException;
    }

    private final List<Step> steps = new ArrayList<>();

    public TarBuilder dir(String name, int mode) {
        return dir(name, mode, 0, 0);
    }

    public TarBuilder dir(String name, int mode, int uid, int gid) {
        steps.add(tar -> {
            TarArchiveEntry entry = new TarArchiveEntry(name.endsWith("/") ? name : name + "/", true);
            common(entry, mode, uid, gid);
            tar.putArchiveEntry(entry);
            tar.closeArchiveEntry();
        });
        return this;
    }

    public TarBuilder file(String name, String content, int mode) {
        return file(name, content.getBytes(StandardCharsets.UTF_8), mode, 0, 0);
    }

    public TarBuilder file(String name, byte[] content, int mode, int uid, int gid) {
        steps.add(tar -> {
            TarArchiveEntry entry = new TarArchiveEntry(name, true);
            common(entry, mode, uid, gid);
            entry.setSize(content.length);
            tar.putArchiveEntry(entry);
            tar.write(content);
            tar.closeArchiveEntry();
        });
        return this;
    }

    public TarBuilder file(String name, Path source, int mode) {
        steps.add(tar -> {
            TarArchiveEntry entry = new TarArchiveEntry(name, true);
            common(entry, mode, 0, 0);
            entry.setSize(Files.size(source));
            tar.putArchiveEntry(entry);
            Files.copy(source, tar);
            tar.closeArchiveEntry();
        });
        return this;
    }

    public TarBuilder symlink(String name, String target) {
        return link(name, target, TarConstants.LF_SYMLINK);
    }

    public TarBuilder hardlink(String name, String target) {
        return link(name, target, TarConstants.LF_LINK);
    }

    public TarBuilder charDevice(String name, int major, int minor) {
        steps.add(tar -> {
            TarArchiveEntry entry = new TarArchiveEntry(name, TarConstants.LF_CHR, true);
            common(entry, 0666, 0, 0);
            entry.setDevMajor(major);
            entry.setDevMinor(minor);
            tar.putArchiveEntry(entry);
            tar.closeArchiveEntry();
        });
        return this;
    }

    public TarBuilder fifo(String name) {
        steps.add(tar -> {
            TarArchiveEntry entry = new TarArchiveEntry(name, TarConstants.LF_FIFO, true);
            common(entry, 0644, 0, 0);
            tar.putArchiveEntry(entry);
            tar.closeArchiveEntry();
        });
        return this;
    }

    private TarBuilder link(String name, String target, byte type) {
        steps.add(tar -> {
            TarArchiveEntry entry = new TarArchiveEntry(name, type, true);
            common(entry, 0777, 0, 0);
            entry.setLinkName(target);
            tar.putArchiveEntry(entry);
            tar.closeArchiveEntry();
        });
        return this;
    }

    private static void common(TarArchiveEntry entry, int mode, int uid, int gid) {
        entry.setMode((entry.getMode() & 0170000) | mode);
        entry.setUserId(uid);
        entry.setGroupId(gid);
        entry.setUserName(uid == 0 ? "root" : "");
        entry.setGroupName(gid == 0 ? "root" : "");
        entry.setModTime(new Date(MTIME_MILLIS));
    }

    public void writeTo(OutputStream out) throws IOException {
        TarArchiveOutputStream tar = new TarArchiveOutputStream(out, StandardCharsets.UTF_8.name());
        tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
        tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
        for (Step step : steps) {
            step.write(tar);
        }
        tar.finish();
        tar.flush();
    }

    public byte[] toBytes() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writeTo(out);
        return out.toByteArray();
    }

    public Path write(Path file) throws IOException {
        Files.write(file, toBytes());
        return file;
    }

    public Path writeGzip(Path file) throws IOException {
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            writeTo(out);
        }
        return file;
    }
}
