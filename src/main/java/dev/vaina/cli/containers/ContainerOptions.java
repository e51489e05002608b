package dev.vaina.cli.containers;

import dev.vaina.cli.EntrypointParser;
import dev.vaina.cli.NetworkOptions;
import dev.vaina.cli.PullOptions;
import dev.vaina.spec.ContainerConfig;
import dev.vaina.spec.ContainerName;
import dev.vaina.spec.EnvironmentVariables;
import dev.vaina.spec.RestartPolicy;
import dev.vaina.spec.Signals;
import dev.vaina.spec.MountSpecParser;
import dev.vaina.spec.TmpfsSpecParser;
import dev.vaina.spec.VolumeMount;
import dev.vaina.spec.VolumesFrom;
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

    @Mixin
    NetworkOptions networkOptions;

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
        return volumesFrom.stream().map(VolumesFrom::parse).toList();
    }

    ContainerConfig toConfig(Map<String, String> callerEnvironment) {
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
        volumesFrom.forEach(VolumesFrom::parse);
        List<String> entry = entrypoint == null ? null : EntrypointParser.parse(entrypoint);
        return new ContainerConfig(
                command,
                entry,
                process.environment(callerEnvironment),
                process.workdir,
                process.user,
                hostname,
                mounts,
                stopSignal == null ? ContainerConfig.DEFAULT_STOP_SIGNAL : Signals.parse(stopSignal),
                stopTimeout == null ? ContainerConfig.DEFAULT_STOP_TIMEOUT : stopTimeout,
                RestartPolicy.parse(restart),
                process.tty,
                process.interactive,
                rm,
                networkOptions.toConfig(),
                limits.toLimits());
    }
}
