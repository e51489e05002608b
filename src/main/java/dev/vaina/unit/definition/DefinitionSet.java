package dev.vaina.unit.definition;

import dev.vaina.unit.UnitFile;
import dev.vaina.unit.UnitFileException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every definition file found, parsed with its drop-ins; a file that cannot be read or parsed is kept as its
 * error, so that it is reported while the others are converted. References between files (Pod=web.pod,
 * Volume=data.volume:/data) are looked up here.
 */
public final class DefinitionSet {
    private final Map<String, Definition> definitions = new LinkedHashMap<>();
    private final Map<String, Path> paths = new LinkedHashMap<>();
    private final Map<String, DefinitionException> unreadable = new LinkedHashMap<>();
    private Map<String, List<Definition>> membersByPod;

    public static DefinitionSet load(DefinitionSources sources) throws IOException {
        DefinitionSet set = new DefinitionSet();
        for (Map.Entry<String, Path> file : sources.files().entrySet()) {
            String name = file.getKey();
            DefinitionKind kind = DefinitionKind.ofFile(name);
            set.paths.put(name, file.getValue());
            try {
                List<UnitFile> parts = new ArrayList<>();
                parts.add(read(file.getValue()));
                for (Path dropIn : sources.dropIns(name, kind)) {
                    parts.add(read(dropIn));
                }
                set.definitions.put(name, new Definition(name, file.getValue(), kind, parts));
            } catch (UnitFileException e) {
                set.unreadable.put(name, new DefinitionException(e.getMessage()));
            } catch (IOException e) {
                set.unreadable.put(name, DefinitionException.of(file.getValue().toString(), "cannot read: " + e));
            }
        }
        return set;
    }

    private static UnitFile read(Path file) throws IOException {
        return UnitFile.parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
    }

    /** Every file name, in name order. */
    public List<String> fileNames() {
        return new ArrayList<>(paths.keySet());
    }

    public Path path(String fileName) {
        return paths.get(fileName);
    }

    public Optional<Definition> find(String fileName) {
        return Optional.ofNullable(definitions.get(fileName));
    }

    /** Why a file could not even be parsed, if it could not. */
    public Optional<DefinitionException> unreadable(String fileName) {
        return Optional.ofNullable(unreadable.get(fileName));
    }

    /** The file a key refers to, which must exist and be of the kind expected; otherwise an error at that key. */
    Definition require(String section, UnitFile.Located entry, String fileName, DefinitionKind kind) {
        if (DefinitionKind.ofFile(fileName) != kind) {
            throw DefinitionException.at(section, entry, "expected a ." + kind.extension() + " file");
        }
        Definition found = definitions.get(fileName);
        if (found == null) {
            throw DefinitionException.at(section, entry, paths.containsKey(fileName)
                    ? fileName + " cannot be read: " + unreadable.get(fileName).getMessage()
                    : "no file " + fileName + " in the definition directories");
        }
        return found;
    }

    /** The service a file name becomes, whether or not it is here (a [Unit] key may name one that is not). */
    String serviceOf(String fileName) {
        Definition found = definitions.get(fileName);
        if (found != null) {
            return found.serviceName();
        }
        DefinitionKind kind = DefinitionKind.ofFile(fileName);
        return kind.defaultServiceName(fileName.substring(0, fileName.length() - kind.extension().length() - 1));
    }

    /** The containers that name this pod in Pod= and start with it (StartWithPod=, true unless set false). */
    List<Definition> startingWith(Definition pod) {
        if (membersByPod == null) {
            // Once for all pods: asking every container for every pod would cost pods x containers lookups.
            membersByPod = new HashMap<>();
            for (Definition definition : definitions.values()) {
                if (definition.kind() == DefinitionKind.CONTAINER && startsWithPod(definition)) {
                    definition.last("Container", "Pod").ifPresent(p -> membersByPod
                            .computeIfAbsent(p.value(), k -> new ArrayList<>()).add(definition));
                }
            }
        }
        return membersByPod.getOrDefault(pod.fileName(), List.of());
    }

    private static boolean startsWithPod(Definition container) {
        String value = container.last("Container", "StartWithPod").map(UnitFile.Located::value).orElse("true");
        return !List.of("false", "no", "0", "off").contains(value.toLowerCase(java.util.Locale.ROOT));
    }
}
