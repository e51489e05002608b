package dev.vaina.linux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PollSetTest {
    @Test
    void tellsWhichDescriptorsCanBeRead_untilTheyAreDropped() throws NativeCallException {
        Pipe first = Pipe.open();
        Pipe second = Pipe.open();
        try (PollSet polled = new PollSet(2)) {
            int a = polled.add(first.readFd());
            int b = polled.add(second.readFd());
            FileDescriptors.write(second.writeFd(), new byte[] {42}, 0, 1);
            polled.await();
            assertFalse(polled.ready(a));
            assertTrue(polled.ready(b));
            // A write end closed reads as hung up: ready too, and the read says the end.
            FileDescriptors.close(first.writeFd());
            polled.drop(b);
            polled.await();
            assertTrue(polled.ready(a));
            assertFalse(polled.ready(b));
            assertEquals(-1, FileDescriptors.read(first.readFd(), new byte[8]));
            assertTrue(polled.polling());
            polled.drop(a);
            assertFalse(polled.polling());
            // Its slots keep their places: a full set takes no other.
            assertThrows(IllegalStateException.class, () -> polled.add(first.readFd()));
        } finally {
            FileDescriptors.closeQuietly(first.readFd());
            FileDescriptors.closeQuietly(second.readFd());
            FileDescriptors.closeQuietly(second.writeFd());
        }
    }
}
