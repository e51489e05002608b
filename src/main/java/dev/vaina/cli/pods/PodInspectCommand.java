package dev.vaina.cli.pods;

import dev.vaina.cli.Context;
import dev.vaina.cli.ContextCommand;
import dev.vaina.cli.ExitCodes;
import dev.vaina.cli.PodmanJson;
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
        List<ContainerRecord> containers = context.engine().pods().containers(pod);
        List<String> states = context.engine().pods().containerStates(containers);
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
        map.put("CreateInfra", pod.hasInfra());
        if (pod.hasInfra()) {
            map.put("InfraContainerID", pod.infraId());
        }
        map.put("SharedNamespaces", pod.shared());
        map.put("NumContainers", containers.size());
        map.put("Containers", members);
        map.put("SystemdUnit", pod.unit());
        return map;
    }
}
