package dev.vaina.image.registry;

import dev.vaina.store.OwnProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The insecure registries that last answered over plain HTTP after https had failed, one host[:port] per line in
 * a file of the run root (a tmpfs that a reboot empties). The next command asks such a registry over http first and
 * sets no TLS up for it: the JDK's TLS set-up and the failed handshake were about a fifth of a warm pull. Only
 * registries the user marked insecure are looked up here, so the file can never take https away from another one;
 * a remembered registry that no longer answers over http is asked over https again and forgotten. Only a cache: a
 * file that cannot be read or written changes nothing but the order of the attempts.
 */
public final class PlainHttpRegistries {
    /** Remembers nothing: every insecure registry is asked over https first. */
    public static final PlainHttpRegistries NONE = new PlainHttpRegistries(null);

    private final Path file;

    /** The registries remembered in {@code file}. */
    public PlainHttpRegistries(Path file) {
        this.file = file;
    }

    /** Whether the registry a reference names {@code host} last answered plain HTTP, insecure. */
    public boolean remembers(String host) {
        return contains(RegistryEndpoint.insecure(host).apiHost());
    }

    boolean contains(String host) {
        return read().contains(host);
    }

    void remember(String host) {
        Set<String> hosts = read();
        if (hosts.add(host)) {
            write(hosts);
        }
    }

    void forget(String host) {
        Set<String> hosts = read();
        if (hosts.remove(host)) {
            write(hosts);
        }
    }

    private Set<String> read() {
        Set<String> hosts = new LinkedHashSet<>();
        if (file == null) {
            return hosts;
        }
        try {
            for (String line : Files.readAllLines(file)) {
                if (!line.isBlank()) {
                    hosts.add(line.strip());
                }
            }
        } catch (NoSuchFileException e) {
            // nothing remembered yet
        } catch (IOException | RuntimeException e) {
            hosts.clear(); // unreadable: every registry is asked over https first, and the file written anew
        }
        return hosts;
    }

    private void write(Set<String> hosts) {
        if (file == null) {
            return;
        }
        StringBuilder text = new StringBuilder();
        for (String host : hosts) {
            text.append(host).append('\n');
        }
        Path temporary = file.resolveSibling("." + file.getFileName() + "." + OwnProcess.PID);
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(temporary, text);
            // renamed into place: a command reading at the same moment sees the old list or the new one
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            try {
                Files.deleteIfExists(temporary);
            } catch (IOException ignored) {
                // only a cache: the next command tries https first again
            }
        }
    }
}
