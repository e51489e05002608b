package dev.vaina.linux;

import java.io.PrintStream;
import java.util.Objects;

/**
 * Loading JNA in a process that lives long and comes once per container: the monitor (and the launcher,
 * which starts it, once per container).
 *
 * <p>JNA's {@code Native} makes a java.util.logging logger when it loads. The first logger of a JVM makes
 * LogManager read its configuration and look for a {@code System.LoggerFinder} with a ServiceLoader, which
 * opens every jar on the class path and keeps its central directory in the heap (over half a MiB for vaina's)
 * and loads about 100 classes: 1.0 MiB of PSS per monitor, measured with 10 running. LogManager leaves its
 * configuration unread while {@code System.out} is null, which it takes for a JVM still booting; so JNA is
 * loaded with {@code System.out} set aside for that moment. java.util.logging then stays unconfigured in
 * that JVM, without handlers: JNA's own records (debug output, which vaina never shows) go nowhere.
 */
public final class Jna {
    private static volatile boolean loaded;

    private Jna() {
    }

    /** Whether {@link #loadWithoutLogging} has loaded JNA in this process. */
    public static boolean isLoaded() {
        return loaded;
    }

    /**
     * Starts {@link #loadWithoutLogging} on a thread of its own and returns at once: the launcher loads JNA (about
     * 35 ms) while it reads the container and sets its network up, which need no native call, and the monitor while
     * it waits for the launcher's word. Only for a process whose other threads never write to {@code System.out}
     * (both write to standard error only).
     */
    public static void loadInBackground() {
        Thread loader = new Thread(new Loader(), "jna-loader");
        loader.setDaemon(true);
        loader.start();
    }

    /**
     * A class rather than a method reference: a JVM's first lambda sets the method-handle machinery up (about 5 ms),
     * which JNA's loading needs anyway; on the loader's thread, not on the caller's.
     */
    private static final class Loader implements Runnable {
        @Override
        public void run() {
            loadWithoutLogging();
        }
    }

    /**
     * Loads JNA and vaina's libc bindings without setting java.util.logging up. Call it first, before the
     * process starts a thread that could print: for that moment {@code System.out} is null.
     */
    public static void loadWithoutLogging() {
        PrintStream out = System.out;
        System.setOut(null);
        try {
            Objects.requireNonNull(LibC.INSTANCE);
            loaded = true;
        } finally {
            System.setOut(out);
        }
    }
}
