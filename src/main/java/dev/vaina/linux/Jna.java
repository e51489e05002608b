package dev.vaina.linux;

import java.util.Objects;

/**
 * Loading JNA in a process that lives long and comes once per container: the monitor (and the launcher,
 * which starts it, once per container). JNA's classes log through vaina's stand-in for java.util.logging
 * ({@link dev.vaina.linux.jnalog.Logger}), so loading them sets none of it up.
 */
public final class Jna {
    private static volatile boolean loaded;

    private Jna() {
    }

    /** Whether {@link #load} has loaded JNA in this process. */
    public static boolean isLoaded() {
        return loaded;
    }

    /**
     * Starts {@link #load} on a thread of its own and returns at once: the launcher loads JNA while it reads the
     * container and sets its network up, which need no native call, and the monitor while it waits for the
     * launcher's word.
     */
    public static void loadInBackground() {
        Daemons.start(new Loader(), "jna-loader");
    }

    /**
     * A class rather than a method reference: a JVM's first lambda sets the method-handle machinery up (about 5 ms),
     * which neither JNA nor the monitor needs.
     */
    private static final class Loader implements Runnable {
        @Override
        public void run() {
            load();
        }
    }

    /** Loads JNA and vaina's libc bindings. */
    public static void load() {
        Objects.requireNonNull(LibC.INSTANCE);
        loaded = true;
    }
}
