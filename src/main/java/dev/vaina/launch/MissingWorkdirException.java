package dev.vaina.launch;

/** -w names a directory the container does not have: Podman refuses to start it (126) rather than make it. */
final class MissingWorkdirException extends RuntimeException {
    MissingWorkdirException(String workdir, String id) {
        super("workdir \"" + workdir + "\" does not exist on container " + id);
    }
}
