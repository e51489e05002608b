package dev.vaina.unit.definition;

import dev.vaina.unit.SystemdQuoting;
import dev.vaina.unit.UnitFile;
import java.util.ArrayList;
import java.util.List;

/**
 * The links [Install] asks for, as `systemctl enable` would make them: WantedBy=X -> X.wants/UNIT,
 * RequiredBy= -> .requires, UpheldBy= -> .upholds, Alias=A -> A. A template (app@.container) is linked under its
 * DefaultInstance= (X.wants/app@inst.service -> app@.service), or not at all without one.
 */
final class InstallLinks {
    private static final String SECTION = "Install";

    private InstallLinks() {
    }

    static List<GeneratedUnit.Link> of(Definition definition) {
        String service = definition.serviceName();
        String linked = service;
        if (definition.isTemplate()) {
            var instance = definition.last(SECTION, "DefaultInstance").filter(e -> !e.value().isEmpty());
            if (instance.isEmpty()) {
                return List.of();
            }
            linked = service.replace("@.service", "@" + instance.get().value() + ".service");
        }
        List<GeneratedUnit.Link> links = new ArrayList<>();
        for (UnitFile.Located entry : definition.entries(SECTION)) {
            String suffix = switch (entry.key()) {
                case "WantedBy" -> ".wants";
                case "RequiredBy" -> ".requires";
                case "UpheldBy" -> ".upholds";
                case "Alias", "DefaultInstance", "Also" -> null;
                default -> throw DefinitionException.at(SECTION, entry, "unsupported key \"" + entry.key()
                        + "\" in section [Install]");
            };
            if (entry.key().equals("DefaultInstance") || entry.key().equals("Also")) {
                continue;
            }
            for (String word : words(entry)) {
                check(entry, word);
                if (entry.key().equals("Alias")) {
                    links.add(new GeneratedUnit.Link(word, service));
                } else if (suffix != null) {
                    links.add(new GeneratedUnit.Link(word + suffix + "/" + linked, "../" + service));
                }
            }
        }
        return links;
    }

    private static List<String> words(UnitFile.Located entry) {
        try {
            return SystemdQuoting.splitWords(entry.value());
        } catch (IllegalArgumentException e) {
            throw DefinitionException.at(SECTION, entry, e.getMessage());
        }
    }

    /** A unit name, not a path: a link must stay inside the output directory. */
    private static void check(UnitFile.Located entry, String unit) {
        if (unit.contains("/") || unit.startsWith(".") || !unit.contains(".")) {
            throw DefinitionException.at(SECTION, entry, "\"" + unit + "\" is not a unit name");
        }
    }
}
