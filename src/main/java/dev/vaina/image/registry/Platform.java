package dev.vaina.image.registry;

import java.util.Objects;

/**
 * An OS and CPU an image is built for, with GOOS/GOARCH names as image indexes use them.
 *
 * @param variant the CPU variant ("v8", "v7") or null when not given
 */
public record Platform(String os, String architecture, String variant) {
    public Platform {
        if (os == null || os.isEmpty() || architecture == null || architecture.isEmpty()) {
            throw new IllegalArgumentException("a platform needs an os and an architecture, got " + os + "/" + architecture);
        }
        variant = variant == null || variant.isEmpty() ? null : variant;
    }

    /** Parses {@code os/arch[/variant]}, e.g. {@code linux/arm64/v8}. */
    public static Platform parse(String text) {
        String[] parts = text == null ? new String[0] : text.split("/", -1);
        if (parts.length < 2 || parts.length > 3 || parts[0].isEmpty() || parts[1].isEmpty()
                || (parts.length == 3 && parts[2].isEmpty())) {
            throw new IllegalArgumentException("invalid platform \"" + text + "\": expected os/arch[/variant], e.g. linux/arm64");
        }
        return new Platform(parts[0], parts[1], parts.length == 3 ? parts[2] : null);
    }

    /** The machine this runs on: linux and os.arch in GOARCH names. */
    public static Platform host() {
        return new Platform("linux", goArch(System.getProperty("os.arch")), null);
    }

    static String goArch(String javaArch) {
        switch (javaArch) {
            case "amd64":
            case "x86_64":
                return "amd64";
            case "aarch64":
            case "arm64":
                return "arm64";
            case "arm":
            case "armv7l":
                return "arm";
            case "x86":
            case "i386":
            case "i486":
            case "i586":
            case "i686":
                return "386";
            case "ppc64le":
            case "s390x":
            case "riscv64":
                return javaArch;
            default:
                return javaArch;
        }
    }

    /**
     * Whether an index entry for {@code candidate} serves a request for this platform: same os and
     * architecture, and the same variant when this platform names one.
     */
    public boolean accepts(Platform candidate) {
        return os.equals(candidate.os) && architecture.equals(candidate.architecture)
                && (variant == null || Objects.equals(variant, candidate.variant));
    }

    @Override
    public String toString() {
        return os + "/" + architecture + (variant == null ? "" : "/" + variant);
    }
}
