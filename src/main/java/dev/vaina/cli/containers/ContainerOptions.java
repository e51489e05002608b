package dev.vaina.cli.containers;

import dev.vaina.cli.common.LabelOptions;
import dev.vaina.cli.common.EntrypointParser;
import dev.vaina.cli.common.NetworkOptions;
import dev.vaina.cli.common.PullOptions;
import dev.vaina.spec.ContainerConfig;
import dev.vaina.spec.ContainerName;
import dev.vaina.spec.EnvironmentVariables;
import dev.vaina.spec.InvalidSpecException;
import dev.vaina.spec.Labels;
import dev.vaina.spec.LogConfig;
import dev.vaina.spec.RestartPolicy;
import dev.vaina.spec.Signals;
import dev.vaina.spec.MountSpecParser;
import dev.vaina.spec.TmpfsSpecParser;
import dev.vaina.spec.UserNamespace;
import dev.vaina.spec.VolumeMount;
import dev.vaina.spec.VolumesFrom;
import dev.vaina.store.ContainerIds;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The options `run` and `create` share, and the image and command that follow them. */
final class ContainerOptions {
    @Option(names = "--name", paramLabel = "NAME", description = "Assign a name to the container.")
    String name;


    @picocli.CommandLine.Mixin
    ProcessOptions process;

    @Option(names = "--entrypoint", paramLabel = "CMD", description = "Override the image's entrypoint (\"\" clears it).")
    String entrypoint;

    @Option(names = {"-h", "--hostname"}, paramLabel = "NAME", description = "Container host name.")
    String hostname;

    @Option(names = {"-v", "--volume"}, paramLabel = "[HOST-DIR|VOLUME:]CONTAINER-DIR[:OPTIONS]",
            description = "Bind mount a host directory, mount a named volume (made when missing), or, with CONTAINER-DIR alone, a new anonymous volume.")
    List<String> volumes = new ArrayList<>();

    @Option(names = "--mount", paramLabel = "type=bind|volume|tmpfs,[src=SOURCE,]dst=CONTAINER-DIR[,OPTIONS]",
            description = "Attach a bind mount, a volume or a tmpfs.")
    List<String> mounts = new ArrayList<>();

    @Option(names = "--tmpfs", paramLabel = "CONTAINER-DIR[:OPTIONS]", description = "Mount a tmpfs.")
    List<String> tmpfs = new ArrayList<>();

    @Option(names = "--volumes-from", paramLabel = "CONTAINER[:ro|rw]", description = "Mount the volumes and bind mounts of another container.")
    List<String> volumesFrom = new ArrayList<>();

    @Option(names = "--stop-signal", paramLabel = "SIGNAL", description = "Signal that stops the container (default SIGTERM).")
    String stopSignal;

    @Option(names = "--stop-timeout", paramLabel = "SECONDS", description = "Seconds to wait after the stop signal before SIGKILL (default 10).")
    Integer stopTimeout;

    @Option(names = "--restart", paramLabel = "POLICY", description = "no, on-failure[:N], always or unless-stopped.")
    String restart;

    @Option(names = "--rm", description = "Remove the container when it exits.")
    boolean rm;

    @Option(names = "--replace", description = "Remove a container of the same name first.")
    boolean replace;

    /** The definition file's unit that runs the container (its ExecStartPre passes %n), instead of container-NAME. */
    @Option(names = "--unit", hidden = true, paramLabel = "UNIT")
    String unit;

    @Mixin
    NetworkOptions networkOptions;

    @Mixin
    HealthOptions health;

    @Mixin
    ConfinementOptions confinement;

    @Mixin
    LabelOptions labels;

    @Option(names = "--annotation", paramLabel = "KEY=VALUE", description = "Add an annotation to the container's runtime spec.")
    List<String> annotations = new ArrayList<>();

    @Option(names = "--init", description = "Run catatonit as PID 1: it forwards signals and reaps orphaned processes.")
    boolean init;

    @Option(names = "--tz", paramLabel = "ZONE", description = "Time zone of the container (e.g. Europe/Madrid, or local for the host's).")
    String timezone;

    @Option(names = "--env-host", description = "Pass the caller's whole environment into the container (before --env-file and -e).")
    boolean envHost;

    @Option(names = "--log-driver", paramLabel = "DRIVER", description = "k8s-file (default), none, passthrough or journald.")
    String logDriver;

    @Option(names = "--log-opt", paramLabel = "OPT", description = "k8s-file's path=FILE or max-size=SIZE (e.g. 10mb).")
    List<String> logOpts = new ArrayList<>();

    @Option(names = "--timeout", paramLabel = "SECONDS", description = "Kill the container once it has run this long (0: no limit).")
    int timeout;

    @Option(names = "--systemd", paramLabel = "true|false|always", defaultValue = "true",
            description = "Run systemd as the container's init: true when the command is systemd or init (default).")
    String systemd = "true";

    @Option(names = "--userns", paramLabel = "MODE",
            description = "User namespace: host (default), keep-id[:uid=U,gid=G] (rootless: your ids inside), auto[:size=N] (a private range of subordinate ids), nomap (rootless: your own id left out).")
    String userns;

    @Option(names = "--uidmap", paramLabel = "CONTAINER:HOST:SIZE",
            description = "Map container uids to host ids (rootless: to ids of your namespace, where you are 0 and your subordinate ids follow); repeatable.")
    List<String> uidMaps = new ArrayList<>();

    @Option(names = "--gidmap", paramLabel = "CONTAINER:HOST:SIZE", description = "Map container gids as --uidmap maps uids (default: as --uidmap).")
    List<String> gidMaps = new ArrayList<>();

    @Option(names = "--subuidname", paramLabel = "NAME", description = "Map container uids from 0 to the range /etc/subuid gives NAME.")
    String subuidName;

    @Option(names = "--subgidname", paramLabel = "NAME", description = "Map container gids from 0 to the range /etc/subgid gives NAME.")
    String subgidName;

    @Option(names = "--cidfile", paramLabel = "FILE", description = "Write the container's ID to FILE (which must not exist).")
    Path cidfile;

    @Mixin
    ProcessLimitOptions limits;

    @Option(names = "--pull", paramLabel = "POLICY", defaultValue = "missing",
            description = "missing (default), always, never or newer: when to pull the image from its registry.")
    String pull;

    @picocli.CommandLine.Mixin
    PullOptions pullOptions;

    @Option(names = "--pod", paramLabel = "NAME|ID|new:NAME", description = "Run in this pod (new:NAME creates it).")
    String pod;

    @Parameters(index = "0", paramLabel = "IMAGE", description = "The image to run.")
    String image;

    @Parameters(index = "1..*", paramLabel = "COMMAND", description = "The command and its arguments.")
    List<String> command = new ArrayList<>();

    /** Validates the name, if one was given. */
    String validatedName() {
        return name == null ? null : new ContainerName(name).value();
    }

    /** --volumes-from, parsed. */
    List<VolumesFrom> volumesFrom() {
        List<VolumesFrom> parsed = new ArrayList<>(); // loops: no lambda on create's way (engine.CreateCompletion)
        for (String spec : volumesFrom) {
            parsed.add(VolumesFrom.parse(spec));
        }
        return parsed;
    }

    ContainerConfig toConfig(Map<String, String> callerEnvironment) throws java.io.IOException {
        UserNamespace userNamespace = UserNamespace.parse(userns, withSubordinateRange(uidMaps, subuidName, false),
                withSubordinateRange(gidMaps, subgidName, true));
        List<VolumeMount> mounts = new ArrayList<>();
        for (String volume : volumes) {
            mounts.add(VolumeMount.parse(volume));
        }
        for (String mount : this.mounts) {
            mounts.add(MountSpecParser.parse(mount));
        }
        for (String mount : tmpfs) {
            mounts.add(TmpfsSpecParser.parse(mount));
        }
        volumesFrom();
        List<String> entry = entrypoint == null ? null : EntrypointParser.parse(entrypoint);
        return ContainerConfig.builder()
                .command(command)
                .entrypoint(entry)
                .env(environment(callerEnvironment))
                .workingDir(process.workdir)
                .user(process.user)
                .hostname(hostname)
                .volumes(mounts)
                .stopSignal(stopSignal == null ? ContainerConfig.DEFAULT_STOP_SIGNAL : Signals.parse(stopSignal))
                .stopTimeout(stopTimeout == null ? ContainerConfig.DEFAULT_STOP_TIMEOUT : stopTimeout)
                .restart(RestartPolicy.parse(restart))
                .tty(process.tty)
                .interactive(process.interactive)
                .autoRemove(rm)
                .network(networkOptions.toConfig())
                .limits(limits.toLimits())
                .healthCheck(health.healthCheck())
                .healthOnFailure(health.onFailure())
                .startupHealthCheck(health.startupHealthCheck())
                .sdNotify(health.notifyMode())
                .labels(labels.parse())
                .annotations(annotations())
                .security(confinement.toSecurity())
                .init(init)
                .timezone(timezone)
                .log(LogConfig.parse(logDriver, logOpts))
                .timeout(timeout)
                .userns(userNamespace)
                .build();
    }

    /** --subuidname/--subgidname: the named range, mapped from 0, joins the maps given (Podman checks them together). */
    private static List<String> withSubordinateRange(List<String> maps, String name, boolean groups) throws java.io.IOException {
        if (name == null) {
            return maps;
        }
        long[] range = ContainerIds.subordinateRange(name, groups).orElseThrow(() -> new InvalidSpecException(
                "no sub" + (groups ? "gid" : "uid") + " ranges found for " + (groups ? "group" : "user") + " \"" + name
                + "\" in /etc/sub" + (groups ? "gid" : "uid")));
        List<String> all = new ArrayList<>(List.of("0:" + range[0] + ":" + range[1]));
        all.addAll(maps);
        return all;
    }

    private Map<String, String> annotations() throws java.io.IOException {
        for (String annotation : annotations) {
            if (annotation.indexOf('=') <= 0) {
                throw new InvalidSpecException("annotations must be formatted KEY=VALUE");
            }
        }
        return Labels.parse(List.of(), annotations);
    }

    private Map<String, String> environment(Map<String, String> callerEnvironment) {
        Map<String, String> env = new java.util.LinkedHashMap<>();
        if (envHost) {
            env.putAll(callerEnvironment);
        }
        env.putAll(process.environment(callerEnvironment));
        return env;
    }
}
