package dev.vaina.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class RandomnessTest {
    @Test
    void bytes_asManyAsAskedAndNotTheSameTwice() {
        byte[] first = Randomness.bytes(32);
        assertEquals(32, first.length);
        assertTrue(!Arrays.equals(first, Randomness.bytes(32)), "two draws of 256 bits were equal");
        assertEquals(0, Randomness.bytes(0).length);
    }

    @Test
    void below_staysInRangeAndReachesEveryValue() {
        int[] seen = new int[5];
        for (int i = 0; i < 1000; i++) {
            seen[Randomness.below(5)]++; // an index out of range fails the test
        }
        for (int count : seen) {
            // each value is expected 200 times; under 100 has a probability far below 1e-12
            assertTrue(count > 100, Arrays.toString(seen));
        }
        assertEquals(0, Randomness.below(1));
        assertThrows(IllegalArgumentException.class, () -> Randomness.below(0));
    }

    @Test
    void newId_is64HexDigits() {
        String id = ContainerStore.newId();
        assertTrue(id.matches("[0-9a-f]{64}"), id);
        assertNotEquals(id, ContainerStore.newId());
    }
}
