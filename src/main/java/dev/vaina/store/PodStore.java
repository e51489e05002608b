package dev.vaina.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Pod records on disk: {@code dataRoot/pods/ID/pod.json}, names claimed under {@code dataRoot/podnames}. */
public final class PodStore implements NameGenerator.NameCheck {
    private static final String RECORD = "pod.json";
    private static final String CREATE_ARGUMENTS = "create-arguments.json";

    private final StoreLayout layout;
    private final RecordDirectory<PodRecord> records;

    public PodStore(StoreLayout layout) {
        this.layout = layout;
        this.records = new RecordDirectory<>(layout.pods(), layout.podNames(), layout.lockFile(), RECORD,
                PodRecord.class, "pod");
    }

    /** @throws NameInUseException when another pod has the name */
    public void create(PodRecord pod) throws IOException {
        records.create(pod, Map.of());
    }

    /** Keeps the command line a pod was made with beside its record (see {@link CreateArguments}). */
    public void saveCreateArguments(PodRecord pod, CreateArguments arguments) throws IOException {
        Json.write(layout.pods().resolve(pod.id()).resolve(CREATE_ARGUMENTS), arguments);
    }

    /** The command line a pod was made with; empty for one made before vaina kept it, or by kube play. */
    public Optional<CreateArguments> createArguments(PodRecord pod) throws IOException {
        Path file = layout.pods().resolve(pod.id()).resolve(CREATE_ARGUMENTS);
        return Files.exists(file) ? Optional.of(Json.read(file, CreateArguments.class)) : Optional.empty();
    }

    public Optional<PodRecord> lookup(String nameOrId) throws IOException {
        return records.lookup(nameOrId);
    }

    public PodRecord find(String nameOrId) throws IOException {
        Optional<PodRecord> pod = lookup(nameOrId);
        if (pod.isEmpty()) {
            throw new NoSuchPodException(nameOrId);
        }
        return pod.get();
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

    @Override
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
