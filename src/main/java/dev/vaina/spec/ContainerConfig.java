package dev.vaina.spec;

import java.util.List;
import java.util.Map;

/**
 * What the user asked for when creating a container, validated. Null fields mean "not given": the
 * image's value (or the engine's default) applies.
 *
 * @param command     arguments after the image; empty means the image's Cmd
 * @param entrypoint  --entrypoint; null keeps the image's, an empty list clears it
 * @param env         -e and --env-file, in order
 * @param workingDir  -w
 * @param user        --user, as user[:group], names or numbers
 * @param hostname    --hostname; null means the short container id
 * @param volumes     -v, --mount, --tmpfs and --volumes-from: bind mounts, volumes, tmpfs
 * @param stopSignal  --stop-signal as a number
 * @param stopTimeout --stop-timeout in seconds
 * @param restart     --restart
 * @param tty         -t
 * @param interactive -i
 * @param autoRemove  --rm
 * @param network     --network, -p and the other network options (absent from records of older versions)
 * @param limits      --memory, --cpus, --ulimit and the other resource limits (absent from older records)
 */
public record ContainerConfig(
        List<String> command,
        List<String> entrypoint,
        Map<String, String> env,
        String workingDir,
        String user,
        String hostname,
        List<VolumeMount> volumes,
        int stopSignal,
        int stopTimeout,
        RestartPolicy restart,
        boolean tty,
        boolean interactive,
        boolean autoRemove,
        NetworkConfig network,
        ResourceLimits limits) {

    public static final int DEFAULT_STOP_SIGNAL = 15;
    public static final int DEFAULT_STOP_TIMEOUT = 10;

    /** A container without resource limits. */
    public ContainerConfig(List<String> command, List<String> entrypoint, Map<String, String> env, String workingDir,
            String user, String hostname, List<VolumeMount> volumes, int stopSignal, int stopTimeout,
            RestartPolicy restart, boolean tty, boolean interactive, boolean autoRemove, NetworkConfig network) {
        this(command, entrypoint, env, workingDir, user, hostname, volumes, stopSignal, stopTimeout, restart, tty,
                interactive, autoRemove, network, ResourceLimits.NONE);
    }

    /** A container with the default network and no published ports. */
    public ContainerConfig(List<String> command, List<String> entrypoint, Map<String, String> env, String workingDir,
            String user, String hostname, List<VolumeMount> volumes, int stopSignal, int stopTimeout,
            RestartPolicy restart, boolean tty, boolean interactive, boolean autoRemove) {
        this(command, entrypoint, env, workingDir, user, hostname, volumes, stopSignal, stopTimeout, restart, tty,
                interactive, autoRemove, NetworkConfig.DEFAULT, ResourceLimits.NONE);
    }

    /** The same container with other mounts (anonymous volumes named, --volumes-from added). */
    public ContainerConfig withVolumes(List<VolumeMount> mounts) {
        return new ContainerConfig(command, entrypoint, env, workingDir, user, hostname, mounts, stopSignal,
                stopTimeout, restart, tty, interactive, autoRemove, network, limits);
    }

    public ContainerConfig {
        command = List.copyOf(command);
        entrypoint = entrypoint == null ? null : List.copyOf(entrypoint);
        env = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(env));
        volumes = List.copyOf(volumes);
        if (workingDir != null && !workingDir.startsWith("/")) {
            throw new InvalidSpecException("invalid working directory \"" + workingDir + "\": it must be an absolute path");
        }
        if (stopTimeout < 0) {
            throw new InvalidSpecException("invalid stop timeout " + stopTimeout + ": must be 0 or more seconds");
        }
        if (network == null) {
            network = NetworkConfig.DEFAULT;
        }
        if (limits == null) {
            limits = ResourceLimits.NONE;
        }
        if (restart == null) {
            restart = RestartPolicy.NO;
        }
        if (autoRemove && restart.kind() != RestartPolicy.Kind.NO) {
            throw new InvalidSpecException("the --rm option conflicts with --restart: a container that is removed on exit cannot be restarted");
        }
    }

    /** The same container with its network settled (host ports chosen). */
    public ContainerConfig withNetwork(NetworkConfig settled) {
        return new ContainerConfig(command, entrypoint, env, workingDir, user, hostname, volumes, stopSignal,
                stopTimeout, restart, tty, interactive, autoRemove, settled, limits);
    }

    /** The same container with other resource limits (vaina update). */
    public ContainerConfig withLimits(ResourceLimits newLimits) {
        return new ContainerConfig(command, entrypoint, env, workingDir, user, hostname, volumes, stopSignal,
                stopTimeout, restart, tty, interactive, autoRemove, network, newLimits);
    }
}
