package dev.vaina.unit.definition;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The definition files and drop-in directories found under the search paths, subdirectories and symbolic links
 * followed. Of files with the same name, the one in the earlier search path counts. Under a users directory
 * (/etc/vaina/systemd/users), directories named by a uid belong to that user only and are not walked.
 */
public final class DefinitionSources {
    /** File name -> path, in name order: output order is deterministic. */
    private final Map<String, Path> files = new TreeMap<>();
    /** Drop-in directory name (app.container.d) -> the directories of that name, highest priority first. */
    private final Map<String, List<Path>> dropInDirs = new LinkedHashMap<>();

    public static DefinitionSources scan(List<Path> roots) throws IOException {
        DefinitionSources sources = new DefinitionSources();
        for (Path root : roots) {
            if (Files.isDirectory(root)) {
                sources.walk(root, root.getFileName() != null && root.getFileName().toString().equals("users"),
                        new HashSet<>());
            }
        }
        return sources;
    }

    private void walk(Path dir, boolean usersRoot, Set<Path> seen) throws IOException {
        if (!seen.add(dir.toRealPath())) {
            return; // a symbolic link back up the tree
        }
        List<Path> children = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir)) {
            stream.forEach(children::add);
        }
        children.sort(null);
        for (Path child : children) {
            String name = child.getFileName().toString();
            if (Files.isDirectory(child)) {
                if (name.endsWith(".d")) {
                    dropInDirs.computeIfAbsent(name, n -> new ArrayList<>()).add(child);
                } else if (!(usersRoot && name.chars().allMatch(Character::isDigit))) {
                    walk(child, false, seen);
                }
            } else if (DefinitionKind.ofFile(name) != null && Files.exists(child)) {
                files.putIfAbsent(name, child);
            }
        }
    }

    /** Every definition file, by name. */
    public Map<String, Path> files() {
        return files;
    }

    /**
     * The drop-ins of a file, in the order they apply: app-web@x.container takes container.d/, then app-.container.d/,
     * app-web@.container.d/ and app-web@x.container.d/, each a *.conf file; files sort by name across all of them,
     * and a file in a more specific directory (or an earlier search path) hides one of the same name.
     */
    public List<Path> dropIns(String fileName, DefinitionKind kind) throws IOException {
        String base = fileName.substring(0, fileName.length() - kind.extension().length() - 1);
        List<String> dirNames = new ArrayList<>();
        dirNames.add(fileName + ".d");
        int at = base.indexOf('@');
        if (at >= 0 && at < base.length() - 1) {
            dirNames.add(base.substring(0, at + 1) + "." + kind.extension() + ".d");
        }
        String name = at < 0 ? base : base.substring(0, at);
        for (int dash = name.lastIndexOf('-'); dash > 0; dash = name.lastIndexOf('-', dash - 1)) {
            dirNames.add(name.substring(0, dash + 1) + "." + kind.extension() + ".d");
        }
        dirNames.add(kind.extension() + ".d");
        Map<String, Path> byName = new TreeMap<>();
        for (String dirName : dirNames) {
            for (Path dir : dropInDirs.getOrDefault(dirName, List.of())) {
                try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir, "*.conf")) {
                    for (Path conf : stream) {
                        byName.putIfAbsent(conf.getFileName().toString(), conf);
                    }
                }
            }
        }
        return new ArrayList<>(byName.values());
    }
}
