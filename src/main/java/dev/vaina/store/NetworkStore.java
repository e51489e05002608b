package dev.vaina.store;

import dev.vaina.spec.NetworkDefinition;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Network records on disk: {@code dataRoot/networks/ID/network.json}, names claimed under
 * {@code dataRoot/networknames}, appearing and disappearing atomically as containers and pods do (see
 * {@link RecordDirectory}). The default network is not stored: it is the engine's own.
 */
public final class NetworkStore {
    private static final String RECORD = "network.json";

    private final RecordDirectory<NetworkDefinition> records;
    private final StoreLayout layout;

    public NetworkStore(StoreLayout layout) {
        this.layout = layout;
        this.records = new RecordDirectory<>(layout.networks(), layout.networkNames(), layout.lockFile(), RECORD,
                NetworkDefinition.class, "network");
    }

    /**
     * Stores a new network.
     *
     * @throws NameInUseException when another network has the name
     */
    public void create(NetworkDefinition network) throws IOException {
        records.create(network, Map.of());
    }

    /** The store's lock: held while a new network's subnet and bridge are chosen and it is stored. */
    public StoreLock lock() throws IOException {
        return StoreLock.acquire(layout.networks().resolve("allocation.lock"));
    }

    /** By exact name, full id or unique id prefix. */
    public Optional<NetworkDefinition> lookup(String nameOrId) throws IOException {
        return records.lookup(nameOrId);
    }

    public List<NetworkDefinition> list() throws IOException {
        return records.list();
    }

    public void remove(NetworkDefinition network) throws IOException {
        records.remove(network);
    }

    public void repair() throws IOException {
        records.repair();
    }
}
