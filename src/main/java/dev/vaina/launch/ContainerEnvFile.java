package dev.vaina.launch;

import dev.vaina.store.AtomicFiles;
import dev.vaina.store.ContainerRecord;
import java.io.IOException;
import java.nio.file.Path;

/**
 * /run/.containerenv, the file tools inside a container look for to know they run in one. As Podman
 * does, it is empty unless the container is privileged, which then learns the engine, its own name and
 * id, its image and whether it runs rootless.
 */
final class ContainerEnvFile {
    static final String PATH = "/run/.containerenv";

    private ContainerEnvFile() {
    }

    static Path write(Path runDir, ContainerRecord record, boolean rootless) throws IOException {
        Path file = runDir.resolve(".containerenv");
        AtomicFiles.write(file, record.config().security().privileged() ? content(record, rootless) : "");
        return file;
    }

    static String content(ContainerRecord record, boolean rootless) {
        String version = ContainerEnvFile.class.getPackage().getImplementationVersion();
        return "engine=\"vaina" + (version == null ? "" : "-" + version) + "\"\n"
                + "name=\"" + record.name() + "\"\n"
                + "id=\"" + record.id() + "\"\n"
                + "image=\"" + record.imageName() + "\"\n"
                + "imageid=\"" + record.imageId() + "\"\n"
                + "rootless=" + (rootless ? 1 : 0) + "\n";
    }
}
