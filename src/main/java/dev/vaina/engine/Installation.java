package dev.vaina.engine;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where vaina's own files are: the launcher sits next to the jar that holds this class. */
final class Installation {
    private Installation() {
    }

    static Path launcher() {
        String explicit = System.getenv("VAINA_LAUNCHER");
        if (explicit != null && !explicit.isEmpty()) {
            return Path.of(explicit);
        }
        Path launcher = jar().resolveSibling("vaina-launcher");
        if (!Files.isExecutable(launcher)) {
            throw new EngineException("cannot find the launcher at " + launcher
                    + ": install vaina with install.sh, or set VAINA_LAUNCHER");
        }
        return launcher;
    }

    /** The CLI's wrapper: PREFIX/bin/vaina for the jar in PREFIX/lib/vaina. */
    static Path cli() {
        String explicit = System.getenv("VAINA_CLI");
        if (explicit != null && !explicit.isEmpty()) {
            return Path.of(explicit);
        }
        Path cli = jar().getParent().getParent().getParent().resolve("bin").resolve("vaina");
        if (!Files.isExecutable(cli)) {
            throw new EngineException("cannot find vaina at " + cli + ": install vaina with install.sh, or set VAINA_CLI");
        }
        return cli;
    }

    static Path jar() {
        try {
            return Path.of(Installation.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot locate vaina's jar", e);
        }
    }
}
