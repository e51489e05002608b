package dev.vaina.image.naming;

import java.util.Objects;

/** A user name and password for one registry, as auth.json keeps them. */
public record AuthEntry(String username, String password) {
    public AuthEntry {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
    }

    /** Never shows the password, so an entry in a log or an exception message leaks nothing. */
    @Override
    public String toString() {
        return "AuthEntry[username=" + username + ", password=<hidden>]";
    }
}
