package dev.vaina.cli.common;

import dev.vaina.store.OwnProcess;

/** Who is calling. */
final class Users {
    private Users() {
    }

    static boolean isRoot() {
        return uid() == 0;
    }

    static int uid() {
        return (int) OwnProcess.realUid();
    }
}
