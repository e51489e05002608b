package dev.vaina.engine;

import dev.vaina.spec.Instants;
import dev.vaina.spec.KeyOrder;
import dev.vaina.store.ContainerRecord;
import dev.vaina.store.ContainerRecords;
import dev.vaina.store.NoSuchContainerException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The containers a verb acts on, chosen as Podman's verbs choose them: names or ids as given, ids read
 * from {@code --cidfile} files, {@code --all}, or {@code --latest}. Every one is looked up before any is
 * acted on, so a typo does not leave half the list done. A name that matches nothing fails with
 * {@link NoSuchContainerException}, unless missing ones are to be ignored.
 */
public final class Targets {
    /** A container and how the user named it: the name or id as given, or the full id otherwise. */
    public record Target(String reference, ContainerRecord record) {
    }

    private final List<String> names;
    private List<Path> cidfiles = List.of();
    private boolean all;
    private boolean latest;
    private boolean ignoreMissing;
    private boolean runningOnly;

    private Targets(List<String> names) {
        this.names = names == null ? List.of() : names;
    }

    public static Targets named(List<String> names) {
        return new Targets(names);
    }

    public Targets cidfiles(List<Path> files) {
        this.cidfiles = files == null ? List.of() : files;
        return this;
    }

    public Targets all(boolean value) {
        this.all = value;
        return this;
    }

    public Targets latest(boolean value) {
        this.latest = value;
        return this;
    }

    /** {@code --ignore}: a container that does not exist is skipped, not an error. */
    public Targets ignoreMissing(boolean value) {
        this.ignoreMissing = value;
        return this;
    }

    /** Only the containers that run (after their state is reconciled), as {@code kill --all} and {@code restart --running} want. */
    public Targets runningOnly(boolean value) {
        this.runningOnly = value;
        return this;
    }

    public List<Target> resolve(Containers containers) throws IOException {
        ContainerRecords store = containers.records();
        List<Target> targets = new ArrayList<>();
        for (Target target : chosen(store)) {
            if (!runningOnly || containers.currentState(target.record()).isRunning()) {
                targets.add(target);
            }
        }
        return targets;
    }

    private List<Target> chosen(ContainerRecords store) throws IOException {
        validate();
        List<Target> targets = new ArrayList<>();
        if (all) {
            for (ContainerRecord record : newestFirst(store)) {
                targets.add(new Target(record.id(), record));
            }
            return targets;
        }
        if (latest) {
            List<ContainerRecord> records = newestFirst(store);
            if (records.isEmpty()) {
                if (ignoreMissing) {
                    return List.of();
                }
                throw new NoSuchContainerException();
            }
            return List.of(new Target(records.get(0).id(), records.get(0)));
        }
        // Loops, not lambdas, on the way of logs, wait and kill (see ContainerStore.find).
        for (String name : names) {
            Optional<ContainerRecord> record = find(store, name);
            if (record.isPresent()) {
                targets.add(new Target(name, record.get()));
            }
        }
        for (Path cidfile : cidfiles) {
            Optional<ContainerRecord> record = find(store, readCidfile(cidfile));
            if (record.isPresent()) {
                targets.add(new Target(record.get().id(), record.get()));
            }
        }
        return targets;
    }

    private void validate() {
        boolean given = !names.isEmpty() || !cidfiles.isEmpty();
        if (all && latest) {
            throw new EngineException("--all and --latest cannot be used together");
        }
        if (all && given) {
            throw new EngineException("no arguments are needed with --all");
        }
        if (latest && given) {
            throw new EngineException("--latest and containers cannot be used together");
        }
        if (!all && !latest && !given) {
            throw new EngineException(
                    "you must provide at least one container name or ID (or --all, --latest, --cidfile)");
        }
    }

    private Optional<ContainerRecord> find(ContainerRecords store, String nameOrId) throws IOException {
        Optional<ContainerRecord> record = store.lookup(nameOrId);
        if (record.isEmpty() && !ignoreMissing) {
            throw new NoSuchContainerException(nameOrId);
        }
        return record;
    }

    private static String readCidfile(Path file) throws IOException {
        try {
            return Files.readString(file).strip();
        } catch (NoSuchFileException e) {
            throw new EngineException("reading CIDFile: open " + file + ": no such file or directory");
        }
    }

    /** Every container, the one created last first. */
    public static List<ContainerRecord> newestFirst(ContainerRecords store) throws IOException {
        // Each creation time parsed once, not at every comparison (n log n parses: a fifth of `ps -a` among 200).
        Map<ContainerRecord, Instant> created = new IdentityHashMap<>();
        List<ContainerRecord> records = new ArrayList<>(store.list());
        for (ContainerRecord record : records) {
            created.put(record, Instants.parse(record.created()));
        }
        records.sort(KeyOrder.by(created::get).reversed());
        return records;
    }
}
