package dev.vaina.spec;

/**
 * The units that containers on named networks share, in the manager that runs the containers: the engine writes
 * them, a container's unit (the engine's or a definition file's) names them.
 */
public final class NetworkUnits {
    /** aardvark-dns, the name server of every network with DNS. */
    public static final String DNS = "vaina-aardvark-dns.service";
    /** Rootless, the holder of a user's named networks' namespaces. */
    public static final String HOLDER = "vaina-netns.service";

    private NetworkUnits() {
    }
}
