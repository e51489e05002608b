package dev.vaina.linux;

import com.sun.jna.LastErrorException;
import java.io.IOException;

/** A libc call failed; the message names the call, its arguments and strerror(errno). */
public final class NativeCallException extends IOException {
    private final int errno;

    NativeCallException(String call, int errno) {
        super(call + " failed: " + describe(errno));
        this.errno = errno;
    }

    /** A call that succeeded but returned something unusable; {@link #errno()} is -1. */
    NativeCallException(String message) {
        super(message);
        this.errno = -1;
    }

    static NativeCallException of(String call, LastErrorException e) {
        return new NativeCallException(call, e.getErrorCode());
    }

    /** The errno the call left, for callers that treat some values (EINTR, ESRCH...) as normal. */
    public int errno() {
        return errno;
    }

    private static String describe(int errno) {
        return LibC.INSTANCE.strerror(errno) + " (errno " + errno + ")";
    }
}
