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

    /** A container with nothing given: the image's values and Podman's defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** This container's settings, to change some and keep every other. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** --systemd settled: systemd's own mounts and stop signal (SIGRTMIN+3) unless --stop-signal was given. */
    public ContainerConfig withSystemd(boolean systemd, boolean stopSignalGiven) {
        return toBuilder().systemd(systemd).stopSignal(systemd && !stopSignalGiven ? SYSTEMD_STOP_SIGNAL : stopSignal)
                .build();
    }

    /** The same container with other mounts (anonymous volumes named, --volumes-from added, a pod's volumes). */
    public ContainerConfig withVolumes(List<VolumeMount> mounts) {
        return toBuilder().volumes(mounts).build();
    }

    /** The same container with its network settled (host ports chosen). */
    public ContainerConfig withNetwork(NetworkConfig settled) {
        return toBuilder().network(settled).build();
    }

    /** The same container with other resource limits (vaina update). */
    public ContainerConfig withLimits(ResourceLimits newLimits) {
        return toBuilder().limits(newLimits).build();
    }

    /** The same container with its user namespace's maps settled. */
    public ContainerConfig withUserNamespace(UserNamespace settled) {
        return toBuilder().userns(settled).build();
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
        if (restart == null) {
            restart = RestartPolicy.NO;
        }
        if (userns == null) {
            userns = UserNamespace.HOST;
        }
        if (autoRemove && restart.kind() != RestartPolicy.Kind.NO) {
            throw new InvalidSpecException("the --rm option conflicts with --restart: a container that is removed on exit cannot be restarted");
        }
    }

    /**
     * Whether, once it runs, the container can do without a monitor of its own: its output goes straight to its
     * unit's (passthrough, or journald, which is the unit's output too) and nothing else needs a process beside it
     * (a terminal or stdin to relay, a --timeout to count, readiness to report later). Its init then becomes the
     * unit's main process. Where the network needs a process of the monitor's, the launch keeps the monitor.
     */
    public boolean handedOverToSystemd() {
        return (log.driver().equals(LogConfig.PASSTHROUGH) || log.driver().equals(LogConfig.JOURNALD)) && !tty
                && !interactive && timeout == 0 && (sdNotify == NotifyMode.CONMON || sdNotify == NotifyMode.IGNORE);
    }

    /**
     * Settings by name rather than by position: a new setting changes this class and the record, not every place
     * that makes or changes a configuration, and a changed copy keeps what it does not name (the copy constructor
     * is the one place that lists every setting; ContainerConfigTest fails when it misses one).
     */
    public static final class Builder {
        private List<String> command = List.of();
        private List<String> entrypoint;
        private Map<String, String> env = Map.of();
        private String workingDir;
        private String user;
        private String hostname;
        private List<VolumeMount> volumes = List.of();
        private int stopSignal = DEFAULT_STOP_SIGNAL;
        private int stopTimeout = DEFAULT_STOP_TIMEOUT;
        private RestartPolicy restart;
        private boolean tty;
        private boolean interactive;
        private boolean autoRemove;
        private NetworkConfig network;
        private ResourceLimits limits;
        private HealthCheck healthCheck;
        private HealthOnFailure healthOnFailure;
        private StartupHealthCheck startupHealthCheck;
        private NotifyMode sdNotify;
        private Map<String, String> labels = Map.of();
        private Map<String, String> annotations = Map.of();
        private SecurityOptions security;
        private boolean init;
        private String timezone;
        private LogConfig log;
        private int timeout;
        private boolean systemd;
        private UserNamespace userns;

        private Builder() {
        }

        private Builder(ContainerConfig config) {
            command = config.command;
            entrypoint = config.entrypoint;
            env = config.env;
            workingDir = config.workingDir;
            user = config.user;
            hostname = config.hostname;
            volumes = config.volumes;
            stopSignal = config.stopSignal;
            stopTimeout = config.stopTimeout;
            restart = config.restart;
            tty = config.tty;
            interactive = config.interactive;
            autoRemove = config.autoRemove;
            network = config.network;
            limits = config.limits;
            healthCheck = config.healthCheck;
            healthOnFailure = config.healthOnFailure;
            startupHealthCheck = config.startupHealthCheck;
            sdNotify = config.sdNotify;
            labels = config.labels;
            annotations = config.annotations;
            security = config.security;
            init = config.init;
            timezone = config.timezone;
            log = config.log;
            timeout = config.timeout;
            systemd = config.systemd;
            userns = config.userns;
        }

        public Builder command(List<String> command) {
            this.command = command;
            return this;
        }

        public Builder entrypoint(List<String> entrypoint) {
            this.entrypoint = entrypoint;
            return this;
        }

        public Builder env(Map<String, String> env) {
            this.env = env;
            return this;
        }

        public Builder workingDir(String workingDir) {
            this.workingDir = workingDir;
            return this;
        }

        public Builder user(String user) {
            this.user = user;
            return this;
        }

        public Builder hostname(String hostname) {
            this.hostname = hostname;
            return this;
        }

        public Builder volumes(List<VolumeMount> volumes) {
            this.volumes = volumes;
            return this;
        }

        public Builder stopSignal(int stopSignal) {
            this.stopSignal = stopSignal;
            return this;
        }

        public Builder stopTimeout(int stopTimeout) {
            this.stopTimeout = stopTimeout;
            return this;
        }

        public Builder restart(RestartPolicy restart) {
            this.restart = restart;
            return this;
        }

        public Builder tty(boolean tty) {
            this.tty = tty;
            return this;
        }

        public Builder interactive(boolean interactive) {
            this.interactive = interactive;
            return this;
        }

        public Builder autoRemove(boolean autoRemove) {
            this.autoRemove = autoRemove;
            return this;
        }

        public Builder network(NetworkConfig network) {
            this.network = network;
            return this;
        }

        public Builder limits(ResourceLimits limits) {
            this.limits = limits;
            return this;
        }

        public Builder healthCheck(HealthCheck healthCheck) {
            this.healthCheck = healthCheck;
            return this;
        }

        public Builder healthOnFailure(HealthOnFailure healthOnFailure) {
            this.healthOnFailure = healthOnFailure;
            return this;
        }

        public Builder startupHealthCheck(StartupHealthCheck startupHealthCheck) {
            this.startupHealthCheck = startupHealthCheck;
            return this;
        }

        public Builder sdNotify(NotifyMode sdNotify) {
            this.sdNotify = sdNotify;
            return this;
        }

        public Builder labels(Map<String, String> labels) {
            this.labels = labels;
            return this;
        }

        public Builder annotations(Map<String, String> annotations) {
            this.annotations = annotations;
            return this;
        }

        public Builder security(SecurityOptions security) {
            this.security = security;
            return this;
        }

        public Builder init(boolean init) {
            this.init = init;
            return this;
        }

        public Builder timezone(String timezone) {
            this.timezone = timezone;
            return this;
        }

        public Builder log(LogConfig log) {
            this.log = log;
            return this;
        }

        public Builder timeout(int timeout) {
            this.timeout = timeout;
            return this;
        }

        public Builder systemd(boolean systemd) {
            this.systemd = systemd;
            return this;
        }

        public Builder userns(UserNamespace userns) {
            this.userns = userns;
            return this;
        }

        /** @throws InvalidSpecException when the settings are invalid or contradict each other */
        public ContainerConfig build() {
            return new ContainerConfig(command, entrypoint, env, workingDir, user, hostname, volumes, stopSignal,
                    stopTimeout, restart, tty, interactive, autoRemove, network, limits, healthCheck, healthOnFailure,
                    startupHealthCheck, sdNotify, labels, annotations, security, init, timezone, log, timeout, systemd, userns);
        }
    }
}
