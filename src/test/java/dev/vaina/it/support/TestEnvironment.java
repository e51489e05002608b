package dev.vaina.it.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What ./test.sh (through scripts/with-managers.sh) tells the tests about the managers it started and
 * the installed vaina. Every getter fails with a message naming the missing variable, so a test run
 * outside ./test.sh fails clearly instead of skipping.
 */
public final class TestEnvironment {

    public static final String PREFIX = "VAINA_TEST_PREFIX";
    public static final String MODES = "VAINA_TEST_MODES";
    public static final String ROOT_RUNTIME_DIR = "VAINA_TEST_ROOT_RUNTIME_DIR";
    public static final String USER = "VAINA_TEST_USER";
    public static final String USER_UID = "VAINA_TEST_USER_UID";
    public static final String USER_HOME = "VAINA_TEST_USER_HOME";
    public static final String USER_RUNTIME_DIR = "VAINA_TEST_USER_RUNTIME_DIR";
    public static final String USER_DATA_HOME = "VAINA_TEST_USER_DATA_HOME";
    public static final String USER_CONFIG_HOME = "VAINA_TEST_USER_CONFIG_HOME";
    public static final String MANAGERS_STATE = "VAINA_TEST_MANAGERS_STATE";

    private static final Map<String, String> ENV = System.getenv();

    private TestEnvironment() {
    }

    /** The modes this run asked for; both when VAINA_TEST_MODES is unset, so nothing is left out silently. */
    public static List<Mode> requestedModes() {
        String value = ENV.get(MODES);
        if (value == null || value.isBlank()) {
            return List.of(Mode.values());
        }
        List<Mode> modes = new ArrayList<>();
        for (String label : value.split(",")) {
            if (!label.isBlank()) {
                modes.add(Mode.fromLabel(label));
            }
        }
        return List.copyOf(modes);
    }

    /** The install prefix holding bin/vaina and lib/vaina/vaina-launcher. */
    public static Path prefix() {
        Path prefix = Path.of(require(PREFIX, "the install prefix"));
        if (!Files.isExecutable(prefix.resolve("bin/vaina"))) {
            throw new IllegalStateException(PREFIX + "=" + prefix + " has no executable bin/vaina: run ./test.sh");
        }
        return prefix;
    }

    static String require(String name, String what) {
        String value = ENV.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(name + " (" + what + ") is not set: run the tests through ./test.sh,"
                    + " which starts the systemd user managers and says how to reach them");
        }
        return value;
    }

    static long currentUid() {
        return new com.sun.security.auth.module.UnixSystem().getUid();
    }
}
