package dev.vaina.cli;

import com.sun.security.auth.module.UnixSystem;

/** Who is calling. */
final class Users {
    private Users() {
    }

    static boolean isRoot() {
        return new UnixSystem().getUid() == 0;
    }
}
