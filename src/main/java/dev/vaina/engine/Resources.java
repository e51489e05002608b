package dev.vaina.engine;

import dev.vaina.oci.CgroupLayout;
import dev.vaina.spec.FileBytes;
import dev.vaina.spec.Instants;
import dev.vaina.store.ContainerRecord;
import dev.vaina.store.ContainerState;
import dev.vaina.store.OwnProcess;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What a running container's processes are (`top`) and what they use (`stats`), read from /proc and the
 * container's cgroup: no runtime call, no process started.
 */
public final class Resources {
    static final String NOT_RUNNING_TOP = "top can only be used on running containers";

    private final Engine engine;

    Resources(Engine engine) {
        this.engine = engine;
    }

    /** Every process in the container's PID namespace, the container's init first. */
    public List<ContainerProcess> processes(ContainerRecord record) throws IOException {
        long init = runningInit(record);
        if (init <= 0) {
            throw new EngineException(NOT_RUNNING_TOP);
        }
        return ProcessTable.inNamespaceOf(init);
    }

    /**
     * Rootless on cgroup v1 the runtime cannot create cgroups, so a container has no controllers of its
     * own to read: refuse, as Podman does, rather than show numbers that are not the container's.
     */
    public void requireStats() {
        requireStats("stats");
    }

    /** @param verb the command, as the refusal names it ("stats", "pod stats") */
    public void requireStats(String verb) {
        if (engine.layout().rootless() && CgroupLayout.detect().mode() != CgroupLayout.Mode.UNIFIED) {
            throw new EngineException(verb + " is not supported in rootless mode without cgroups v2");
        }
    }

    /** The container's use now; {@link ResourceUsage#NONE} when it does not run. */
    public ResourceUsage usage(ContainerRecord record) throws IOException {
        requireStats();
        long init = runningInit(record);
        if (init <= 0) {
            return ResourceUsage.NONE;
        }
        ContainerState state = engine.store().state(record.id());
        Duration uptime = Instants.between(Instants.parse(state.startedAt()), Instant.now());
        return CgroupStats.read(ContainerCgroup.of(init), init, uptime);
    }

    private long runningInit(ContainerRecord record) throws IOException {
        ContainerState state = Liveness.reconcile(engine.store(), record);
        long pid = ContainerPid.read(engine.layout(), record.id());
        return state.isRunning() && pid > 0 && OwnProcess.exists(pid) ? pid : 0;
    }

    /** Lines of a /proc or cgroup file, none when it is missing. */
    static List<String> lines(Path file) throws IOException {
        try {
            return new ArrayList<>(Arrays.asList(FileBytes.lines(file)));
        } catch (java.nio.file.NoSuchFileException e) {
            return new ArrayList<>();
        }
    }
}
