package dev.vaina.cli.common;

import com.sun.security.auth.module.UnixSystem;

/** Who is calling. */
final class Users {
    private Users() {
    }

    static boolean isRoot() {
        return uid() == 0;
    }

    static int uid() {
        return (int) new UnixSystem().getUid();
    }
}
