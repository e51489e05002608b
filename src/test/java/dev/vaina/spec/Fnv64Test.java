package dev.vaina.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class Fnv64Test {
    @Test
    void asciiTexts_sumAsTheReferenceVectorsOfFnv1a64() {
        assertEquals("cbf29ce484222325", Fnv64.hex(""));
        assertEquals("af63dc4c8601ec8c", Fnv64.hex("a"));
        assertEquals("85944171f73967e8", Fnv64.hex("foobar"));
    }

    @Test
    void addingInPieces_isAddingTheWhole() {
        assertEquals(Fnv64.add(Fnv64.START, "foobar"), Fnv64.add(Fnv64.add(Fnv64.START, "foo"), "bar"));
    }

    @Test
    void smallSums_keepTheirLeadingZeros() {
        for (int i = 0; i < 2000; i++) {
            assertEquals(16, Fnv64.hex(Integer.toString(i)).length());
        }
    }
}
