package dev.vaina.net;

import dev.vaina.spec.Subnet;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotLinkException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

/**
 * Addresses on one bridge network for running containers (netavark leaves address management to its
 * caller). One entry per address in use, named after it: a symbolic link to the container's id, made with
 * symlink(2), which fails when the name exists, so that two launchers never take the same one. A link rather
 * than a file holding the id: the owner of each address in use is read at every start (a container whose
 * earlier start was cut short takes its own address back), and readlink is one system call where a file is
 * three; with 100 running containers on the network, choosing the 101st address took 10-13 ms of the
 * launcher's JVM with files, 3.5 with links read off one listing. Files written before that are still read.
 * It lives under the run root: the addresses die with the boot, like the namespaces that used them.
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

    /**
     * Takes the first free address of the subnet (skipping the gateway) for {@code containerId}, or the one it
     * holds already.
     */
    public String allocate(String containerId) throws IOException {
        Files.createDirectories(dir);
        Set<String> taken = new HashSet<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path entry : entries) {
                String address = entry.getFileName().toString();
                if (owner(address).equals(containerId)) {
                    return address;
                }
                taken.add(address);
            }
        }
        for (long host = 1; host <= subnet.hosts(); host++) {
            String address = subnet.host(host);
            if (!address.equals(gateway) && !taken.contains(address) && take(address, containerId)) {
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
            Files.createSymbolicLink(dir.resolve(address), Path.of(containerId));
            return true;
        } catch (FileAlreadyExistsException taken) {
            return owner(address).equals(containerId); // another launcher's since the listing, or its own
        }
    }

    /** Frees what {@code containerId} holds; the entry is only deleted if it is still that container's. */
    public void release(String address, String containerId) throws IOException {
        if (address != null && owner(address).equals(containerId)) {
            Files.deleteIfExists(dir.resolve(address));
        }
    }

    private String owner(String address) throws IOException {
        Path entry = dir.resolve(address);
        try {
            return Files.readSymbolicLink(entry).toString();
        } catch (NotLinkException file) {
            return Files.readString(entry).strip(); // taken before addresses were links
        } catch (NoSuchFileException e) {
            return "";
        }
    }
}
