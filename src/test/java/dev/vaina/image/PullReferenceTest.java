package dev.vaina.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vaina.spec.InvalidSpecException;
import org.junit.jupiter.api.Test;

class PullReferenceTest {
    private static final String DIGEST = "sha256:" + "b".repeat(64);

    @Test
    void parse_tagDigestAndBoth() {
        PullReference tag = PullReference.parse("127.0.0.1:5000/busybox", "docker.io");
        assertEquals("127.0.0.1:5000/busybox:latest", tag.repoTag());
        assertEquals("latest", tag.manifestReference());

        PullReference digest = PullReference.parse("127.0.0.1:5000/lib/busybox@" + DIGEST, "docker.io");
        assertNull(digest.tag());
        assertNull(digest.repoTag());
        assertEquals(DIGEST, digest.manifestReference());
        assertEquals("127.0.0.1:5000/lib/busybox@" + DIGEST, digest.toString());

        PullReference both = PullReference.parse("example.org/app:1.2@" + DIGEST, "docker.io");
        assertEquals("example.org/app:1.2", both.repoTag());
        assertEquals(DIGEST, both.manifestReference());
    }

    @Test
    void parse_rejectsBadDigests() {
        InvalidSpecException e = assertThrows(InvalidSpecException.class,
                () -> PullReference.parse("example.org/app@sha512:" + "c".repeat(128), "docker.io"));
        assertTrue(e.getMessage().contains("only sha256"), e.getMessage());
        assertThrows(InvalidSpecException.class, () -> PullReference.parse("example.org/app@sha256:123", "docker.io"));
    }
}
