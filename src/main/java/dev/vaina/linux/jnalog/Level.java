package dev.vaina.linux.jnalog;

/** The levels JNA's classes name, in java.util.logging's order (see {@link Logger}). */
public enum Level {
    FINEST, FINER, FINE, CONFIG, INFO, WARNING, SEVERE;

    boolean isShown() {
        return compareTo(INFO) >= 0;
    }
}
