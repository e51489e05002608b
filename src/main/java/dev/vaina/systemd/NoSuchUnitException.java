package dev.vaina.systemd;

/** systemd answered org.freedesktop.systemd1.NoSuchUnit: it has neither a loaded unit nor a file by that name. */
public final class NoSuchUnitException extends SystemdException {
    private static final long serialVersionUID = 1L;

    private final String unit;

    public NoSuchUnitException(String unit, String message, Throwable cause) {
        super(message, cause);
        this.unit = unit;
    }

    public String unit() {
        return unit;
    }
}
