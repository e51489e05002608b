package dev.vaina.cli.containers;

import dev.vaina.cli.common.CommandFailedException;
import dev.vaina.cli.common.ExitCodes;
import dev.vaina.store.ContainerRecord;
import dev.vaina.store.ContainerStore;
import dev.vaina.store.NoSuchContainerException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The containers a verb acts on, chosen as Podman's verbs choose them: names or ids as given, ids read
 * from {@code --cidfile} files, {@code --all}, or {@code --latest}. Every one is looked up before any is
 * acted on, so a typo does not leave half the list done.
 */
public final class ContainerTargets {
    /** A container and what to print for it: the name or id the user gave, or the full id otherwise. */
    public record Target(String echo, ContainerRecord record) {
    }

    private final List<String> names;
    private List<Path> cidfiles = List.of();
    private boolean all;
    private boolean latest;
    private boolean ignore;
    private int missingExitCode = ExitCodes.ENGINE;

    private ContainerTargets(List<String> names) {
        this.names = names == null ? List.of() : names;
    }

    public static ContainerTargets named(List<String> names) {
        return new ContainerTargets(names);
    }

    ContainerTargets cidfiles(List<Path> files) {
        this.cidfiles = files == null ? List.of() : files;
        return this;
    }

    ContainerTargets all(boolean value) {
        this.all = value;
        return this;
    }

    public ContainerTargets latest(boolean value) {
        this.latest = value;
        return this;
    }

    /** {@code --ignore}: a container that does not exist is skipped, not an error. */
    ContainerTargets ignoreMissing(boolean value) {
        this.ignore = value;
        return this;
    }

    /** The exit code of a missing container: 125, but 1 for {@code rm}, as Podman has it. */
    ContainerTargets missingExitCode(int code) {
        this.missingExitCode = code;
        return this;
    }

    public List<Target> resolve(ContainerStore store) throws IOException {
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
                if (ignore) {
                    return List.of();
                }
                throw new CommandFailedException(missingExitCode, "no such container");
            }
            return List.of(new Target(records.get(0).id(), records.get(0)));
        }
        for (String name : names) {
            find(store, name).ifPresent(record -> targets.add(new Target(name, record)));
        }
        for (Path cidfile : cidfiles) {
            String id = readCidfile(cidfile);
            find(store, id).ifPresent(record -> targets.add(new Target(record.id(), record)));
        }
        return targets;
    }

    private void validate() {
        boolean given = !names.isEmpty() || !cidfiles.isEmpty();
        if (all && latest) {
            throw new CommandFailedException(ExitCodes.ENGINE, "--all and --latest cannot be used together");
        }
        if (all && given) {
            throw new CommandFailedException(ExitCodes.ENGINE, "no arguments are needed with --all");
        }
        if (latest && given) {
            throw new CommandFailedException(ExitCodes.ENGINE, "--latest and containers cannot be used together");
        }
        if (!all && !latest && !given) {
            throw new CommandFailedException(ExitCodes.ENGINE,
                    "you must provide at least one container name or ID (or --all, --latest, --cidfile)");
        }
    }

    private Optional<ContainerRecord> find(ContainerStore store, String nameOrId) throws IOException {
        Optional<ContainerRecord> record = store.lookup(nameOrId);
        if (record.isEmpty() && !ignore) {
            throw new CommandFailedException(missingExitCode, new NoSuchContainerException(nameOrId).getMessage());
        }
        return record;
    }

    private static String readCidfile(Path file) throws IOException {
        try {
            return Files.readString(file).strip();
        } catch (NoSuchFileException e) {
            throw new CommandFailedException(ExitCodes.ENGINE,
                    "reading CIDFile: open " + file + ": no such file or directory");
        }
    }

    static List<ContainerRecord> newestFirst(ContainerStore store) throws IOException {
        List<ContainerRecord> records = new ArrayList<>(store.list());
        records.sort(Comparator.comparing((ContainerRecord r) -> Instant.parse(r.created())).reversed());
        return records;
    }
}
