package dev.vaina.net;

import java.nio.file.Files;
import java.nio.file.Path;

/** Which rootless helper connects a container by default: the configured one, else pasta when installed. */
public final class NetworkHelpers {
    public static final String PASTA = Pasta.NAME;
    public static final String SLIRP4NETNS = Slirp4netns.NAME;

    private NetworkHelpers() {
    }

    /** @param configured vaina.conf's rootless_network, or null to probe */
    public static String choose(String configured) {
        if (configured != null) {
            return configured;
        }
        return installed(PASTA) ? PASTA : SLIRP4NETNS;
    }

    private static boolean installed(String program) {
        String path = System.getenv().getOrDefault("PATH", "/usr/bin:/bin");
        for (String dir : path.split(":")) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }
}
