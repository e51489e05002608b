package dev.vaina.image;

import dev.vaina.store.OwnProcess;

/** Who this process runs as (the real uid, which is what decides whether chown and mknod are allowed). */
final class RunningUser {
    private RunningUser() {
    }

    static boolean isRoot() {
        return uid() == 0;
    }

    static long uid() {
        return OwnProcess.realUid();
    }
}
