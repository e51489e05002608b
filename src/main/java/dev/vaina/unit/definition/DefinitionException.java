package dev.vaina.unit.definition;

import dev.vaina.unit.UnitFile;

/**
 * A definition file that cannot become a unit. The message names the file and line, then the section and key
 * when one is at fault: "/etc/vaina/systemd/app.container:4: [Container] PublishPort=x: ...".
 */
public final class DefinitionException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public DefinitionException(String message) {
        super(message);
    }

    /** A problem with one assignment. */
    public static DefinitionException at(String section, UnitFile.Located entry, String problem) {
        return new DefinitionException(entry.origin() + ":" + entry.line() + ": [" + section + "] " + entry.key() + "="
                + entry.value() + ": " + problem);
    }

    /** A problem with the file as a whole (a key that is missing, a kind not supported). */
    public static DefinitionException of(String origin, String problem) {
        return new DefinitionException(origin + ": " + problem);
    }
}
