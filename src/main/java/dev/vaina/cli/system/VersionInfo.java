package dev.vaina.cli.system;

import dev.vaina.cli.common.GoTime;
import dev.vaina.spec.Instants;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What `vaina version` reports, in one place so that every output format prints the same data. The
 * release number comes from the jar's manifest, the build time from a class the build wrote (BuildTime).
 *
 * @param version    the release, X.Y.Z
 * @param javaVersion the Java runtime's version (where Podman reports its Go version)
 * @param built      when the jar was built, or null when its time does not parse
 * @param osArch     linux/amd64 style, as Podman prints it
 */
record VersionInfo(String version, String javaVersion, Instant built, String osArch) {
    private static final String UNKNOWN_VERSION = "0.0.0";

    static VersionInfo current() {
        Instant built = null;
        try {
            built = Instants.parse(BuildTime.TEXT);
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
