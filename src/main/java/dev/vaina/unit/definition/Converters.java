package dev.vaina.unit.definition;

import dev.vaina.unit.UnitFile;

/** One converter per kind of definition file, and the [Install] links every kind shares. */
public final class Converters {
    private static final java.util.regex.Pattern SERVICE_NAME = java.util.regex.Pattern.compile("[a-zA-Z0-9:_.@\\\\-]+\\.service");

    private Converters() {
    }

    /** The unit a definition becomes, or a DefinitionException that says what in the file is wrong. */
    public static GeneratedUnit convert(Definition definition, DefinitionSet all, Tools tools) {
        UnitFile unit = switch (definition.kind()) {
            case CONTAINER -> ContainerConverter.convert(definition, all, tools);
            case POD -> PodConverter.convert(definition, all, tools);
            case VOLUME -> VolumeConverter.convert(definition, all, tools);
            case NETWORK -> NetworkConverter.convert(definition, all, tools);
            case IMAGE -> ImageConverter.convert(definition, all, tools);
            case KUBE, BUILD -> throw DefinitionException.of(definition.path().toString(), "."
                    + definition.kind().extension() + " files are not supported yet by vaina");
        };
        String service = definition.serviceName();
        if (!SERVICE_NAME.matcher(service).matches()) {
            throw DefinitionException.of(definition.path().toString(), "\"" + service + "\" is not a valid service name");
        }
        // A blank line before each section, for the reader: values are single lines, so "\n[" starts a section.
        return new GeneratedUnit(service, unit.text().replace("\n[", "\n\n["), InstallLinks.of(definition));
    }

    /** The unit of a file in the set, or why there is none. */
    public static GeneratedUnit convert(String fileName, DefinitionSet all, Tools tools) {
        var unreadable = all.unreadable(fileName);
        if (unreadable.isPresent()) {
            throw unreadable.get();
        }
        return convert(all.find(fileName).orElseThrow(), all, tools);
    }
}
