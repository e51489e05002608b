package dev.vaina.it.support;

/** The two ways vaina runs: as root (rootful) and as a non-root user with subordinate ids (rootless). */
public enum Mode {
    ROOTFUL("rootful"),
    ROOTLESS("rootless");

    private final String label;

    Mode(String label) {
        this.label = label;
    }

    /** The name used in VAINA_TEST_MODES and in JUnit tags. */
    public String label() {
        return label;
    }

    public static Mode fromLabel(String label) {
        for (Mode mode : values()) {
            if (mode.label.equals(label.strip())) {
                return mode;
            }
        }
        throw new IllegalArgumentException("unknown test mode '" + label + "' (expected rootful or rootless)");
    }

    @Override
    public String toString() {
        return label;
    }
}
