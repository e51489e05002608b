package dev.vaina.spec;

import java.nio.file.Path;

/** Where --tz's zone is read on the host: the host's own /etc/localtime for "local", else the zoneinfo file. */
public final class Timezones {
    public static final String LOCAL = "local";

    private Timezones() {
    }

    public static Path zoneFile(String timezone) {
        return timezone.equals(LOCAL) ? Path.of("/etc/localtime") : Path.of("/usr/share/zoneinfo").resolve(timezone);
    }
}
