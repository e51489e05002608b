package dev.vaina.unit;

/** A unit file could not be parsed; the message starts with "origin:line:". */
public final class UnitFileException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public UnitFileException(String origin, int line, String problem) {
        super(origin + ":" + line + ": " + problem);
    }
}
