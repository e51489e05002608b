package dev.vaina.cli.system;

import dev.vaina.cli.common.GoTime;
import dev.vaina.spec.Instants;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.jar.Manifest;

/**
 * What `vaina version` reports, in one place so that every output format prints the same data. The
 * release number and build time come from the jar's manifest, written by the build.
 *
 * @param version    the release, X.Y.Z
 * @param javaVersion the Java runtime's version (where Podman reports its Go version)
 * @param built      when the jar was built, or null when not known (classes run outside the jar)
 * @param osArch     linux/amd64 style, as Podman prints it
 */
record VersionInfo(String version, String javaVersion, Instant built, String osArch) {
    private static final String UNKNOWN_VERSION = "0.0.0";

    static VersionInfo current() {
        Manifest manifest = manifest();
        String builtText = manifest == null ? null : manifest.getMainAttributes().getValue("Build-Time");
        Instant built = null;
        try {
            built = builtText == null ? null : Instants.parse(builtText);
        } catch (DateTimeParseException e) {
            // An unreadable build time is left out rather than failing `version`.
        }
        return new VersionInfo(release(), System.getProperty("java.version"), built,
                "linux/" + goArch(System.getProperty("os.arch")));
    }

    /**
     * The release alone, as the class loader read it from the manifest when it defined this package: no
     * second read of the manifest through a jar URL, no time parsing (what {@code --version} needs).
     */
    static String release() {
        String version = VersionInfo.class.getPackage().getImplementationVersion();
        return version != null ? version : UNKNOWN_VERSION;
    }

    private static Manifest manifest() {
        URL url = VersionInfo.class.getResource("/META-INF/MANIFEST.MF");
        if (url == null) {
            return null;
        }
        try (InputStream in = url.openStream()) {
            return new Manifest(in);
        } catch (IOException e) {
            return null;
        }
    }

    /** Java's architecture names as Go (and so Podman) spells them. */
    private static String goArch(String javaArch) {
        return switch (javaArch) {
            case "amd64", "x86_64" -> "amd64";
            case "aarch64" -> "arm64";
            case "x86", "i386", "i686" -> "386";
            default -> javaArch;
        };
    }

    /** Podman's layout of `version`: labels padded to one column. */
    Map<String, String> lines() {
        Map<String, String> lines = new LinkedHashMap<>();
        lines.put("Client", "vaina");
        lines.put("Version", version);
        lines.put("Java Version", javaVersion);
        lines.put("Built", built == null ? "unknown" : GoTime.ansic(built));
        lines.put("OS/Arch", osArch);
        return lines;
    }
}
