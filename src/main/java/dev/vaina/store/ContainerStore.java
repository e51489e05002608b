package dev.vaina.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Container records on disk. A name is claimed by creating {@code names/NAME} exclusively, so two
 * commands creating the same name at once cannot both win; a record appears by renaming a finished
 * directory into place, so a crash never leaves a half-written container visible.
 */
public final class ContainerStore {
    private static final String RECORD = "container.json";
    private static final String STATE = "state.json";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final StoreLayout layout;

    public ContainerStore(StoreLayout layout) {
        this.layout = layout;
    }

    public StoreLayout layout() {
        return layout;
    }

    public static String newId() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /** Stores a new container; fails with {@link NameInUseException} when its name is taken. */
    public void create(ContainerRecord record) throws IOException {
        Files.createDirectories(layout.names());
        Files.createDirectories(layout.containers());
        Path nameFile = layout.names().resolve(record.name());
        try (StoreLock lock = StoreLock.acquire(layout.lockFile())) {
            claimName(nameFile, record);
            Path staging = layout.containers().resolve("." + record.id() + ".new");
            try {
                Files.createDirectories(staging);
                Json.write(staging.resolve(RECORD), record);
                Json.write(staging.resolve(STATE), ContainerState.created());
                Files.move(staging, layout.container(record.id()), StandardCopyOption.ATOMIC_MOVE);
                AtomicFiles.syncDirectory(layout.containers());
            } catch (IOException | RuntimeException e) {
                FileTrees.deleteQuietly(staging);
                Files.deleteIfExists(nameFile);
                throw e;
            }
        }
    }

    private void claimName(Path nameFile, ContainerRecord record) throws IOException {
        try {
            Files.writeString(Files.createFile(nameFile), record.id());
        } catch (FileAlreadyExistsException e) {
            String owner = readOwner(nameFile);
            if (owner != null && Files.isDirectory(layout.container(owner))) {
                throw new NameInUseException(record.name(), owner);
            }
            // A crash between claiming the name and storing the record left the claim behind: take it over.
            AtomicFiles.write(nameFile, record.id());
        }
    }

    private static String readOwner(Path nameFile) throws IOException {
        try {
            String owner = Files.readString(nameFile, StandardCharsets.UTF_8).strip();
            return owner.isEmpty() ? null : owner;
        } catch (NoSuchFileException e) {
            return null;
        }
    }

    /** Finds a container by exact name, full id or unique id prefix. */
    public ContainerRecord find(String nameOrId) throws IOException {
        return lookup(nameOrId).orElseThrow(() -> new NoSuchContainerException(nameOrId));
    }

    public Optional<ContainerRecord> lookup(String nameOrId) throws IOException {
        if (nameOrId.isEmpty() || nameOrId.contains("/") || nameOrId.startsWith(".")) {
            return Optional.empty();
        }
        Path nameFile = layout.names().resolve(nameOrId);
        if (Files.exists(nameFile)) {
            String owner = readOwner(nameFile);
            if (owner != null && Files.isRegularFile(layout.container(owner).resolve(RECORD))) {
                return Optional.of(read(owner));
            }
        }
        if (!nameOrId.matches("[0-9a-f]{1,64}")) {
            return Optional.empty();
        }
        String match = null;
        for (String id : ids()) {
            if (id.startsWith(nameOrId)) {
                if (match != null) {
                    throw new IllegalStateException("more than one container matches the ID prefix \"" + nameOrId
                            + "\": give more of the ID or the name");
                }
                match = id;
            }
        }
        return match == null ? Optional.empty() : Optional.of(read(match));
    }

    public ContainerRecord read(String id) throws IOException {
        return Json.read(layout.container(id).resolve(RECORD), ContainerRecord.class);
    }

    public ContainerState state(String id) throws IOException {
        try {
            return Json.read(layout.container(id).resolve(STATE), ContainerState.class);
        } catch (NoSuchFileException e) {
            return ContainerState.created();
        }
    }

    public void writeState(String id, ContainerState state) throws IOException {
        Json.write(layout.container(id).resolve(STATE), state);
    }

    public boolean exists(String id) {
        return Files.isRegularFile(layout.container(id).resolve(RECORD));
    }

    /** All container ids, in no particular order. */
    public List<String> ids() throws IOException {
        List<String> ids = new ArrayList<>();
        if (!Files.isDirectory(layout.containers())) {
            return ids;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(layout.containers())) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                if (!name.startsWith(".") && Files.isRegularFile(entry.resolve(RECORD))) {
                    ids.add(name);
                }
            }
        }
        return ids;
    }

    public List<ContainerRecord> list() throws IOException {
        List<ContainerRecord> records = new ArrayList<>();
        for (String id : ids()) {
            try {
                records.add(read(id));
            } catch (NoSuchFileException e) {
                // removed by another command while we listed
            }
        }
        return records;
    }

    public boolean nameTaken(String name) throws IOException {
        String owner = readOwner(layout.names().resolve(name));
        return owner != null && exists(owner);
    }

    /**
     * Removes a container's records, log and writable layer. The directory is first renamed away, so a
     * crash half-way leaves only a hidden leftover that {@link #repair()} deletes.
     */
    public void remove(ContainerRecord record) throws IOException {
        try (StoreLock lock = StoreLock.acquire(layout.lockFile())) {
            Path dir = layout.container(record.id());
            Path doomed = layout.containers().resolve("." + record.id() + ".removed");
            if (Files.exists(dir)) {
                Files.move(dir, doomed, StandardCopyOption.ATOMIC_MOVE);
            }
            Path nameFile = layout.names().resolve(record.name());
            if (record.id().equals(readOwner(nameFile))) {
                Files.deleteIfExists(nameFile);
            }
            FileTrees.deleteQuietly(doomed);
        }
        FileTrees.deleteQuietly(layout.containerRun(record.id()));
    }

    /** Deletes what a crash left: half-created and half-removed container directories. */
    public void repair() throws IOException {
        if (!Files.isDirectory(layout.containers())) {
            return;
        }
        try (StoreLock lock = StoreLock.acquire(layout.lockFile());
             DirectoryStream<Path> entries = Files.newDirectoryStream(layout.containers(), ".*")) {
            for (Path entry : entries) {
                FileTrees.deleteQuietly(entry);
            }
        }
    }
}
