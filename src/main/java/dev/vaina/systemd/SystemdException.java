package dev.vaina.systemd;

/** A call to systemd failed; the message names the unit and the operation. */
public class SystemdException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public SystemdException(String message) {
        super(message);
    }

    public SystemdException(String message, Throwable cause) {
        super(message, cause);
    }
}
