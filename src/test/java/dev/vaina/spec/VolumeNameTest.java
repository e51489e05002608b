package dev.vaina.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class VolumeNameTest {
    /** Podman's alphabet for volume names, which the hand-written check replaces. */
    private static final Pattern PODMAN = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9_.-]*");

    @Test
    void isValid_acceptsWhatPodmansExpressionMatches() {
        for (String name : List.of("data", "a", "0", "my_vol.1-x", "A-_.", "", "-data", "_data", ".data", "da ta",
                "da/ta", "da:ta", "dätä", "vol\u0661", "x\n", "Z9", "9z.", "a..b", "a--", "UPPER")) {
            assertEquals(PODMAN.matcher(name).matches(), VolumeName.isValid(name), name);
        }
        assertEquals(false, VolumeName.isValid(null));
    }

    @Test
    void anInvalidName_saysWhatIsAllowed() {
        InvalidSpecException e = assertThrows(InvalidSpecException.class, () -> new VolumeName("-bad"));
        assertEquals("running volume create option: names must match [a-zA-Z0-9][a-zA-Z0-9_.-]*: invalid argument",
                e.getMessage());
    }
}
