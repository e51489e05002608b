package dev.vaina.engine;

import dev.vaina.store.ContainerRecord;
import dev.vaina.store.ContainerState;
import dev.vaina.store.PodRecord;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Which containers are a pod's, as the store records them, and their states: what pods' verbs read. */
public final class PodContainers {
    private static final String PAUSED = "paused";

    private final Engine engine;

    PodContainers(Engine engine) {
        this.engine = engine;
    }

    /** The pod's containers, the infra container first, then the members by creation time. */
    public List<ContainerRecord> of(PodRecord pod) throws IOException {
        List<ContainerRecord> members = engine.store().inPod(pod.id());
        members.sort(new InfraFirst());
        return members;
    }

    /**
     * Every pod's containers, each pod's in {@link #of}'s order, from one reading of the store: for a command that
     * shows every pod, which would otherwise read every container once per pod.
     */
    public Members byPod() throws IOException {
        Map<String, List<ContainerRecord>> byPod = new HashMap<>();
        for (ContainerRecord record : engine.store().inPods()) {
            List<ContainerRecord> members = byPod.get(record.pod());
            if (members == null) {
                members = new ArrayList<>();
                byPod.put(record.pod(), members);
            }
            members.add(record);
        }
        for (List<ContainerRecord> members : byPod.values()) {
            members.sort(new InfraFirst());
        }
        return new Members(byPod);
    }

    /** The containers of pods, read once ({@link #byPod}). */
    public static final class Members {
        private final Map<String, List<ContainerRecord>> byPod;

        private Members(Map<String, List<ContainerRecord>> byPod) {
            this.byPod = byPod;
        }

        /** The pod's containers, as {@link PodContainers#of} gives them. */
        public List<ContainerRecord> of(PodRecord pod) {
            List<ContainerRecord> members = byPod.get(pod.id());
            return members != null ? members : List.of();
        }
    }

    /** The pod's state as Podman computes it from its containers' states. */
    public String status(PodRecord pod) throws IOException {
        return PodStatus.of(states(of(pod)));
    }

    /** Each container's state (created, running, paused, exited), in the order given. */
    public List<String> states(List<ContainerRecord> containers) throws IOException {
        List<String> states = new ArrayList<>();
        Pausing pausing = engine.pausing();
        for (ContainerRecord record : containers) {
            String state = Liveness.reconcile(engine.store(), record).status();
            states.add(ContainerState.RUNNING.equals(state) && pausing.isPaused(record) ? PAUSED : state);
        }
        return states;
    }

    /**
     * The infra container first, then by creation time. A class of its own: {@code Comparator.comparing}'s lambdas
     * are the JDK's, which the archive does not hold, and each was spun at every pod start, stop, rm and ps.
     */
    private static final class InfraFirst implements Comparator<ContainerRecord> {
        @Override
        public int compare(ContainerRecord a, ContainerRecord b) {
            if (a.infra() != b.infra()) {
                return a.infra() ? -1 : 1;
            }
            return a.created().compareTo(b.created());
        }
    }
}
