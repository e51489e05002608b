package dev.vaina.engine;

import dev.vaina.store.FileTrees;
import dev.vaina.store.OwnProcess;
import dev.vaina.unit.definition.Converters;
import dev.vaina.unit.definition.DefinitionException;
import dev.vaina.unit.definition.DefinitionKind;
import dev.vaina.unit.definition.DefinitionSet;
import dev.vaina.unit.definition.DefinitionSources;
import dev.vaina.unit.definition.GeneratedUnit;
import dev.vaina.unit.definition.Generator;
import dev.vaina.unit.definition.SearchPaths;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The caller's definition files: found where the generator finds them, installed into and removed from the
 * caller's own definition directory, each with the state of the unit the generator made of it. Installing or
 * removing checks every file first: a refused request changes nothing.
 */
public final class DefinitionFiles {
    private final Engine engine;

    DefinitionFiles(Engine engine) {
        this.engine = engine;
    }

    /** A definition file as `quadlet list` shows it: its unit's state, or why it makes no unit. */
    public record Listed(String fileName, Path path, String unit, String state, String error) {
        /** Whether the generator has made the unit (it has not until the manager's next reload). */
        public boolean generated() {
            return state != null;
        }
    }

    /** Where the generator looks, in its order. */
    public List<Path> searchPaths() {
        return SearchPaths.of(engine.env(), rootful(), OwnProcess.realUid());
    }

    /** Where `quadlet install` puts files: the caller's own definition directory. */
    public Path installDirectory() {
        return SearchPaths.userDirectory(engine.env(), rootful());
    }

    public DefinitionSet load() throws IOException {
        return DefinitionSet.load(DefinitionSources.scan(searchPaths()));
    }

    /** The unit the generator makes of {@code fileName}; a definition file's error as an EngineException. */
    public GeneratedUnit unitOf(String fileName) throws IOException {
        DefinitionSet all = load();
        if (all.path(fileName) == null) {
            throw new EngineException("no definition file " + fileName + " in "
                    + String.join(", ", searchPaths().stream().map(Path::toString).toList()));
        }
        try {
            return Converters.convert(fileName, all, Generator.tools());
        } catch (DefinitionException e) {
            throw new EngineException(e.getMessage(), e);
        }
    }

    public List<Listed> list() throws IOException {
        DefinitionSet all = load();
        List<Listed> listed = new ArrayList<>();
        for (String fileName : all.fileNames()) {
            Path path = all.path(fileName);
            try {
                String unit = Converters.convert(fileName, all, Generator.tools()).serviceName();
                String state = null;
                if (engine.generatedUnit(unit)) {
                    var status = engine.systemd().status(unit);
                    state = status.activeState() + "/" + status.subState();
                }
                listed.add(new Listed(fileName, path, unit, state, null));
            } catch (DefinitionException e) {
                listed.add(new Listed(fileName, path, null, null, e.getMessage()));
            }
        }
        return listed;
    }

    /**
     * Copies definition files (a folder's, with their drop-in folders) into the install directory, then reloads
     * the manager so that the generator makes their units.
     *
     * @return the installed paths
     */
    public List<Path> install(List<Path> sources, boolean replace, boolean reload) throws IOException {
        Path target = installDirectory();
        List<Path> files = new ArrayList<>();
        for (Path source : sources) {
            if (Files.isDirectory(source)) {
                try (DirectoryStream<Path> stream = Files.newDirectoryStream(source)) {
                    for (Path child : stream) {
                        if (isDefinition(child) || Files.isDirectory(child) && child.toString().endsWith(".d")) {
                            files.add(child);
                        }
                    }
                }
            } else if (isDefinition(source)) {
                files.add(source);
            } else {
                throw new EngineException(source + " is not a definition file (.container, .pod, .volume, .network,"
                        + " .image, .kube or .build) nor a folder of them");
            }
        }
        for (Path file : files) {
            Path installed = target.resolve(file.getFileName().toString());
            if (Files.exists(installed) && !replace) {
                throw new EngineException("a file named " + file.getFileName() + " is installed already at "
                        + installed + ": use --replace to replace it");
            }
        }
        Files.createDirectories(target);
        List<Path> installed = new ArrayList<>();
        for (Path file : files) {
            Path copy = target.resolve(file.getFileName().toString());
            if (Files.isDirectory(file)) {
                copyDropIns(file, copy);
            } else {
                Files.copy(file, copy, StandardCopyOption.REPLACE_EXISTING);
            }
            installed.add(copy);
        }
        if (reload) {
            engine.systemd().reload();
        }
        return installed;
    }

    /**
     * Removes installed definition files with their drop-in folders, then reloads the manager. A file whose unit
     * runs is refused unless {@code force}, which stops the unit first; a file that is not installed is refused
     * unless {@code ignore}.
     *
     * @return the removed paths
     */
    public List<Path> remove(List<String> names, boolean force, boolean ignore, boolean reload) throws IOException {
        Path dir = installDirectory();
        DefinitionSet all = load();
        List<String> present = new ArrayList<>();
        List<String> running = new ArrayList<>();
        for (String name : names) {
            String fileName = Path.of(name).getFileName().toString();
            if (!Files.isRegularFile(dir.resolve(fileName))) {
                if (ignore) {
                    continue;
                }
                throw new EngineException("no definition file " + name + " is installed in " + dir);
            }
            String unit = runningUnit(all, fileName);
            if (unit != null && !force) {
                throw new EngineException("unit " + unit + " of " + fileName + " is running: stop it first, or use"
                        + " --force");
            }
            present.add(fileName);
            running.add(unit);
        }
        List<Path> removed = new ArrayList<>();
        for (int i = 0; i < present.size(); i++) {
            if (running.get(i) != null) {
                engine.systemd().stopUnit(running.get(i));
            }
            Path file = dir.resolve(present.get(i));
            Files.delete(file);
            FileTrees.deleteQuietly(dir.resolve(present.get(i) + ".d"));
            removed.add(file);
        }
        if (reload) {
            engine.systemd().reload();
        }
        return removed;
    }

    /** The unit the generator made of the file when it is active, else null (also for a file in error). */
    private String runningUnit(DefinitionSet all, String fileName) {
        String unit;
        try {
            unit = Converters.convert(fileName, all, Generator.tools()).serviceName();
        } catch (DefinitionException e) {
            return null;
        }
        return engine.generatedUnit(unit) && engine.systemd().status(unit).isActive() ? unit : null;
    }

    private boolean rootful() {
        return !engine.layout().rootless();
    }

    private static boolean isDefinition(Path file) {
        return Files.isRegularFile(file) && DefinitionKind.ofFile(file.getFileName().toString()) != null;
    }

    private static void copyDropIns(Path dir, Path installed) throws IOException {
        Files.createDirectories(installed);
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir, "*.conf")) {
            for (Path conf : stream) {
                Files.copy(conf, installed.resolve(conf.getFileName().toString()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }
}
