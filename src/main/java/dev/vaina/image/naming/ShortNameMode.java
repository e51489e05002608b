package dev.vaina.image.naming;

import java.util.Locale;

/** registries.conf's short-name-mode. vaina never prompts, so it acts as Podman does without a TTY. */
public enum ShortNameMode {
    /** An ambiguous short name (more than one search registry) is an error. */
    ENFORCING,
    /** Every search registry is tried in order. */
    PERMISSIVE,
    /** Every search registry is tried in order, and no short-name rule is applied at all. */
    DISABLED;

    /** containers/image's default when no file sets the key. */
    public static final ShortNameMode DEFAULT = PERMISSIVE;

    static ShortNameMode parse(String text) {
        for (ShortNameMode mode : values()) {
            if (mode.key().equals(text)) {
                return mode;
            }
        }
        throw new IllegalArgumentException("invalid short-name mode: \"" + text
                + "\" (expected enforcing, permissive or disabled)");
    }

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
