package dev.vaina.engine;

import dev.vaina.image.ImageRecord;
import dev.vaina.image.ImageStore;
import dev.vaina.spec.ImageConfig;
import dev.vaina.spec.ImageReference;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * The image of a pod's infra container, built locally from the host's catatonit (a static binary) the
 * first time a pod needs it, as Podman builds its pause image: making a pod never pulls anything.
 */
final class PauseImage {
    static final String NAME = "localhost/vaina-pause:latest";
    private static final Path CATATONIT = Path.of("/usr/bin/catatonit");

    private PauseImage() {
    }

    static ImageRecord ensure(ImageStore images) throws IOException {
        var existing = images.find(NAME);
        if (existing.isPresent()) {
            return existing.get();
        }
        if (!Files.isRegularFile(CATATONIT)) {
            throw new EngineException("cannot build the pod's infra image: " + CATATONIT
                    + " is missing (install the catatonit package, or give --infra-image)");
        }
        Files.createDirectories(images.layout().tmp());
        Path tarball = Files.createTempFile(images.layout().tmp(), "pause", ".tar");
        try {
            writeLayer(tarball);
            // catatonit -P: a pause process that only reaps and waits for its stop signal.
            ImageConfig config = new ImageConfig(List.of("PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"),
                    List.of("/catatonit", "-P"), null, "/", null, "SIGTERM");
            return images.importTarball(tarball, ImageReference.parse(NAME, ImageReference.LOCAL_REGISTRY), config);
        } finally {
            Files.deleteIfExists(tarball);
        }
    }

    private static void writeLayer(Path tarball) throws IOException {
        try (OutputStream file = Files.newOutputStream(tarball);
             TarArchiveOutputStream tar = new TarArchiveOutputStream(file)) {
            TarArchiveEntry entry = new TarArchiveEntry("catatonit");
            entry.setMode(0755);
            entry.setSize(Files.size(CATATONIT));
            tar.putArchiveEntry(entry);
            Files.copy(CATATONIT, tar);
            tar.closeArchiveEntry();
            for (String dir : List.of("etc/", "dev/", "proc/", "sys/")) {
                TarArchiveEntry directory = new TarArchiveEntry(dir);
                directory.setMode(0755);
                tar.putArchiveEntry(directory);
                tar.closeArchiveEntry();
            }
            tar.finish();
        }
    }
}
