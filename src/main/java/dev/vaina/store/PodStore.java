package dev.vaina.store;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Pod records on disk: {@code dataRoot/pods/ID/pod.json}, names claimed under {@code dataRoot/podnames}. */
public final class PodStore {
    private static final String RECORD = "pod.json";

    private final RecordDirectory<PodRecord> records;

    public PodStore(StoreLayout layout) {
        this.records = new RecordDirectory<>(layout.pods(), layout.podNames(), layout.lockFile(), RECORD,
                PodRecord.class, PodRecord::id, PodRecord::name, "pod");
    }

    /** @throws NameInUseException when another pod has the name */
    public void create(PodRecord pod) throws IOException {
        records.create(pod, Map.of());
    }

    public Optional<PodRecord> lookup(String nameOrId) throws IOException {
        return records.lookup(nameOrId);
    }

    public PodRecord find(String nameOrId) throws IOException {
        return lookup(nameOrId).orElseThrow(() -> new NoSuchPodException(nameOrId));
    }

    public PodRecord read(String id) throws IOException {
        return records.read(id);
    }

    public boolean exists(String id) {
        return records.exists(id);
    }

    public List<PodRecord> list() throws IOException {
        return records.list();
    }

    public boolean nameTaken(String name) throws IOException {
        return records.nameTaken(name);
    }

    public void remove(PodRecord pod) throws IOException {
        records.remove(pod);
    }

    public void repair() throws IOException {
        records.repair();
    }
}
