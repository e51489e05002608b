package dev.vaina.net;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Addresses on {@link VainaBridge} for running containers (netavark leaves address management to its
 * caller). One file per address in use, named after it and holding the container's id, created with
 * O_EXCL so that two launchers never take the same one. It lives under the run root: the addresses die
 * with the boot, like the namespaces that used them.
 */
public final class BridgeAddresses {
    private final Path dir;

    public BridgeAddresses(Path dir) {
        this.dir = dir;
    }

    /** Takes the first free address (10.87.0.2 upwards, skipping the gateway) for {@code containerId}. */
    public String allocate(String containerId) throws IOException {
        Files.createDirectories(dir);
        for (int host = 2; host < 65535; host++) {
            if ((host & 0xff) == 0 || (host & 0xff) == 0xff) {
                continue;
            }
            String address = "10.87." + (host >> 8) + "." + (host & 0xff);
            try {
                Files.write(dir.resolve(address), containerId.getBytes(StandardCharsets.UTF_8),
                        StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                return address;
            } catch (FileAlreadyExistsException taken) {
                if (owner(address).equals(containerId)) {
                    return address;
                }
            }
        }
        throw new IOException("no free address left on " + VainaBridge.INTERFACE + " (" + VainaBridge.SUBNET + ")");
    }

    /** Frees what {@code containerId} holds; the file is only deleted if it is still that container's. */
    public void release(String address, String containerId) throws IOException {
        if (address != null && owner(address).equals(containerId)) {
            Files.deleteIfExists(dir.resolve(address));
        }
    }

    private String owner(String address) throws IOException {
        try {
            return Files.readString(dir.resolve(address)).strip();
        } catch (NoSuchFileException e) {
            return "";
        }
    }
}
