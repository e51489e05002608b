package dev.vaina.net;

import dev.vaina.spec.Subnet;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Addresses on one bridge network for running containers (netavark leaves address management to its
 * caller). One file per address in use, named after it and holding the container's id, created with
 * O_EXCL so that two launchers never take the same one. It lives under the run root: the addresses die
 * with the boot, like the namespaces that used them.
 */
public final class BridgeAddresses {
    private final Path dir;
    private final Subnet subnet;
    private final String gateway;

    /** @param dir the network's own directory of addresses */
    public BridgeAddresses(Path dir, Subnet subnet, String gateway) {
        this.dir = dir;
        this.subnet = subnet;
        this.gateway = gateway;
    }

    /** Takes the first free address of the subnet (skipping the gateway) for {@code containerId}. */
    public String allocate(String containerId) throws IOException {
        Files.createDirectories(dir);
        for (long host = 1; host <= subnet.hosts(); host++) {
            String address = subnet.host(host);
            if (!address.equals(gateway) && take(address, containerId)) {
                return address;
            }
        }
        throw new IOException("no free address left on network " + subnet);
    }

    /** Takes {@code address} (--ip), refusing one that is outside the subnet, the gateway's, or another container's. */
    public String allocate(String containerId, String address) throws IOException {
        if (address == null) {
            return allocate(containerId);
        }
        if (!subnet.isHost(Subnet.parseAddress(address, address)) || address.equals(gateway)) {
            throw new IOException("requested static ip " + address + " is not a free address in subnet " + subnet);
        }
        Files.createDirectories(dir);
        if (!take(address, containerId)) {
            throw new IOException("IPAM error: requested ip address " + address + " is already allocated to container ID "
                    + owner(address));
        }
        return address;
    }

    private boolean take(String address, String containerId) throws IOException {
        try {
            Files.write(dir.resolve(address), containerId.getBytes(StandardCharsets.UTF_8),
                    StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            return true;
        } catch (FileAlreadyExistsException taken) {
            return owner(address).equals(containerId);
        }
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
