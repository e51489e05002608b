package dev.vaina.launch;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

/** vaina's programs installed beside its jar by install.sh (the monitor's wrapper). */
final class Installed {
    private Installed() {
    }

    static Path beside(String program) {
        Path jar;
        try {
            jar = Path.of(Installed.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot locate vaina's jar", e);
        }
        Path path = jar.resolveSibling(program);
        if (!Files.isExecutable(path)) {
            throw new IllegalStateException("cannot find " + program + " at " + path + ": install vaina with install.sh");
        }
        return path;
    }
}
