package dev.vaina.unit.definition;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Properties;
import java.util.Set;

/**
 * The options of vaina's own commands that PodmanArgs= and GlobalArgs= may use. The generator cannot ask
 * picocli (loading it would cost more than generating a thousand units): the build writes the names from
 * picocli's model into vaina-options.properties beside this class (dev.vaina.cli.OptionLists), read here.
 */
public final class VainaOptions {
    private static final Properties LISTS = load();
    /** `vaina create`. */
    public static final Set<String> CREATE = list("create");
    /** `vaina pod create`. */
    public static final Set<String> POD_CREATE = list("pod.create");
    /** The root command's options, which go before the verb. */
    public static final Set<String> GLOBAL = list("global");
    /** Those of the global options the launcher also takes: where the store is, which runtime and manager run containers. */
    static final List<String> LAUNCHER = List.of("--root", "--runroot", "--runtime", "--systemd-manager");

    private VainaOptions() {
    }

    private static Properties load() {
        try (InputStream in = VainaOptions.class.getResourceAsStream("vaina-options.properties")) {
            if (in == null) {
                throw new IllegalStateException("vaina-options.properties is missing beside " + VainaOptions.class.getName()
                        + ": the build writes it (mvn package runs dev.vaina.cli.OptionLists after compiling)");
            }
            Properties lists = new Properties();
            lists.load(in);
            return lists;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Set<String> list(String command) {
        String names = LISTS.getProperty(command);
        if (names == null) {
            throw new IllegalStateException("vaina-options.properties has no list for " + command);
        }
        return Set.of(names.split(" "));
    }

    /** The option a command-line word names (--opt=value -> --opt, -p8080:80 -> -p), or null for a value. */
    static String optionOf(String word) {
        if (word.startsWith("--")) {
            int equals = word.indexOf('=');
            return equals < 0 ? word : word.substring(0, equals);
        }
        if (word.startsWith("-") && word.length() > 1) {
            return word.substring(0, 2);
        }
        return null;
    }
}
