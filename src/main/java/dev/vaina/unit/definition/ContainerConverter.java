package dev.vaina.unit.definition;

import dev.vaina.spec.NetworkMode;
import dev.vaina.spec.NetworkUnits;
import dev.vaina.spec.PortMapping;
import dev.vaina.spec.Signals;
import dev.vaina.unit.UnitFile;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * app.container -> app.service. Starting the unit creates the container afresh (ExecStartPre: vaina create
 * --replace --rm --unit %n, so vaina's own commands act on this unit), then the launcher runs it by name and
 * hands it to the monitor, the unit's main process (Type=notify, as the units of containers made by the CLI); when
 * it stops, the cleanup removes the container, as Quadlet's units do.
 */
final class ContainerConverter {
    private static final String SECTION = "Container";
    /** Beyond the container's stop timeout: time for the monitor to SIGKILL it, reap it and exit. */
    private static final int STOP_MARGIN_SECONDS = 5;
    private static final int DEFAULT_STOP_TIMEOUT = 10;

    static final KeyTable KEYS = new KeyTable(SECTION)
            .handled("Image", "Exec", "ContainerName", "Pod", "StartWithPod", "Network", "Volume", "User", "Group",
                    "Notify", "AutoUpdate", "ReloadCmd", "ReloadSignal", "PodmanArgs", "GlobalArgs", "ServiceName",
                    "StopTimeout")
            .value("Entrypoint", "--entrypoint")
            .value("NetworkAlias", "--network-alias")
            .checked("PublishPort", "--publish", PortMapping::parse)
            .value("ExposeHostPort", "--expose")
            .value("Mount", "--mount")
            .value("Tmpfs", "--tmpfs")
            .words("Environment", "--env")
            .value("EnvironmentFile", "--env-file")
            .flag("EnvironmentHost", "--env-host")
            .value("WorkingDir", "--workdir")
            .value("HostName", "--hostname")
            .value("AddHost", "--add-host")
            .value("DNS", "--dns")
            .value("DNSSearch", "--dns-search")
            .value("DNSOption", "--dns-option")
            .words("Label", "--label")
            .words("Annotation", "--annotation")
            .flag("ReadOnly", "--read-only")
            .bool("ReadOnlyTmpfs", "--read-only-tmpfs")
            .value("HealthCmd", "--health-cmd")
            .value("HealthInterval", "--health-interval")
            .value("HealthRetries", "--health-retries")
            .value("HealthStartPeriod", "--health-start-period")
            .value("HealthTimeout", "--health-timeout")
            .value("HealthStartupCmd", "--health-startup-cmd")
            .value("HealthStartupInterval", "--health-startup-interval")
            .value("HealthStartupRetries", "--health-startup-retries")
            .value("HealthStartupSuccess", "--health-startup-success")
            .value("HealthStartupTimeout", "--health-startup-timeout")
            .value("HealthOnFailure", "--health-on-failure")
            .checked("StopSignal", "--stop-signal", Signals::parse)
            .flag("RunInit", "--init")
            .words("AddCapability", "--cap-add")
            .words("DropCapability", "--cap-drop")
            .flag("NoNewPrivileges", "--security-opt", "no-new-privileges")
            .prefixed("SeccompProfile", "--security-opt", "seccomp=")
            .value("Ulimit", "--ulimit")
            .value("Memory", "--memory")
            .value("PidsLimit", "--pids-limit")
            .value("ShmSize", "--shm-size")
            .value("LogDriver", "--log-driver")
            .value("LogOpt", "--log-opt")
            .value("Pull", "--pull")
            .value("Retry", "--retry")
            .value("RetryDelay", "--retry-delay")
            .value("Device", "--device")
            .words("Sysctl", "--sysctl")
            .value("Secret", "--secret")
            .value("Timezone", "--tz")
            .value("IP", "--ip")
            .value("IP6", "--ip6")
            .value("UserNS", "--userns")
            .value("UIDMap", "--uidmap")
            .value("GIDMap", "--gidmap")
            .value("SubUIDMap", "--subuidname")
            .value("SubGIDMap", "--subgidname")
            .value("GroupAdd", "--group-add");

    private ContainerConverter() {
    }

    static UnitFile convert(Definition definition, DefinitionSet all, Tools tools) {
        ServiceUnit unit = new ServiceUnit(definition, all, tools);
        List<String> global = ExtraArgs.globalArgs(definition, KEYS);
        String name = definition.last(SECTION, "ContainerName").map(UnitFile.Located::value).orElse("systemd-%N");

        List<String> create = new ArrayList<>(List.of(tools.cli().toString()));
        create.addAll(global);
        create.addAll(List.of("create", "--replace", "--rm", "--unit", "%n", "--name", name));
        KEYS.apply(definition, create);
        user(definition, create);
        pod(definition, all, unit, create);
        networks(definition, all, unit, create, tools);
        volumes(definition, all, unit, create);
        notify(definition, unit, create);
        definition.last(SECTION, "AutoUpdate").ifPresent(e -> create.addAll(List.of("--label",
                "io.containers.autoupdate=" + e.value())));
        int stopTimeout = stopTimeout(definition, create);
        create.addAll(ExtraArgs.podmanArgs(definition, KEYS, VainaOptions.CREATE, "create"));
        create.add(image(definition, all, unit));
        definition.last(SECTION, "Exec").ifPresent(exec -> create.addAll(KEYS.words(exec)));

        List<String> launcher = new ArrayList<>(List.of(tools.launcher().toString()));
        launcher.addAll(ExtraArgs.forLauncher(global));
        unit.service("KillMode", "mixed")
                .service("Delegate", "yes")
                .service("Type", "notify")
                .service("SyslogIdentifier", "%N")
                .service("TimeoutStopSec", Integer.toString(stopTimeout + STOP_MARGIN_SECONDS))
                .command("ExecStartPre", "", create)
                // --remove on both lines: the monitor removes the container once it has exited, and the cleanup
                // does when the monitor could not.
                .command("ExecStart", "", concat(launcher, "--remove", "start", name))
                // "-": the container's exit status, not the cleanup's, decides whether the unit failed.
                .command("ExecStopPost", "-", concat(launcher, "--remove", "cleanup", name));
        killSignal(definition, unit);
        reload(definition, tools, global, name, unit);
        return unit.build();
    }

    private static List<String> concat(List<String> head, String... tail) {
        List<String> all = new ArrayList<>(head);
        all.addAll(List.of(tail));
        return all;
    }

    private static String image(Definition definition, DefinitionSet all, ServiceUnit unit) {
        UnitFile.Located image = definition.last(SECTION, "Image").filter(e -> !e.value().isEmpty()).orElseThrow(
                () -> DefinitionException.of(definition.path().toString(), "[Container] has no Image=: it is required"));
        if (!image.value().endsWith(".image")) {
            return image.value();
        }
        Definition source = all.require(SECTION, image, image.value(), DefinitionKind.IMAGE);
        unit.requires(source.serviceName());
        return ImageConverter.imageName(source);
    }

    private static void user(Definition definition, List<String> create) {
        Optional<UnitFile.Located> user = definition.last(SECTION, "User");
        Optional<UnitFile.Located> group = definition.last(SECTION, "Group");
        if (group.isPresent() && user.isEmpty()) {
            throw DefinitionException.at(SECTION, group.get(), "Group= needs User= (the container runs as USER:GROUP)");
        }
        user.ifPresent(u -> create.addAll(List.of("--user", u.value() + group.map(g -> ":" + g.value()).orElse(""))));
    }

    private static void pod(Definition definition, DefinitionSet all, ServiceUnit unit, List<String> create) {
        Optional<UnitFile.Located> podKey = definition.last(SECTION, "Pod").filter(e -> !e.value().isEmpty());
        definition.last(SECTION, "StartWithPod").ifPresent(KEYS::bool);
        if (podKey.isEmpty()) {
            return;
        }
        Definition pod = all.require(SECTION, podKey.get(), podKey.get().value(), DefinitionKind.POD);
        create.addAll(List.of("--pod", PodConverter.podName(pod)));
        // It lives in the pod's namespaces: started after the pod, stopped (first) when the pod stops.
        unit.unit("BindsTo", pod.serviceName()).unit("After", pod.serviceName());
        String slice = PodConverter.memberSlice(pod);
        if (slice != null) {
            unit.service("Slice", slice);
        }
    }

    /**
     * Network=net.network names that file's network (and needs its service); other values are modes or the names
     * of networks made otherwise. On a named network, the unit wants the units such networks share: aardvark-dns's,
     * started after this one (its name server serves entries that this start makes), and rootless the holder of
     * the networks' namespaces, started before. Wanted, not required: the engine writes their files at the first
     * create, and starts them itself then (dev.vaina.engine.NetworkUnitFiles).
     */
    static void networks(Definition definition, DefinitionSet all, ServiceUnit unit, List<String> args, Tools tools) {
        String section = definition.kind().section();
        boolean named = false;
        for (UnitFile.Located entry : definition.entries(section)) {
            if (!entry.key().equals("Network") || entry.value().isEmpty()) {
                continue;
            }
            String value = entry.value();
            int colon = value.indexOf(':');
            String head = colon < 0 ? value : value.substring(0, colon);
            String rest = colon < 0 ? "" : value.substring(colon);
            named |= head.endsWith(".network") || NetworkMode.isNetworkName(head);
            if (head.endsWith(".network")) {
                Definition network = all.require(section, entry, head, DefinitionKind.NETWORK);
                unit.requires(network.serviceName());
                value = NetworkConverter.networkName(network) + rest;
            } else if (head.endsWith(".container")) {
                Definition container = all.require(section, entry, head, DefinitionKind.CONTAINER);
                unit.requires(container.serviceName());
                value = "container:" + container.last(SECTION, "ContainerName").map(UnitFile.Located::value)
                        .orElse("systemd-" + container.base());
            }
            args.addAll(List.of("--network", value));
        }
        if (named) {
            unit.unit("Wants", NetworkUnits.DNS).unit("Before", NetworkUnits.DNS);
            if (tools.rootless()) {
                unit.unit("Wants", NetworkUnits.HOLDER).unit("After", NetworkUnits.HOLDER);
            }
        }
    }

    /** Volume=data.volume:/data names that file's volume (and needs its service). */
    static void volumes(Definition definition, DefinitionSet all, ServiceUnit unit, List<String> args) {
        String section = definition.kind().section();
        for (UnitFile.Located entry : definition.entries(section)) {
            if (!entry.key().equals("Volume") || entry.value().isEmpty()) {
                continue;
            }
            String value = entry.value();
            int colon = value.indexOf(':');
            String source = colon < 0 ? value : value.substring(0, colon);
            if (source.endsWith(".volume")) {
                Definition volume = all.require(section, entry, source, DefinitionKind.VOLUME);
                unit.requires(volume.serviceName());
                value = VolumeConverter.volumeName(volume) + (colon < 0 ? "" : value.substring(colon));
            }
            args.addAll(List.of("--volume", value));
        }
    }

    /**
     * Notify=true: the workload says when it is ready (the socket is passed in, so any process of the unit may
     * notify); healthy: the monitor does, after the first passed check. Otherwise the monitor does once the
     * container runs, and NotifyAccess=exec also takes the messages of the create in ExecStartPre=, which asks
     * for more time while it pulls (EXTEND_TIMEOUT_USEC), but none from the container's processes.
     */
    private static void notify(Definition definition, ServiceUnit unit, List<String> create) {
        Optional<UnitFile.Located> notify = definition.last(SECTION, "Notify").filter(e -> !e.value().isEmpty());
        if (notify.isPresent() && notify.get().value().equals("healthy")) {
            create.addAll(List.of("--sdnotify", "healthy"));
        } else if (notify.isPresent() && KEYS.bool(notify.get())) {
            create.addAll(List.of("--sdnotify", "container"));
            unit.service("NotifyAccess", "all");
            return;
        }
        unit.service("NotifyAccess", "exec");
    }

    /**
     * A container whose output is the unit's (LogDriver=passthrough or journald) is handed over to systemd once it
     * runs (see dev.vaina.launch.HandOver): systemd's stop signal then reaches the container's init itself, so it is
     * StopSignal=. (An image's own STOPSIGNAL is not known here: without StopSignal= it is SIGTERM.)
     */
    private static void killSignal(Definition definition, ServiceUnit unit) {
        boolean unitOutput = definition.last(SECTION, "LogDriver")
                .map(e -> e.value().equals("passthrough") || e.value().equals("journald")).orElse(false);
        definition.last(SECTION, "StopSignal").filter(e -> unitOutput)
                .ifPresent(e -> unit.service("KillSignal", Signals.name(Signals.parse(e.value()))));
    }

    private static int stopTimeout(Definition definition, List<String> create) {
        Optional<UnitFile.Located> timeout = definition.last(SECTION, "StopTimeout");
        if (timeout.isEmpty()) {
            return DEFAULT_STOP_TIMEOUT;
        }
        try {
            int seconds = Integer.parseInt(timeout.get().value());
            if (seconds < 0) {
                throw new NumberFormatException();
            }
            create.addAll(List.of("--stop-timeout", Integer.toString(seconds)));
            return seconds;
        } catch (NumberFormatException e) {
            throw DefinitionException.at(SECTION, timeout.get(), "not a number of seconds");
        }
    }

    /** ReloadCmd= runs a command in the container, ReloadSignal= signals it: `systemctl reload`. */
    private static void reload(Definition definition, Tools tools, List<String> global, String name, ServiceUnit unit) {
        Optional<UnitFile.Located> command = definition.last(SECTION, "ReloadCmd");
        Optional<UnitFile.Located> signal = definition.last(SECTION, "ReloadSignal");
        if (command.isPresent() && signal.isPresent()) {
            throw DefinitionException.at(SECTION, signal.get(), "ReloadCmd= and ReloadSignal= exclude each other");
        }
        List<String> reload = new ArrayList<>(List.of(tools.cli().toString()));
        reload.addAll(global);
        if (command.isPresent()) {
            reload.addAll(List.of("exec", name));
            reload.addAll(KEYS.words(command.get()));
        } else if (signal.isPresent()) {
            try {
                Signals.parse(signal.get().value());
            } catch (IllegalArgumentException e) {
                throw DefinitionException.at(SECTION, signal.get(), e.getMessage());
            }
            reload.addAll(List.of("kill", "--signal", signal.get().value(), name));
        } else {
            return;
        }
        unit.command("ExecReload", "", reload);
    }
}
