package dev.vaina.cli.common;

/** Podman's exit codes, so scripts written for Podman or Docker keep working. */
public final class ExitCodes {
    /** An error of vaina itself (bad input, a failure to set the container up). */
    public static final int ENGINE = 125;
    /** The container's command exists but cannot be invoked. */
    public static final int CANNOT_INVOKE = 126;
    /** The container's command was not found. */
    public static final int NOT_FOUND = 127;
    /** `rm` of a running container without --force, and other refusals of a valid request. */
    public static final int CONFLICT = 2;

    private ExitCodes() {
    }
}
