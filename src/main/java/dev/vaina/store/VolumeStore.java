package dev.vaina.store;

import dev.vaina.spec.VolumeMount;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Volume records on disk: {@code dataRoot/volumes/NAME/volume.json} beside the content, {@code _data}; names
 * claimed under {@code dataRoot/volumenames}. A volume's name is its id, so a record and its content appear
 * and disappear together (see {@link RecordDirectory}).
 */
public final class VolumeStore {
    private static final String RECORD = "volume.json";
    /** Present once the image's content was copied into the volume (or it was found not empty). */
    private static final String COPIED_UP = "copied-up";

    private final StoreLayout layout;
    private final RecordDirectory<VolumeRecord> records;

    public VolumeStore(StoreLayout layout) {
        this.layout = layout;
        this.records = new RecordDirectory<>(layout.volumes(), layout.volumeNames(), layout.lockFile(), RECORD,
                VolumeRecord.class, "volume");
    }

    /** @throws NameInUseException when a volume has the name */
    public void create(VolumeRecord volume) throws IOException {
        records.create(volume, Map.of());
        data(volume.name());
    }

    /** By exact name or unique prefix of a name made of hex digits (a generated one). */
    public Optional<VolumeRecord> lookup(String name) throws IOException {
        return records.lookup(name);
    }

    public VolumeRecord find(String name) throws IOException {
        return lookup(name).orElseThrow(() -> new NoSuchVolumeException(name));
    }

    public List<VolumeRecord> list() throws IOException {
        return records.list();
    }

    public boolean exists(String name) {
        return records.exists(name);
    }

    /** The volume's content directory, made again if a crash after its record left it out. */
    public Path data(String name) throws IOException {
        Path data = layout.volumeData(name);
        Files.createDirectories(data);
        return data;
    }

    public Path mountpoint(String name) {
        return layout.volumeData(name);
    }

    /** Whether the image's content at the mount point is still to be copied into the volume. */
    public boolean needsCopyUp(String name) {
        return !Files.exists(layout.volumes().resolve(name).resolve(COPIED_UP));
    }

    public void markCopiedUp(String name) throws IOException {
        AtomicFiles.write(layout.volumes().resolve(name).resolve(COPIED_UP), "");
    }

    /**
     * Removes the record and the content; callers check first that no container uses it. Rootless, files
     * that a container's other users wrote are deleted from inside a user namespace.
     */
    public void remove(VolumeRecord volume) throws IOException {
        Path data = layout.volumeData(volume.name());
        if (layout.rootless() && Files.isDirectory(data)) {
            ContainerOwnership.delete(layout, data);
        }
        records.remove(volume);
    }

    /**
     * Removes the anonymous volumes of a container that is gone (rm -v, --rm), unless another container
     * still mounts one (--volumes-from).
     */
    public void removeAnonymousOf(ContainerRecord removed, List<ContainerRecord> remaining) throws IOException {
        for (VolumeMount mount : removed.config().volumes()) {
            if (!mount.isVolume() || !mount.anonymous() || mount.source() == null) {
                continue;
            }
            boolean used = remaining.stream().anyMatch(other -> !other.id().equals(removed.id())
                    && other.config().volumes().stream().anyMatch(m -> m.isVolume() && mount.source().equals(m.source())));
            Optional<VolumeRecord> volume = lookup(mount.source());
            if (!used && volume.isPresent() && volume.get().name().equals(mount.source())) {
                remove(volume.get());
            }
        }
    }

    public void repair() throws IOException {
        records.repair();
    }
}
