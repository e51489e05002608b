package dev.vaina.engine;

import dev.vaina.spec.ContainerConfig;
import dev.vaina.spec.Instants;
import dev.vaina.spec.InvalidSpecException;
import dev.vaina.spec.Mounts;
import dev.vaina.spec.VolumeMount;
import dev.vaina.spec.VolumeName;
import dev.vaina.spec.VolumesFrom;
import dev.vaina.store.ContainerOwnership;
import dev.vaina.store.ContainerRecord;
import dev.vaina.store.ContainerStore;
import dev.vaina.store.NameInUseException;
import dev.vaina.store.NoSuchContainerException;
import dev.vaina.store.VolumeRecord;
import dev.vaina.store.VolumeStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Named and anonymous volumes: made, found, removed, and attached to the containers that mount them. A
 * volume is in use while a container record mounts it, running or not, as in Podman.
 */
public final class Volumes {
    private static final List<String> OPTIONS = List.of("UID", "GID");

    private final Engine engine;
    private final VolumeStore store;

    Volumes(Engine engine) {
        this.engine = engine;
        this.store = engine.volumeStore();
    }

    /**
     * {@code volume create}. A null name gets a generated one (64 hex digits, as Podman's); with
     * {@code ignore}, an existing volume of that name is returned instead of refused.
     */
    public VolumeRecord create(String name, Map<String, String> labels, Map<String, String> options, String driver,
            boolean ignore) throws IOException {
        String chosen = name != null ? new VolumeName(name).value() : ContainerStore.newId();
        if (driver != null && !driver.equals("local")) {
            throw new EngineException("volume " + chosen + " uses volume plugin " + driver
                    + " but it could not be retrieved: no volume plugin with name " + driver
                    + " available: required plugin missing");
        }
        long uid = -1;
        long gid = -1;
        for (Map.Entry<String, String> option : options.entrySet()) {
            if (!OPTIONS.contains(option.getKey())) {
                throw new InvalidSpecException("invalid mount option " + option.getKey() + " for driver 'local'"
                        + " (vaina's volumes are directories in its store; it takes UID and GID): invalid argument");
            }
            try {
                long id = Long.parseLong(option.getValue());
                if (option.getKey().equals("UID")) {
                    uid = id;
                } else {
                    gid = id;
                }
            } catch (NumberFormatException e) {
                throw new InvalidSpecException("invalid " + option.getKey() + " \"" + option.getValue()
                        + "\": a numeric id is needed");
            }
        }
        store.repair();
        VolumeRecord volume = new VolumeRecord(chosen, "local", Instants.format(Instant.now()), labels, options, false);
        try {
            store.create(volume);
        } catch (NameInUseException e) {
            if (ignore) {
                return store.find(chosen);
            }
            throw e;
        }
        if (uid >= 0 || gid >= 0) {
            try {
                ContainerOwnership.chown(engine.layout(), store.data(chosen), Math.max(uid, 0), Math.max(gid, 0), false);
            } catch (IOException | RuntimeException e) {
                store.remove(volume);
                throw e;
            }
        }
        return volume;
    }

    public VolumeStore store() {
        return store;
    }

    /** The containers whose records mount the volume. */
    public List<ContainerRecord> users(String name) throws IOException {
        List<ContainerRecord> users = new ArrayList<>();
        for (ContainerRecord record : engine.store().list()) {
            if (mounts(record, name)) {
                users.add(record);
            }
        }
        return users;
    }

    /** How many running containers mount it (inspect's MountCount). */
    public int mountCount(String name) throws IOException {
        int count = 0;
        for (ContainerRecord record : users(name)) {
            if (engine.store().state(record.id()).isRunning()) {
                count++;
            }
        }
        return count;
    }

    private static boolean mounts(ContainerRecord record, String name) {
        for (VolumeMount mount : record.config().volumes()) { // a loop: no lambda on `volume ls`'s way
            if (mount.isVolume() && name.equals(mount.source())) {
                return true;
            }
        }
        return false;
    }

    /**
     * {@code volume rm}: refused while a container uses the volume, unless {@code force}, which removes
     * those containers first (stopping running ones within {@code timeoutSeconds}, or their own timeout).
     */
    public void remove(VolumeRecord volume, boolean force, Integer timeoutSeconds) throws IOException {
        List<ContainerRecord> users = users(volume.name());
        if (!users.isEmpty()) {
            if (!force) {
                throw new StateConflictException("volume " + volume.name()
                        + " is being used by the following container(s): "
                        + String.join(", ", users.stream().map(ContainerRecord::id).toList())
                        + ": volume is being used");
            }
            for (ContainerRecord user : users) {
                engine.containers().remove(user, true, timeoutSeconds);
            }
        }
        engine.log().debug("removing volume " + volume.name());
        store.remove(volume);
    }

    /** {@code volume prune}: removes the volumes no container uses that the filter accepts; their names. */
    public List<String> prune(Predicate<VolumeRecord> filter) throws IOException {
        List<String> removed = new ArrayList<>();
        List<ContainerRecord> containers = engine.store().list();
        for (VolumeRecord volume : store.list()) {
            if (filter.test(volume) && dangling(volume, containers)) {
                store.remove(volume);
                removed.add(volume.name());
            }
        }
        return removed;
    }

    /** Whether no container uses the volume (the dangling= filter). */
    public boolean dangling(VolumeRecord volume, List<ContainerRecord> containers) {
        for (ContainerRecord container : containers) {
            if (mounts(container, volume.name())) {
                return false;
            }
        }
        return true;
    }

    /** --volumes-from: the other container's volumes and bind mounts, as this one mounts them. */
    public List<VolumeMount> from(VolumesFrom from) throws IOException {
        Optional<ContainerRecord> other = engine.store().lookup(from.container());
        if (other.isEmpty()) {
            throw new EngineException("looking up container \"" + from.container() + "\" for volumes-from: "
                    + new NoSuchContainerException(from.container()).getMessage());
        }
        return other.get().config().volumes().stream().filter(m -> !m.isTmpfs())
                .map(m -> m.sharedWith(from.readOnly())).toList();
    }

    /**
     * Makes what a new container's mounts need, before its record is written: checks the bind mounts' host
     * paths, names and makes its anonymous volumes and the named ones that are missing, and copies the
     * image's content into empty new volumes; each of the image's volume paths that no mount covers gets an
     * anonymous volume, as Podman gives it. Returns the config with the anonymous volumes' names; on
     * failure, whatever it made is gone again. {@code made} collects the volumes it made, for
     * {@link #undo} if the container is not created after all.
     *
     * @param imageVolumes the image's volume paths (its config's Volumes)
     * @param layers       the image's layer directories, top-most first
     */
    ContainerConfig attach(ContainerConfig config, List<String> imageVolumes, List<Path> layers, List<VolumeRecord> made)
            throws IOException {
        config = config.withVolumes(withImageVolumes(config.volumes(), imageVolumes));
        Mounts.checkDestinations(config.volumes());
        for (VolumeMount mount : config.volumes()) {
            if (mount.isBind() && !Files.exists(Path.of(mount.source()))) {
                throw new InvalidSpecException("statfs " + mount.source() + ": no such file or directory");
            }
            if (mount.isBind() && mount.overlay() && !Files.isDirectory(Path.of(mount.source()))) {
                throw new InvalidSpecException("invalid overlay volume " + mount + ": " + mount.source()
                        + " is not a directory; O mounts an overlay over a directory, bind a file without O");
            }
            if (mount.overlay() && mount.source() != null && mount.source().contains(",")) {
                // overlayfs' options are separated by commas, which its lowerdir= cannot escape.
                throw new InvalidSpecException("invalid overlay volume " + mount + ": a path with a comma cannot be"
                        + " an overlay's lower directory");
            }
        }
        List<VolumeMount> resolved = new ArrayList<>();
        try {
            for (VolumeMount mount : config.volumes()) {
                resolved.add(mount.isVolume() ? attachVolume(mount, layers, made) : mount);
            }
        } catch (IOException | RuntimeException e) {
            undo(made);
            throw e;
        }
        return config.withVolumes(resolved);
    }

    /** The mounts given, and an anonymous volume for each image volume path that none of them mounts over. */
    private static List<VolumeMount> withImageVolumes(List<VolumeMount> given, List<String> imageVolumes) {
        List<VolumeMount> mounts = new ArrayList<>(given);
        for (String path : imageVolumes) {
            String destination = Path.of(path).normalize().toString();
            if (given.stream().noneMatch(m -> Path.of(m.destination()).normalize().toString().equals(destination))) {
                mounts.add(new VolumeMount(VolumeMount.VOLUME, null, destination, List.of(), true));
            }
        }
        return mounts;
    }

    private VolumeMount attachVolume(VolumeMount mount, List<Path> layers, List<VolumeRecord> made) throws IOException {
        VolumeMount named = mount;
        VolumeRecord volume;
        if (mount.source() == null) {
            volume = new VolumeRecord(ContainerStore.newId(), "local", Instants.format(Instant.now()), Map.of(), Map.of(), true);
            store.create(volume);
            made.add(volume);
            named = mount.named(volume.name());
        } else {
            Optional<VolumeRecord> existing = store.lookup(mount.source());
            if (existing.isPresent() && existing.get().name().equals(mount.source())) {
                volume = existing.get();
            } else {
                volume = create(mount.source(), Map.of(), Map.of(), "local", true);
                made.add(volume);
            }
        }
        Path data = store.data(volume.name());
        if (!mount.has("nocopy") && store.needsCopyUp(volume.name())) {
            if (isEmpty(data)) {
                LayerView.copyDirectory(layers, mount.destination(), data);
            }
            store.markCopiedUp(volume.name());
        }
        return named;
    }

    private static boolean isEmpty(Path dir) throws IOException {
        try (var entries = Files.list(dir)) {
            return entries.findAny().isEmpty();
        }
    }

    /** Removes the volumes {@link #attach} made for a container that was not created after all. */
    void undo(List<VolumeRecord> made) {
        for (VolumeRecord volume : made) {
            try {
                store.remove(volume);
            } catch (IOException | RuntimeException e) {
                engine.log().warn("cannot remove volume " + volume.name() + ": " + e.getMessage());
            }
        }
        made.clear();
    }

    /** rm -v and --rm: the container's anonymous volumes go with it. */
    public void removeAnonymousOf(ContainerRecord removed) throws IOException {
        store.removeAnonymousOf(removed, engine.store().list());
    }
}
