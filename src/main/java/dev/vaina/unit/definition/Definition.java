package dev.vaina.unit.definition;

import dev.vaina.unit.UnitFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One definition file with its drop-ins applied after it, in order: what a converter reads. Lookups run over
 * the file and then each drop-in, so a drop-in's assignment comes later and, for a single-valued key, wins.
 *
 * @param fileName the name systemd's unit will be derived from, e.g. app.container or app@web.container
 * @param path     where it was found
 * @param parts    the file itself, then its drop-ins
 */
public record Definition(String fileName, Path path, DefinitionKind kind, List<UnitFile> parts) {

    public Definition {
        parts = List.copyOf(parts);
    }

    /** The file name without its extension: app for app.container. */
    public String base() {
        return fileName.substring(0, fileName.length() - kind.extension().length() - 1);
    }

    /** A template (app@.container): it gives a template unit, app@.service, started per instance. */
    public boolean isTemplate() {
        return base().endsWith("@");
    }

    /** The service this file becomes: ServiceName= (in the kind's section) or the kind's default. */
    public String serviceName() {
        return last(kind.section(), "ServiceName").map(e -> e.value() + ".service")
                .orElse(kind.defaultServiceName(base()));
    }

    public List<String> sectionNames() {
        Set<String> names = new LinkedHashSet<>();
        for (UnitFile part : parts) {
            names.addAll(part.sectionNames());
        }
        return new ArrayList<>(names);
    }

    /** Every assignment of a section, the file's first, then each drop-in's. */
    public List<UnitFile.Located> entries(String section) {
        List<UnitFile.Located> entries = new ArrayList<>();
        for (UnitFile part : parts) {
            entries.addAll(part.located(section));
        }
        return entries;
    }

    /** The assignment that counts for a single-valued key: the last one. */
    public Optional<UnitFile.Located> last(String section, String key) {
        UnitFile.Located found = null;
        for (UnitFile.Located entry : entries(section)) {
            if (entry.key().equals(key)) {
                found = entry;
            }
        }
        return Optional.ofNullable(found);
    }
}
