package dev.vaina.unit.definition;

import java.nio.file.Path;

/**
 * The programs a generated unit runs, by absolute path (systemd runs commands with a minimal PATH): the
 * command line, which creates what the file describes, and the launcher, which runs a container as the unit's
 * main process.
 */
public record Tools(Path cli, Path launcher) {

    /** The installation a prefix holds: PREFIX/bin/vaina and PREFIX/lib/vaina/vaina-launcher. */
    public static Tools under(Path prefix) {
        return new Tools(prefix.resolve("bin/vaina"), prefix.resolve("lib/vaina/vaina-launcher"));
    }
}
