package dev.vaina.it.registry;

import dev.vaina.it.support.TestImages;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * One gzip-compressed tar layer, built in memory: its compressed bytes, their digest (what a manifest
 * names) and the digest of the uncompressed tar (the diff id an image configuration lists). Entries
 * are written exactly as given, so a layer can also be hostile ({@code ../escape}).
 */
public record TestLayer(byte[] compressed, String digest, String diffId) {

    public TestLayer {
        compressed = compressed.clone();
    }

    @Override
    public byte[] compressed() {
        return compressed.clone();
    }

    public long size() {
        return compressed.length;
    }

    /** The hex part of {@link #digest()}. */
    public String digestHex() {
        return digest.substring("sha256:".length());
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The busybox root file system of {@link TestImages#busyboxTarball()} as one layer. */
    public static TestLayer busybox() {
        return builder().busyboxRootfs().build();
    }

    public static final class Builder {
        /** A fixed modification time, so a layer built twice has one digest. */
        private static final java.util.Date FIXED_TIME = new java.util.Date(1_700_000_000_000L);
        private final ByteArrayOutputStream tarBytes = new ByteArrayOutputStream();
        private final TarArchiveOutputStream tar = new TarArchiveOutputStream(tarBytes);

        private Builder() {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
        }

        /** Every entry of the busybox test root file system. */
        public Builder busyboxRootfs() {
            try (InputStream in = Files.newInputStream(TestImages.busyboxTarball());
                    TarArchiveInputStream source = new TarArchiveInputStream(in)) {
                TarArchiveEntry entry;
                while ((entry = source.getNextTarEntry()) != null) {
                    tar.putArchiveEntry(entry);
                    if (entry.isFile()) {
                        source.transferTo(tar);
                    }
                    tar.closeArchiveEntry();
                }
                return this;
            } catch (IOException e) {
                throw new UncheckedIOException("could not copy the busybox test root file system", e);
            }
        }

        public Builder directory(String name) {
            TarArchiveEntry entry = new TarArchiveEntry(name.endsWith("/") ? name : name + "/");
            entry.setMode(040755);
            return put(entry, null);
        }

        public Builder file(String name, String content) {
            return file(name, content.getBytes(StandardCharsets.UTF_8));
        }

        public Builder file(String name, byte[] content) {
            TarArchiveEntry entry = new TarArchiveEntry(name, true);
            entry.setMode(0100644);
            entry.setSize(content.length);
            return put(entry, content);
        }

        public Builder symlink(String name, String target) {
            TarArchiveEntry entry = new TarArchiveEntry(name, TarArchiveEntry.LF_SYMLINK, true);
            entry.setLinkName(target);
            entry.setMode(0120777);
            return put(entry, null);
        }

        /** An OCI whiteout: {@code dir/.wh.name} deletes {@code dir/name} of the layers below. */
        public Builder whiteout(String path) {
            int slash = path.lastIndexOf('/');
            String name = slash < 0 ? ".wh." + path : path.substring(0, slash + 1) + ".wh." + path.substring(slash + 1);
            return file(name, new byte[0]);
        }

        /** An opaque whiteout: the directory keeps only what this layer puts in it. */
        public Builder opaque(String directory) {
            return file((directory.endsWith("/") ? directory : directory + "/") + ".wh..wh..opq", new byte[0]);
        }

        private Builder put(TarArchiveEntry entry, byte[] content) {
            try {
                entry.setModTime(FIXED_TIME);
                tar.putArchiveEntry(entry);
                if (content != null) {
                    tar.write(content);
                }
                tar.closeArchiveEntry();
                return this;
            } catch (IOException e) {
                throw new UncheckedIOException("could not add " + entry.getName() + " to a test layer", e);
            }
        }

        public TestLayer build() {
            try {
                tar.finish();
                tar.close();
                byte[] uncompressed = tarBytes.toByteArray();
                ByteArrayOutputStream gz = new ByteArrayOutputStream();
                // GZIPOutputStream writes a zero modification time: the same content gives the same digest.
                try (OutputStream out = new GZIPOutputStream(gz)) {
                    out.write(uncompressed);
                }
                byte[] compressed = gz.toByteArray();
                return new TestLayer(compressed, sha256(compressed), sha256(uncompressed));
            } catch (IOException e) {
                throw new UncheckedIOException("could not finish a test layer", e);
            }
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
