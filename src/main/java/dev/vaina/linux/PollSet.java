package dev.vaina.linux;

import com.sun.jna.LastErrorException;
import com.sun.jna.Memory;

/**
 * poll(2) of a few descriptors for input, one thread serving them all: their array of {@code struct pollfd} (int
 * fd, short events, short revents) laid out once. A slot dropped keeps its place with a negative descriptor, which
 * poll(2) passes over.
 */
public final class PollSet implements AutoCloseable {
    private static final int POLLFD_SIZE = 8;

    private final Memory pollfds;
    private final int capacity;
    private int size;

    public PollSet(int capacity) {
        this.capacity = capacity;
        this.pollfds = new Memory((long) Math.max(1, capacity) * POLLFD_SIZE);
    }

    /** Adds {@code fd}, to be told when it can be read (or has hung up, or failed); returns its slot. */
    public int add(int fd) {
        if (size == capacity) {
            throw new IllegalStateException("a poll set of " + capacity + " descriptors is full");
        }
        int slot = size++;
        pollfds.setInt((long) slot * POLLFD_SIZE, fd);
        pollfds.setShort((long) slot * POLLFD_SIZE + 4, LibC.POLLIN);
        pollfds.setShort((long) slot * POLLFD_SIZE + 6, (short) 0);
        return slot;
    }

    /** No longer polls the slot's descriptor (which the caller may then close). */
    public void drop(int slot) {
        pollfds.setInt((long) slot * POLLFD_SIZE, -1);
        pollfds.setShort((long) slot * POLLFD_SIZE + 6, (short) 0);
    }

    /** Whether some slot still has a descriptor. */
    public boolean polling() {
        for (int slot = 0; slot < size; slot++) {
            if (pollfds.getInt((long) slot * POLLFD_SIZE) >= 0) {
                return true;
            }
        }
        return false;
    }

    /** Waits, for as long as it takes, until some descriptor is ready (see {@link #ready}). */
    public void await() throws NativeCallException {
        while (true) {
            try {
                LibC.INSTANCE.poll(pollfds, size, -1);
                return;
            } catch (LastErrorException e) {
                if (e.getErrorCode() != LibC.EINTR) {
                    throw NativeCallException.of("poll(" + size + " descriptors)", e);
                }
            }
        }
    }

    /** After {@link #await}: whether the slot's descriptor can be read, has hung up or has failed. */
    public boolean ready(int slot) {
        return pollfds.getInt((long) slot * POLLFD_SIZE) >= 0 && pollfds.getShort((long) slot * POLLFD_SIZE + 6) != 0;
    }

    @Override
    public void close() {
        pollfds.close();
    }
}
