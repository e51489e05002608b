package dev.vaina.image.naming;

/** A mirror's pull-from-mirror: which references may be pulled from it. */
public enum PullFromMirror {
    ALL("all"),
    DIGEST_ONLY("digest-only"),
    TAG_ONLY("tag-only");

    private final String key;

    PullFromMirror(String key) {
        this.key = key;
    }

    static PullFromMirror parse(String text) {
        for (PullFromMirror value : values()) {
            if (value.key.equals(text)) {
                return value;
            }
        }
        throw new IllegalArgumentException("unsupported pull-from-mirror value \"" + text
                + "\" (expected all, digest-only or tag-only)");
    }

    /** Whether a reference with (or without) a digest may come from a mirror with this setting. */
    public boolean allows(boolean digested) {
        return switch (this) {
            case ALL -> true;
            case DIGEST_ONLY -> digested;
            case TAG_ONLY -> !digested;
        };
    }

    public String key() {
        return key;
    }
}
