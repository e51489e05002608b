package dev.vaina.unit.definition;

import java.nio.file.Path;

/**
 * What the generated units are for: the programs they run, by absolute path (systemd runs commands with a
 * minimal PATH): the command line, which creates what the file describes, and the launcher, which runs a
 * container as the unit's main process; whether a user's manager or the system manager runs them, and whether
 * as a user other than root (rootless).
 */
public record Tools(Path cli, Path launcher, boolean userManager, boolean rootless) {

    /** The installation a prefix holds: PREFIX/bin/vaina and PREFIX/lib/vaina/vaina-launcher; for root. */
    public static Tools under(Path prefix, boolean userManager) {
        return under(prefix, userManager, false);
    }

    public static Tools under(Path prefix, boolean userManager, boolean rootless) {
        return new Tools(prefix.resolve("bin/vaina"), prefix.resolve("lib/vaina/vaina-launcher"), userManager,
                rootless);
    }

    /**
     * The unit whose start means "the network is up". A user's manager cannot order its units after the system's
     * network-online.target (systemd does not let one manager wait for another's units), so they wait for
     * vaina-network-online.service, which vaina installs in every user's manager (units/).
     */
    String networkOnlineUnit() {
        return userManager ? "vaina-network-online.service" : "network-online.target";
    }
}
