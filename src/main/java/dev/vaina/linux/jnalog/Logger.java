package dev.vaina.linux.jnalog;

import java.text.MessageFormat;

/**
 * What JNA's classes call {@code java.util.logging.Logger}: the build points their references here (the shade
 * plugin's relocation in pom.xml), so that loading JNA sets up no java.util.logging. The JDK's would read its
 * configuration, look for a logger finder on the class path and initialize {@code Level}, whose lambdas set the
 * method-handle machinery up and spin classes with the JDK's bytecode generator: about 150 classes and a few
 * milliseconds in the start of every monitor, on the way from a launcher to a running container. JNA's records say
 * where it found its native library (at a debug property's asking) and what failed; those of {@link Level#INFO}
 * and above go to standard error, as java.util.logging's default configuration sends them.
 */
public final class Logger {
    private static final Logger ONE = new Logger();

    private Logger() {
    }

    /** The one logger: JNA names one per class, and every record goes the same way. */
    public static Logger getLogger(String name) {
        return ONE;
    }

    public boolean isLoggable(Level level) {
        return level.isShown();
    }

    public void log(Level level, String message) {
        log(level, message, (Object[]) null);
    }

    /** JNA logs below INFO as it loads a library: nothing is made for a record that is not shown. */
    public void log(Level level, String message, Object parameter) {
        if (level.isShown()) {
            log(level, message, new Object[] {parameter});
        }
    }

    /** {@code message} with {0}, {1}, ... standing for {@code parameters}, as java.util.logging formats it. */
    public void log(Level level, String message, Object[] parameters) {
        if (level.isShown()) {
            System.err.println("JNA " + level + ": "
                    + (parameters == null || parameters.length == 0 ? message : MessageFormat.format(message, parameters)));
        }
    }

    public void log(Level level, String message, Throwable thrown) {
        if (level.isShown()) {
            System.err.println("JNA " + level + ": " + message);
            if (thrown != null) {
                thrown.printStackTrace();
            }
        }
    }
}
