package dev.vaina.image;

/** Who this process runs as (the real uid, which is what decides whether chown and mknod are allowed). */
final class RunningUser {
    private RunningUser() {
    }

    static boolean isRoot() {
        return uid() == 0;
    }

    static long uid() {
        return new com.sun.security.auth.module.UnixSystem().getUid();
    }
}
