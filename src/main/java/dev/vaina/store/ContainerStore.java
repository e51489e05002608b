package dev.vaina.store;

import dev.vaina.spec.ContainerConfig;
import dev.vaina.spec.NetworkAttachment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Container records on disk (see {@link RecordDirectory} for how names are claimed and records appear
 * and disappear atomically), with the container's state beside its record.
 */
public final class ContainerStore implements ContainerRecords, NameGenerator.NameCheck {
    /** The pod field's name, quoted, as a record holds it when the container is a pod's. */
    private static final String POD_FIELD = "\"pod\"";
    private static final String RECORD = "container.json";
    private static final String STATE = "state.json";
    private static final String NETWORKS = "networks.json";
    private static final String CREATE_ARGUMENTS = "create-arguments.json";

    private final StoreLayout layout;
    private final RecordDirectory<ContainerRecord> records;

    public ContainerStore(StoreLayout layout) {
        this.layout = layout;
        this.records = new RecordDirectory<>(layout.containers(), layout.names(), layout.lockFile(), RECORD,
                ContainerRecord.class, "container");
    }

    public StoreLayout layout() {
        return layout;
    }

    public static String newId() {
        return HexFormat.of().formatHex(Randomness.bytes(32));
    }

    /** Stores a new container; fails with {@link NameInUseException} when its name is taken. */
    public void create(ContainerRecord record) throws IOException {
        records.create(record, Map.of(STATE, ContainerState.created()));
    }

    /** Keeps the command line a container was made with beside its record (see {@link CreateArguments}). */
    public void saveCreateArguments(ContainerRecord record, CreateArguments arguments) throws IOException {
        Json.write(layout.container(record.id()).resolve(CREATE_ARGUMENTS), arguments);
    }

    /** The command line a container was made with; empty for one made before vaina kept it, or by kube play. */
    public Optional<CreateArguments> createArguments(ContainerRecord record) throws IOException {
        Path file = layout.container(record.id()).resolve(CREATE_ARGUMENTS);
        return Files.exists(file) ? Optional.of(Json.read(file, CreateArguments.class)) : Optional.empty();
    }

    @Override
    public ContainerRecord find(String nameOrId) throws IOException {
        // Not orElseThrow's supplier: a command's first lambda sets the JVM's method-handle machinery up (4-9 ms).
        Optional<ContainerRecord> found = lookup(nameOrId);
        if (found.isEmpty()) {
            throw new NoSuchContainerException(nameOrId);
        }
        return found.get();
    }

    @Override
    public Optional<ContainerRecord> lookup(String nameOrId) throws IOException {
        return records.lookup(nameOrId);
    }

    public ContainerRecord read(String id) throws IOException {
        return records.read(id);
    }

    /**
     * Replaces what the user asked for in a container's record (vaina update changes its limits); the
     * record is written atomically. Returns the record as stored now.
     */
    public ContainerRecord replaceConfig(ContainerRecord record, ContainerConfig config) throws IOException {
        ContainerRecord changed = record.withConfig(config);
        Json.write(layout.container(record.id()).resolve(RECORD), changed);
        return changed;
    }

    @Override
    public ContainerState state(String id) throws IOException {
        try {
            return Json.read(layout.containerFileName(id, STATE), ContainerState.class);
        } catch (NoSuchFileException e) {
            return ContainerState.created();
        }
    }

    public void writeState(String id, ContainerState state) throws IOException {
        Json.write(layout.container(id).resolve(STATE), state);
    }

    /**
     * The named networks a container is on: those it was created with, as network connect and disconnect
     * changed them since (the record itself never changes).
     */
    public List<NetworkAttachment> networks(ContainerRecord record) throws IOException {
        try {
            return Json.read(layout.container(record.id()).resolve(NETWORKS), Attachments.class).networks();
        } catch (NoSuchFileException e) {
            return record.config().network().networks();
        }
    }

    public void writeNetworks(String id, List<NetworkAttachment> networks) throws IOException {
        Json.write(layout.container(id).resolve(NETWORKS), new Attachments(networks));
    }

    /** networks.json: a list needs a bean around it to be read back with its element type. */
    public record Attachments(List<NetworkAttachment> networks) {
        public Attachments {
            networks = networks == null ? List.of() : List.copyOf(networks);
        }
    }

    public boolean exists(String id) {
        return records.exists(id);
    }

    /** All container ids, in no particular order. */
    public List<String> ids() throws IOException {
        return records.ids();
    }

    @Override
    public List<ContainerRecord> list() throws IOException {
        return records.list();
    }

    /**
     * The pod's containers, in no particular order. Only the records that hold the pod's id are parsed: every
     * member's does, and few others (a record naming the pod elsewhere, in a label, is read and left out).
     */
    public List<ContainerRecord> inPod(String podId) throws IOException {
        List<ContainerRecord> members = new ArrayList<>();
        for (ContainerRecord record : records.listHolding(podId)) {
            if (podId.equals(record.pod())) {
                members.add(record);
            }
        }
        return members;
    }

    /**
     * The containers whose state says they run, in no particular order: each state is read first, and only those
     * containers' records (`ps` without -a among many that do not run).
     */
    @Override
    public List<Running> recordedRunning() throws IOException {
        List<Running> running = new ArrayList<>();
        for (String id : ids()) {
            try {
                ContainerState state = state(id);
                if (state.isRunning()) {
                    running.add(new Running(read(id), state));
                }
            } catch (NoSuchFileException e) {
                // removed by another command while we listed
            }
        }
        return running;
    }

    /**
     * The containers of every pod, in no particular order. Only the records that hold the pod field's name are
     * parsed: the record of a container of no pod leaves the field out.
     */
    public List<ContainerRecord> inPods() throws IOException {
        List<ContainerRecord> members = new ArrayList<>();
        for (ContainerRecord record : records.listHolding(POD_FIELD)) {
            if (record.pod() != null) {
                members.add(record);
            }
        }
        return members;
    }

    @Override
    public boolean nameTaken(String name) throws IOException {
        return records.nameTaken(name);
    }

    /**
     * Removes a container's records, log and writable layer. The directory is first renamed away, so a
     * crash half-way leaves only a hidden leftover that {@link #repair()} deletes.
     */
    public void remove(ContainerRecord record) throws IOException {
        if (layout.rootless() && record.config().userns().ownNamespace()) {
            // Its root is a subordinate id, not the user: what it owns is deleted from inside a user namespace.
            ContainerOwnership.delete(layout, layout.containerUpper(record.id()));
            ContainerOwnership.delete(layout, layout.containerLayers(record.id()));
        }
        records.remove(record);
        FileTrees.deleteQuietly(layout.containerRun(record.id()));
    }

    /** Gives a container a new name (and the record whatever else {@code renamed} changes). */
    public void rename(ContainerRecord record, ContainerRecord renamed) throws IOException {
        records.rename(record, renamed);
    }

    /** Deletes what a crash left: half-created and half-removed container directories. */
    public void repair() throws IOException {
        records.repair();
    }
}
