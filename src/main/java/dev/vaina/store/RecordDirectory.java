package dev.vaina.store;

import dev.vaina.spec.FileBytes;
import dev.vaina.spec.Named;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Records of one kind (containers, pods), each in a directory named by its id, with names claimed by
 * creating {@code names/NAME} exclusively, so two commands creating the same name at once cannot both
 * win. A record appears by renaming a finished directory into place and disappears by renaming it away
 * first, so a crash never leaves a half-written or half-removed record visible; {@link #repair()}
 * deletes what such a crash left.
 */
final class RecordDirectory<T extends Named> {
    /** Ids are 64 hexadecimal digits; shorter ones are prefixes. */
    private static final int FULL_ID_LENGTH = 64;
    private final Path records;
    private final Path names;
    private final Path lockFile;
    private final String recordFile;
    private final Class<T> type;
    private final String kind;

    RecordDirectory(Path records, Path names, Path lockFile, String recordFile, Class<T> type, String kind) {
        this.records = records;
        this.names = names;
        this.lockFile = lockFile;
        this.recordFile = recordFile;
        this.type = type;
        this.kind = kind;
    }

    Path directory(String id) {
        return records.resolve(id);
    }

    /**
     * Stores a new record, with more files beside it (file name to the value written as JSON).
     *
     * @throws NameInUseException when its name is taken
     */
    void create(T record, Map<String, Object> companions) throws IOException {
        Files.createDirectories(names);
        Files.createDirectories(records);
        String id = record.id();
        Path nameFile = names.resolve(record.name());
        try (StoreLock lock = StoreLock.acquire(lockFile)) {
            claimName(nameFile, record);
            Path staging = records.resolve("." + id + ".new");
            try {
                Files.createDirectories(staging);
                Json.write(staging.resolve(recordFile), record);
                for (Map.Entry<String, Object> companion : companions.entrySet()) {
                    Json.write(staging.resolve(companion.getKey()), companion.getValue());
                }
                Files.move(staging, directory(id), StandardCopyOption.ATOMIC_MOVE);
                AtomicFiles.syncDirectory(records);
            } catch (IOException | RuntimeException e) {
                FileTrees.deleteQuietly(staging);
                Files.deleteIfExists(nameFile);
                throw e;
            }
        }
    }

    private void claimName(Path nameFile, T record) throws IOException {
        try {
            Files.writeString(Files.createFile(nameFile), record.id());
        } catch (FileAlreadyExistsException e) {
            String owner = owner(nameFile);
            if (owner != null) {
                throw new NameInUseException(kind, record.name(), owner);
            }
            // A crash between claiming the name and storing the record left the claim behind: take it over.
            AtomicFiles.write(nameFile, record.id());
        }
    }

    private static String readOwner(Path nameFile) throws IOException {
        try {
            String owner = FileBytes.readString(nameFile).strip();
            return owner.isEmpty() ? null : owner;
        } catch (NoSuchFileException e) {
            return null;
        }
    }

    /** By exact name, full id or unique id prefix. */
    Optional<T> lookup(String nameOrId) throws IOException {
        if (nameOrId.isEmpty() || nameOrId.contains("/") || nameOrId.startsWith(".")) {
            return Optional.empty();
        }
        Path nameFile = names.resolve(nameOrId);
        if (Files.exists(nameFile)) {
            T holder = holder(nameFile);
            if (holder != null) {
                return Optional.of(holder);
            }
        }
        if (!isIdPrefix(nameOrId)) {
            return Optional.empty();
        }
        if (nameOrId.length() == FULL_ID_LENGTH && exists(nameOrId)) {
            // A whole id names its directory: no listing of every record (the launcher's start is given one).
            return Optional.of(read(nameOrId));
        }
        String match = null;
        for (String id : ids()) {
            if (id.startsWith(nameOrId)) {
                if (match != null) {
                    throw new IllegalStateException("more than one " + kind + " matches the ID prefix \"" + nameOrId
                            + "\": give more of the ID or the name");
                }
                match = id;
            }
        }
        return match == null ? Optional.empty() : Optional.of(read(match));
    }

    private static boolean isIdPrefix(String text) {
        return text.length() <= FULL_ID_LENGTH && Hex.isLowerCase(text);
    }

    T read(String id) throws IOException {
        return Json.read(fileName(id), type);
    }

    boolean exists(String id) {
        return new File(fileName(id)).isFile();
    }

    /** All ids, in no particular order. */
    List<String> ids() throws IOException {
        List<String> ids = new ArrayList<>();
        for (String entry : entries()) {
            if (!entry.startsWith(".") && new File(fileName(entry)).isFile()) {
                ids.add(entry);
            }
        }
        return ids;
    }

    /**
     * The names in the records' directory, none when it is not there. File.list reads them in one call and makes
     * no Path of each, nor do the file names built from them: among 200 containers, half of what a DirectoryStream
     * and a Path per file cost a JVM that has compiled none of it yet.
     */
    private String[] entries() throws IOException {
        String[] entries = records.toFile().list();
        if (entries != null) {
            return entries;
        }
        if (Files.isDirectory(records)) {
            // Not readable: the stream says why.
            Files.newDirectoryStream(records).close();
            throw new IOException(records + ": cannot list the directory");
        }
        return new String[0];
    }

    /** The record's file, by name (see {@link #entries}). */
    private String fileName(String id) {
        return records + "/" + id + "/" + recordFile;
    }

    List<T> list() throws IOException {
        return listHolding(null);
    }

    /**
     * The records whose file holds {@code text} (ASCII, {@link Json#readIfHolding}): a superset of those with that
     * value; all of them when {@code text} is null. Each file is read without a look at it first: one that is not
     * there is passed over, as {@link #ids} passes it over.
     */
    List<T> listHolding(String text) throws IOException {
        List<T> found = new ArrayList<>();
        byte[] bytes = text == null ? null : text.getBytes(StandardCharsets.US_ASCII);
        for (String entry : entries()) {
            if (entry.startsWith(".")) {
                continue;
            }
            String file = fileName(entry);
            try {
                T record = bytes == null ? Json.read(file, type) : Json.readIfHolding(file, type, bytes);
                if (record != null) {
                    found.add(record);
                }
            } catch (FileSystemException e) {
                // Not a record's directory, or removed by another command while we listed.
                if (new File(file).isFile()) {
                    throw e;
                }
            }
        }
        return found;
    }

    boolean nameTaken(String name) throws IOException {
        return owner(names.resolve(name)) != null;
    }

    /**
     * The id of the record that holds a name, or null when the name is free: unclaimed, claimed by a record
     * that is gone, or claimed by one that a cut-short rename left under another name.
     */
    private String owner(Path nameFile) throws IOException {
        T holder = holder(nameFile);
        return holder == null ? null : holder.id();
    }

    /** The record that holds a name (see {@link #owner}), or null. */
    private T holder(Path nameFile) throws IOException {
        String owner = readOwner(nameFile);
        if (owner == null || !exists(owner)) {
            return null;
        }
        try {
            T record = read(owner);
            return record.name().equals(nameFile.getFileName().toString()) ? record : null;
        } catch (NoSuchFileException e) {
            return null;
        }
    }

    void remove(T record) throws IOException {
        String id = record.id();
        try (StoreLock lock = StoreLock.acquire(lockFile)) {
            Path dir = directory(id);
            Path doomed = records.resolve("." + id + ".removed");
            if (Files.exists(dir)) {
                Files.move(dir, doomed, StandardCopyOption.ATOMIC_MOVE);
            }
            Path nameFile = names.resolve(record.name());
            if (id.equals(readOwner(nameFile))) {
                Files.deleteIfExists(nameFile);
            }
            FileTrees.deleteQuietly(doomed);
        }
    }

    /**
     * Gives a record a new name: the new name is claimed exclusively first, then the record is rewritten,
     * then the old name is released. A crash in between leaves a claim whose owner carries another name:
     * such a claim counts as free ({@link #owner}).
     *
     * @param renamed the record as it is to be, with its new name
     * @throws NameInUseException when the new name is taken
     */
    void rename(T record, T renamed) throws IOException {
        String id = record.id();
        Files.createDirectories(names);
        try (StoreLock lock = StoreLock.acquire(lockFile)) {
            Path newName = names.resolve(renamed.name());
            boolean sameName = record.name().equals(renamed.name());
            if (sameName) {
                Json.write(directory(id).resolve(recordFile), renamed);
                return;
            }
            claimName(newName, renamed);
            try {
                Json.write(directory(id).resolve(recordFile), renamed);
            } catch (IOException | RuntimeException e) {
                Files.deleteIfExists(newName);
                throw e;
            }
            Path oldName = names.resolve(record.name());
            if (id.equals(readOwner(oldName))) {
                Files.deleteIfExists(oldName);
            }
        }
    }

    void repair() throws IOException {
        if (!Files.isDirectory(records)) {
            return;
        }
        try (StoreLock lock = StoreLock.acquire(lockFile);
             DirectoryStream<Path> entries = Files.newDirectoryStream(records)) {
            for (Path entry : entries) {
                if (entry.getFileName().toString().startsWith(".")) {
                    FileTrees.deleteQuietly(entry);
                }
            }
        }
    }
}
