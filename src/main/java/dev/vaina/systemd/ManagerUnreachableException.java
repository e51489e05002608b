package dev.vaina.systemd;

/** The manager's bus cannot be reached at all, so no unit of it can be loaded, started or stopped. */
public final class ManagerUnreachableException extends SystemdException {
    private static final long serialVersionUID = 1L;

    ManagerUnreachableException(String message) {
        super(message);
    }

    ManagerUnreachableException(String message, Throwable cause) {
        super(message, cause);
    }
}
