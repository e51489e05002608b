package dev.vaina.cli.pods;

import dev.vaina.cli.common.Context;
import dev.vaina.cli.common.ContextCommand;
import dev.vaina.cli.common.ExitCodes;
import dev.vaina.cli.common.PodmanJson;
import dev.vaina.store.ContainerRecord;
import dev.vaina.store.PodRecord;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** `vaina pod inspect`: a pod's configuration and state as JSON, in Podman's shape. */
@Command(name = "inspect", description = "Show the configuration and state of pods as JSON.")
final class PodInspectCommand extends ContextCommand {
    @Parameters(arity = "1..*", paramLabel = "POD")
    List<String> names;

    @Override
    protected int execute(Context context) throws Exception {
        List<Map<String, Object>> found = new ArrayList<>();
        int exit = 0;
        for (String name : names) {
            Optional<PodRecord> pod = context.engine().podStore().lookup(name);
            if (pod.isPresent()) {
                found.add(describe(context, pod.get()));
            } else {
                err().println("Error: inspecting object: no such pod " + name);
                exit = ExitCodes.ENGINE;
            }
        }
        // One pod prints as an object, as Podman 4 prints it; several as an array.
        out().println(PodmanJson.INSPECT.format(found.size() == 1 && names.size() == 1 ? found.get(0) : found));
        out().flush();
        err().flush();
        return exit;
    }

    static Map<String, Object> describe(Context context, PodRecord pod) throws java.io.IOException {
        List<ContainerRecord> containers = context.engine().podContainers().of(pod);
        List<String> states = context.engine().podContainers().states(containers);
        List<Map<String, Object>> members = new ArrayList<>();
        for (int i = 0; i < containers.size(); i++) {
            Map<String, Object> member = new LinkedHashMap<>();
            member.put("Id", containers.get(i).id());
            member.put("Name", containers.get(i).name());
            member.put("State", states.get(i));
            members.add(member);
        }
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("Id", pod.id());
        map.put("Name", pod.name());
        map.put("Created", pod.created());
        map.put("ExitPolicy", pod.exitPolicy());
        map.put("State", dev.vaina.engine.PodStatus.of(states));
        map.put("Hostname", pod.shares("uts") ? (pod.hostname() != null ? pod.hostname() : pod.name()) : "");
        map.put("Labels", pod.labels());
        if (pod.slice() != null) {
            map.put("CreateCgroup", true);
            map.put("CgroupParent", SlicePath.parent(pod.slice()));
            map.put("CgroupPath", SlicePath.of(pod.slice()));
        }
        map.put("CreateInfra", pod.hasInfra());
        if (pod.hasInfra()) {
            map.put("InfraContainerID", pod.infraId());
        }
        map.put("SharedNamespaces", pod.shared());
        map.put("NumContainers", containers.size());
        map.put("Containers", members);
        putLimitsAndMounts(pod, map);
        map.put("SystemdUnit", pod.unit());
        return map;
    }

    /** What Podman prints after the containers, each only when set: the pod's CPU and memory limits, its volumes. */
    private static void putLimitsAndMounts(PodRecord pod, Map<String, Object> map) {
        if (pod.limits().effectiveCpuQuota() != null) {
            map.put("cpu_period", pod.limits().effectiveCpuPeriod());
            map.put("cpu_quota", pod.limits().effectiveCpuQuota());
        }
        if (!pod.volumes().isEmpty()) {
            List<Map<String, Object>> mounts = new ArrayList<>();
            for (var volume : pod.volumes()) {
                Map<String, Object> mount = new LinkedHashMap<>();
                mount.put("Type", "bind");
                mount.put("Source", volume.source());
                mount.put("Destination", volume.destination());
                mount.put("Driver", "");
                mount.put("Mode", "");
                mount.put("Options", List.of("rbind"));
                mount.put("RW", !volume.options().contains("ro"));
                mount.put("Propagation", "rprivate");
                mounts.add(mount);
            }
            map.put("mounts", mounts);
        }
        if (pod.limits().memory() != null) {
            map.put("memory_limit", pod.limits().memory());
            map.put("memory_swap", pod.limits().effectiveMemorySwap());
        }
    }
}
