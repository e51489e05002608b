package dev.vaina.cli;

import dev.vaina.cli.common.CommandFailedException;
import dev.vaina.cli.common.Context;
import dev.vaina.cli.common.ContextCommand;
import dev.vaina.cli.common.ExitCodes;
import dev.vaina.cli.common.InspectData;
import dev.vaina.cli.common.OutputFormat;
import dev.vaina.cli.common.PodmanJson;
import dev.vaina.cli.containers.PortListing;
import dev.vaina.cli.images.ImageInspectCommand;
import dev.vaina.engine.Liveness;
import dev.vaina.engine.Targets;
import dev.vaina.engine.ContainerPid;
import dev.vaina.oci.OverlayVolumeDirs;
import dev.vaina.store.ContainerRecord;
import dev.vaina.store.ContainerState;
import dev.vaina.store.Json;
import dev.vaina.store.StoreLayout;
import dev.vaina.spec.SecurityOptions;
import dev.vaina.spec.VolumeMount;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** `vaina inspect`: a JSON array with one object per container or image, in Podman's shape. */
@Command(name = "inspect", description = "Show the configuration and state of containers (or images) as JSON.")
public final class InspectCommand extends ContextCommand {
    private static final List<String> TYPES = List.of("container", "image", "all");

    @Option(names = {"-t", "--type"}, paramLabel = "TYPE", defaultValue = "all",
            description = "What the names are: container, image, or all (a container first, then an image; default).")
    String type;

    @Option(names = {"-l", "--latest"}, description = "The container created last.")
    boolean latest;

    @Parameters(arity = "0..*", paramLabel = "NAME")
    List<String> names;

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT",
            description = "Output format: json (default) or a Go TEMPLATE such as '{{.State.Status}}'.")
    String format;

    @Override
    protected int execute(Context context) throws Exception {
        if (!TYPES.contains(type)) {
            throw new CommandFailedException(ExitCodes.ENGINE, "invalid type \"" + type
                    + "\": must be \"container\", \"image\", or \"all\" (vaina has no pods, networks or volumes yet)");
        }
        OutputFormat output = OutputFormat.forList(InspectData.format(format), "inspect", InspectData.INSPECT_ERROR);
        List<Map<String, Object>> result = new ArrayList<>();
        List<Object> templateData = new ArrayList<>();
        int exit = 0;
        if (latest) {
            for (Targets.Target target : Targets.named(names).latest(true).resolve(context.engine().containers())) {
                result.add(describe(context, target.record(), context.engine().containers().currentState(target.record())));
                templateData.add(InspectData.container(result.get(result.size() - 1)));
            }
        } else if (names == null || names.isEmpty()) {
            throw new CommandFailedException(ExitCodes.ENGINE, "you must provide at least one name or ID (or --latest)");
        }
        for (String name : latest ? List.<String>of() : names) {
            // A container first, then an image, as Podman's inspect looks them up.
            Optional<ContainerRecord> container = type.equals("image") ? Optional.empty() : context.containers().lookup(name);
            Optional<dev.vaina.image.ImageRecord> image = container.isPresent() || type.equals("container")
                    ? Optional.empty() : context.images().find(name);
            if (container.isPresent()) {
                result.add(describe(context, container.get(), context.engine().containers().currentState(container.get())));
                templateData.add(InspectData.container(result.get(result.size() - 1)));
            } else if (image.isPresent()) {
                result.add(ImageInspectCommand.describe(context, image.get()));
                templateData.add(InspectData.image(result.get(result.size() - 1)));
            } else {
                err().println("Error: inspecting object: " + notFound(name));
                exit = ExitCodes.ENGINE;
            }
        }
        if (output.isDefault() || output.isJson()) {
            out().println(PodmanJson.INSPECT.format(result));
        } else {
            output.print(out(), templateData, null);
        }
        out().flush();
        err().flush();
        return exit;
    }

    /** Podman's words for each type. */
    private String notFound(String name) {
        return switch (type) {
            case "container" -> "no such container " + name;
            case "image" -> name + ": image not known";
            default -> "no such object: \"" + name + "\"";
        };
    }

    static Map<String, Object> describe(Context context, ContainerRecord record, ContainerState state) throws java.io.IOException {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("Id", record.id());
        map.put("Created", record.created());
        map.put("Path", record.args().isEmpty() ? "" : record.args().get(0));
        map.put("Args", record.args().size() > 1 ? record.args().subList(1, record.args().size()) : List.of());
        Map<String, Object> stateMap = new LinkedHashMap<>();
        boolean paused = state.isRunning() && context.engine().pausing().isPaused(record);
        stateMap.put("Status", paused ? "paused" : state.status());
        stateMap.put("Running", state.isRunning());
        stateMap.put("Paused", paused);
        stateMap.put("Pid", state.isRunning() ? ContainerPid.read(context.layout(), record.id()) : 0);
        stateMap.put("ConmonPid", Liveness.monitorPid(context.layout(), state, record.id()));
        stateMap.put("ExitCode", state.exitCode());
        stateMap.put("Error", state.error() == null ? "" : state.error());
        stateMap.put("StartedAt", state.startedAt() == null ? "0001-01-01T00:00:00Z" : state.startedAt());
        stateMap.put("FinishedAt", state.finishedAt() == null ? "0001-01-01T00:00:00Z" : state.finishedAt());
        stateMap.put("Health", InspectHealth.state(context.layout(), record));
        map.put("State", stateMap);
        map.put("Image", record.imageId());
        map.put("ImageName", record.imageName());
        map.put("Name", record.name());
        map.put("SystemdUnit", record.unit());
        map.put("LogPath", context.layout().containerLog(record).toString());
        map.put("Config", config(record));
        map.put("Mounts", mounts(context.layout(), record));
        map.put("NetworkSettings", InspectNetworks.settings(context, record, state));
        Map<String, Object> hostConfig = new LinkedHashMap<>();
        hostConfig.put("AutoRemove", record.config().autoRemove());
        Map<String, Object> restart = new LinkedHashMap<>();
        restart.put("Name", record.config().restart().kind().text);
        restart.put("MaximumRetryCount", record.config().restart().maxRetries());
        hostConfig.put("RestartPolicy", restart);
        hostConfig.put("NetworkMode", record.config().network().networkMode().toString());
        hostConfig.put("PortBindings", PortListing.bindings(record, false));
        hostConfig.put("PublishAllPorts", record.config().network().publishAll());
        hostConfig.put("Dns", record.config().network().dns());
        hostConfig.put("DnsSearch", record.config().network().dnsSearch());
        hostConfig.put("DnsOptions", record.config().network().dnsOptions());
        hostConfig.put("ExtraHosts", record.config().network().addHosts());
        SecurityOptions security = record.config().security();
        hostConfig.put("CapAdd", security.capAdd());
        hostConfig.put("CapDrop", security.capDrop());
        hostConfig.put("Privileged", security.privileged());
        hostConfig.put("ReadonlyRootfs", security.readOnly());
        hostConfig.put("SecurityOpt", security.securityOpts());
        hostConfig.put("GroupAdd", security.groupAdd());
        List<Map<String, Object>> devices = new ArrayList<>();
        for (var d : security.devices()) {
            devices.add(Map.of("PathOnHost", d.hostPath(), "PathInContainer", d.containerPath(), "CgroupPermissions",
                    d.permissions()));
        }
        hostConfig.put("Devices", devices);
        hostConfig.put("Init", record.config().init());
        Map<String, Object> logConfig = new LinkedHashMap<>();
        logConfig.put("Type", record.config().log().driver());
        logConfig.put("Path", record.config().log().readable() ? context.layout().containerLog(record).toString() : "");
        logConfig.put("Size", record.config().log().maxSize() > 0 ? record.config().log().maxSize() + "B" : "0B");
        hostConfig.put("LogConfig", logConfig);
        if (!security.sysctls().isEmpty()) {
            hostConfig.put("Sysctls", security.sysctls());
        }
        InspectLimits.put(record.config().limits(), hostConfig);
        map.put("HostConfig", hostConfig);
        return map;
    }

    /**
     * The bind mounts and volumes. An overlay volume of a host directory shows as Podman shows it: a bind mount of
     * the overlay's merge directory, with overlayfs' directory options.
     */
    private static List<Map<String, Object>> mounts(StoreLayout layout, ContainerRecord record) {
        List<Map<String, Object>> mounts = new ArrayList<>();
        List<VolumeMount> volumes = record.config().volumes();
        for (int i = 0; i < volumes.size(); i++) {
            VolumeMount v = volumes.get(i);
            if (v.isTmpfs()) {
                continue;
            }
            boolean overlay = v.isBind() && v.overlay();
            OverlayVolumeDirs dirs = OverlayVolumeDirs.of(layout.containerVolumeOverlays(record), i);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("Type", v.type());
            if (v.isVolume()) {
                m.put("Name", v.source());
            }
            m.put("Source", overlay ? dirs.merge().toString()
                    : v.isVolume() ? layout.volumeData(v.source()).toString() : v.source());
            m.put("Destination", v.destination());
            m.put("RW", !v.readOnly());
            m.put("Options", overlay ? dirs.layers(Path.of(v.source())) : v.options());
            mounts.add(m);
        }
        return mounts;
    }

    private static Map<String, Object> config(ContainerRecord record) {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("Hostname", record.config().hostname() != null ? record.config().hostname() : record.shortId());
        List<String> env = new ArrayList<>(record.imageConfig().env());
        for (Map.Entry<String, String> variable : record.config().env().entrySet()) {
            env.add(variable.getKey() + "=" + variable.getValue());
        }
        config.put("Env", env);
        config.put("Cmd", record.config().command().isEmpty() ? record.imageConfig().cmd() : record.config().command());
        config.put("Entrypoint", record.config().entrypoint() != null ? record.config().entrypoint() : record.imageConfig().entrypoint());
        config.put("Image", record.imageName());
        config.put("Labels", record.config().labels().isEmpty() ? null : record.config().labels());
        config.put("Annotations", record.config().annotations());
        config.put("WorkingDir", record.config().workingDir() != null ? record.config().workingDir()
                : record.imageConfig().workingDir() != null ? record.imageConfig().workingDir() : "/");
        config.put("User", record.config().user() != null ? record.config().user() : "");
        config.put("Tty", record.config().tty());
        config.put("OpenStdin", record.config().interactive());
        config.put("StopSignal", dev.vaina.spec.Signals.name(record.config().stopSignal()));
        if (record.healthCheck() != null) {
            config.put("Healthcheck", InspectHealth.config(record.healthCheck()));
        }
        config.put("HealthcheckOnFailureAction", record.config().healthOnFailure().text());
        config.put("StopTimeout", record.config().stopTimeout());
        config.put("sdNotifyMode", record.config().sdNotify().text());
        if (record.config().timezone() != null) {
            config.put("Timezone", record.config().timezone());
        }
        return config;
    }
}
