package dev.vaina.unit.definition;

import dev.vaina.spec.PortMapping;
import dev.vaina.unit.PodSlices;
import dev.vaina.unit.UnitFile;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * web.pod -> pod-web.service, a pod unit as the CLI makes them: its main process is the infra container's
 * monitor, and its members (Pod=web.pod) are bound to it. Starting it creates the pod afresh (vaina pod create
 * --replace --unit %n) and wants every member that starts with it; the pod stays, stopped, until the next start
 * replaces it, while its members, removed when they stop, go.
 */
final class PodConverter {
    private static final String SECTION = "Pod";
    private static final int STOP_MARGIN_SECONDS = 5;
    private static final int DEFAULT_STOP_TIMEOUT = 10;

    static final KeyTable KEYS = new KeyTable(SECTION)
            .handled("PodName", "ServiceName", "Network", "Volume", "PodmanArgs", "GlobalArgs", "StopTimeout",
                    "ExitPolicy")
            .checked("PublishPort", "--publish", PortMapping::parse)
            .words("Label", "--label")
            .value("HostName", "--hostname")
            .value("AddHost", "--add-host")
            .value("DNS", "--dns")
            .value("DNSSearch", "--dns-search")
            .value("DNSOption", "--dns-option")
            .value("NetworkAlias", "--network-alias")
            .value("IP", "--ip")
            .value("IP6", "--ip6")
            .value("UserNS", "--userns")
            .value("ShmSize", "--shm-size")
            .value("UIDMap", "--uidmap")
            .value("GIDMap", "--gidmap")
            .value("SubUIDMap", "--subuidname")
            .value("SubGIDMap", "--subgidname");

    private PodConverter() {
    }

    /** PodName=, or systemd-BASE as Quadlet names pods. */
    static String podName(Definition pod) {
        return pod.last(SECTION, "PodName").map(UnitFile.Located::value).orElse("systemd-" + pod.base());
    }

    static UnitFile convert(Definition definition, DefinitionSet all, Tools tools) {
        ServiceUnit unit = new ServiceUnit(definition, all, tools);
        List<String> global = ExtraArgs.globalArgs(definition, KEYS);
        String name = podName(definition);
        String infra = name + "-infra";

        List<String> create = new ArrayList<>(List.of(tools.cli().toString()));
        create.addAll(global);
        create.addAll(List.of("pod", "create", "--replace", "--unit", "%n", "--infra-name", infra, "--name", name));
        KEYS.apply(definition, create);
        ContainerConverter.networks(definition, all, unit, create, tools);
        ContainerConverter.volumes(definition, all, unit, create);
        List<String> extra = ExtraArgs.podmanArgs(definition, KEYS, VainaOptions.POD_CREATE, "pod create");
        create.addAll(extra);
        exitPolicy(definition, unit, create);
        for (Definition member : all.startingWith(definition)) {
            unit.unit("Wants", member.serviceName()).unit("Before", member.serviceName());
        }

        List<String> launcher = new ArrayList<>(List.of(tools.launcher().toString()));
        launcher.addAll(ExtraArgs.forLauncher(global));
        launcher.add("start");
        launcher.add(infra);
        List<String> cleanup = new ArrayList<>(List.of(tools.launcher().toString()));
        cleanup.addAll(ExtraArgs.forLauncher(global));
        cleanup.add("cleanup");
        cleanup.add(infra);
        unit.service("KillMode", "mixed")
                .service("Delegate", "yes")
                .service("Type", "notify")
                // The monitor's READY=1, and the pod create's EXTEND_TIMEOUT_USEC while it pulls the infra image.
                .service("NotifyAccess", "exec")
                .service("SyslogIdentifier", "%N")
                .service("TimeoutStopSec", Integer.toString(stopTimeout(definition) + STOP_MARGIN_SECONDS))
                // The pod's limits (PodmanArgs=--memory, ...) hold on its slice, which the pod create writes.
                .service("Slice", slice(definition, extra))
                .command("ExecStartPre", "", create)
                .command("ExecStart", "", launcher)
                .command("ExecStopPost", "-", cleanup);
        return unit.build();
    }

    /** The pod's slice, where its infra container runs (and its members, unless --share-parent=false). */
    private static String slice(Definition definition, List<String> extra) {
        String parent = ExtraArgs.valueOf(extra, "--cgroup-parent", false);
        if (parent != null && !parent.matches("[a-zA-Z0-9:_.\\-]+\\.slice")) {
            throw DefinitionException.of(definition.path().toString(), "PodmanArgs=--cgroup-parent " + parent
                    + ": the pod's slice goes in a systemd slice, NAME.slice");
        }
        return PodSlices.byName(parent, podName(definition));
    }

    /** The slice a member of the pod runs in (Pod=), or null when the pod keeps its members out of it. */
    static String memberSlice(Definition pod) {
        List<String> extra = ExtraArgs.podmanArgs(pod, KEYS, VainaOptions.POD_CREATE, "pod create");
        return "false".equals(ExtraArgs.valueOf(extra, "--share-parent", true)) ? null : slice(pod, extra);
    }

    /** ExitPolicy=stop: the pod's unit stops once no member, each bound to it, runs (as the CLI's pod units). */
    private static void exitPolicy(Definition definition, ServiceUnit unit, List<String> create) {
        Optional<UnitFile.Located> policy = definition.last(SECTION, "ExitPolicy").filter(e -> !e.value().isEmpty());
        if (policy.isEmpty()) {
            return;
        }
        switch (policy.get().value()) {
            case "stop" -> unit.unit("StopWhenUnneeded", "yes");
            case "continue" -> {
            }
            default -> throw DefinitionException.at(SECTION, policy.get(), "the exit policy is continue or stop");
        }
        create.addAll(List.of("--exit-policy", policy.get().value()));
    }

    /** The infra container holds only the pause process: the time the unit allows for its stop. */
    private static int stopTimeout(Definition definition) {
        Optional<UnitFile.Located> timeout = definition.last(SECTION, "StopTimeout");
        if (timeout.isEmpty()) {
            return DEFAULT_STOP_TIMEOUT;
        }
        try {
            int seconds = Integer.parseInt(timeout.get().value());
            if (seconds >= 0) {
                return seconds;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw DefinitionException.at(SECTION, timeout.get(), "not a number of seconds");
    }
}
