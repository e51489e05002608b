package dev.vaina.launch;

import java.nio.file.Path;

/**
 * A detached --rm container's end: it is removed once it has exited, with its unit file.
 *
 * @param unitFile the unit file that goes with it, or null (a definition file's unit, which is systemd's)
 */
record Removal(Path unitFile) {
}
