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
 * @param healthCheck --health-cmd and its options; null uses the image's HEALTHCHECK, {@link HealthCheck#NONE} none
 * @param healthOnFailure --health-on-failure
 * @param startupHealthCheck --health-startup-cmd and its options, or null
 * @param sdNotify    --sdnotify
 * @param labels      -l/--label and --label-file
 * @param annotations --annotation, added to the runtime spec's annotations
 * @param security    --privileged, capabilities, --security-opt, --read-only, --group-add, --sysctl, --device
 * @param init        --init: catatonit runs as PID 1 and reaps what the command leaves behind
 * @param timezone    --tz: a zone under /usr/share/zoneinfo, "local" for the host's, or null for the image's
 * @param log         --log-driver and --log-opt
 * @param timeout     --timeout: seconds the container may run before it is killed; 0 for no limit
 * @param systemd     --systemd, settled against the command: systemd runs as the container's init
 * @param userns      --userns, --uidmap and --gidmap, its maps settled by the engine at create
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
        ResourceLimits limits,
        HealthCheck healthCheck,
        HealthOnFailure healthOnFailure,
        StartupHealthCheck startupHealthCheck,
        NotifyMode sdNotify,
        Map<String, String> labels,
        Map<String, String> annotations,
        SecurityOptions security,
        boolean init,
        String timezone,
        LogConfig log,
        int timeout,
        boolean systemd,
        UserNamespace userns) {

    public static final int DEFAULT_STOP_SIGNAL = 15;
    public static final int DEFAULT_STOP_TIMEOUT = 10;
    /** SIGRTMIN+3, which systemd takes as "halt". */
    public static final int SYSTEMD_STOP_SIGNAL = 37;

    /** A container with the default network and no published ports. */
    public ContainerConfig(List<String> command, List<String> entrypoint, Map<String, String> env, String workingDir,
            String user, String hostname, List<VolumeMount> volumes, int stopSignal, int stopTimeout,
            RestartPolicy restart, boolean tty, boolean interactive, boolean autoRemove) {
        this(command, entrypoint, env, workingDir, user, hostname, volumes, stopSignal, stopTimeout, restart, tty,
                interactive, autoRemove, NetworkConfig.DEFAULT, ResourceLimits.NONE);
    }

    /** A container with the given network, no resource limits and Podman's defaults for everything newer. */
    public ContainerConfig(List<String> command, List<String> entrypoint, Map<String, String> env, String workingDir,
            String user, String hostname, List<VolumeMount> volumes, int stopSignal, int stopTimeout,
            RestartPolicy restart, boolean tty, boolean interactive, boolean autoRemove, NetworkConfig network) {
        this(command, entrypoint, env, workingDir, user, hostname, volumes, stopSignal, stopTimeout, restart, tty,
                interactive, autoRemove, network, ResourceLimits.NONE);
    }

    /** A container with the given network and limits, and Podman's defaults for everything newer. */
    public ContainerConfig(List<String> command, List<String> entrypoint, Map<String, String> env, String workingDir,
            String user, String hostname, List<VolumeMount> volumes, int stopSignal, int stopTimeout,
            RestartPolicy restart, boolean tty, boolean interactive, boolean autoRemove, NetworkConfig network,
            ResourceLimits limits) {
        this(command, entrypoint, env, workingDir, user, hostname, volumes, stopSignal, stopTimeout, restart, tty,
                interactive, autoRemove, network, limits, null, null, null, null, Map.of(), Map.of(),
                SecurityOptions.DEFAULT, false, null, LogConfig.DEFAULT, 0, false, UserNamespace.HOST);
    }

    /** --systemd settled: systemd's own mounts and stop signal (SIGRTMIN+3) unless --stop-signal was given. */
    public ContainerConfig withSystemd(boolean systemd, boolean stopSignalGiven) {
        int signal = systemd && !stopSignalGiven ? SYSTEMD_STOP_SIGNAL : stopSignal;
        return new ContainerConfig(command, entrypoint, env, workingDir, user, hostname, volumes, signal,
                stopTimeout, restart, tty, interactive, autoRemove, network, limits, healthCheck, healthOnFailure,
                startupHealthCheck, sdNotify, labels, annotations, security, init, timezone, log, timeout, systemd, userns);
    }

    public ContainerConfig withHostname(String hostname) {
        return new ContainerConfig(command, entrypoint, env, workingDir, user, hostname, volumes, stopSignal,
                stopTimeout, restart, tty, interactive, autoRemove, network, limits, healthCheck, healthOnFailure,
                startupHealthCheck, sdNotify, labels, annotations, security, init, timezone, log, timeout, systemd, userns);
    }

    /** The same container with other mounts (anonymous volumes named, --volumes-from added, a pod's volumes). */
    public ContainerConfig withVolumes(List<VolumeMount> mounts) {
        return new ContainerConfig(command, entrypoint, env, workingDir, user, hostname, mounts, stopSignal,
                stopTimeout, restart, tty, interactive, autoRemove, network, limits, healthCheck, healthOnFailure,
                startupHealthCheck, sdNotify, labels, annotations, security, init, timezone, log, timeout, systemd, userns);
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
        if (healthOnFailure == null) {
            healthOnFailure = HealthOnFailure.NONE;
        }
        if (sdNotify == null) {
            sdNotify = NotifyMode.CONMON;
        }
        labels = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(labels == null ? Map.of() : labels));
        annotations = java.util.Collections.unmodifiableMap(
                new java.util.LinkedHashMap<>(annotations == null ? Map.of() : annotations));
        if (security == null) {
            security = SecurityOptions.DEFAULT;
        }
        if (timeout < 0) {
            throw new InvalidSpecException("invalid timeout " + timeout + ": must be 0 (no limit) or more seconds");
        }
        if (log == null) {
            log = LogConfig.DEFAULT;
        }
        if (tty && log.driver().equals(LogConfig.PASSTHROUGH)) {
            throw new InvalidSpecException("the 'passthrough' log driver cannot be used with a terminal (-t)");
        }
        if (timezone != null && (timezone.isEmpty() || timezone.startsWith("/") || timezone.contains(".."))) {
            throw new InvalidSpecException("invalid timezone \"" + timezone
                    + "\": expected a zone under /usr/share/zoneinfo, such as Europe/Madrid, or \"local\"");
        }
        if (network.networkMode().kind() == NetworkMode.Kind.HOST
                && security.sysctls().keySet().stream().anyMatch(Sysctls::isNetwork)) {
            throw new InvalidSpecException("sysctl net.* can't be set since Network Namespace set to host");
        }
        if (userns == null) {
            userns = UserNamespace.HOST;
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
                stopTimeout, restart, tty, interactive, autoRemove, settled, limits, healthCheck, healthOnFailure,
                startupHealthCheck, sdNotify, labels, annotations, security, init, timezone, log, timeout, systemd, userns);
    }

    /** The same container with its user namespace's maps settled. */
    public ContainerConfig withUserNamespace(UserNamespace settled) {
        return new ContainerConfig(command, entrypoint, env, workingDir, user, hostname, volumes, stopSignal,
                stopTimeout, restart, tty, interactive, autoRemove, network, limits, healthCheck, healthOnFailure,
                startupHealthCheck, sdNotify, labels, annotations, security, init, timezone, log, timeout, systemd, settled);
    }

    /** The same container with other resource limits (vaina update). */
    public ContainerConfig withLimits(ResourceLimits newLimits) {
        return new ContainerConfig(command, entrypoint, env, workingDir, user, hostname, volumes, stopSignal,
                stopTimeout, restart, tty, interactive, autoRemove, network, newLimits, healthCheck, healthOnFailure,
                startupHealthCheck, sdNotify, labels, annotations, security, init, timezone, log, timeout, systemd, userns);
    }
}
