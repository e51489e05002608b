package dev.vaina.engine;

import dev.vaina.image.ImageRecord;
import dev.vaina.spec.ContainerConfig;
import dev.vaina.spec.NetworkConfig;
import dev.vaina.spec.PodConfig;
import dev.vaina.store.ContainerRecord;
import dev.vaina.store.PodRecord;
import java.io.IOException;
import java.util.List;

/**
 * `pod clone`: a new pod made from what an existing one was made with (its infra container's image, command
 * and network, its shared namespaces, labels, volumes, limits and slice's parent) with a clone of each member.
 * Clones get their source's name with "-clone" (and a number when that is taken), as Podman names them.
 */
final class PodClones {
    private final Engine engine;

    PodClones(Engine engine) {
        this.engine = engine;
    }

    PodRecord cloneOf(PodRecord source, String name) throws IOException {
        Pods pods = engine.pods();
        List<ContainerRecord> containers = engine.podContainers().of(source);
        ContainerRecord infra = containers.stream().filter(ContainerRecord::infra).findFirst().orElse(null);
        ImageRecord infraImage = infra == null || infra.imageName().equals(PauseImage.NAME) ? null
                : engine.images().require(infra.imageId());
        List<String> infraCommand = infra == null || infra.config().command().isEmpty() ? null : infra.config().command();
        PodConfig config = new PodConfig(name != null ? name : freeName(source.name(), engine.podStore()::nameTaken),
                source.labels(), source.hasInfra(), null, infraCommand, infraImage == null ? null : infra.imageName(),
                source.shared(), source.hostname(), source.exitPolicy(), source.volumes(), parentOf(source.slice()),
                source.shareParent(), source.limits());
        PodRecord clone = pods.create(config, infraImage, infraImage == null ? null : infra.imageName(),
                infra == null ? NetworkConfig.DEFAULT : infra.config().network());
        try {
            for (ContainerRecord member : containers) {
                if (!member.infra()) {
                    pods.createMember(clone, freeName(member.name(), engine.store()::nameTaken),
                            engine.images().require(member.imageId()), member.imageName(), asMemberOf(member, clone));
                }
            }
        } catch (IOException | RuntimeException e) {
            pods.remove(clone, true, null);
            throw e;
        }
        return clone;
    }

    /**
     * What a member was made with, before its pod fixed it: its pod's host name and network (the infra
     * container's namespace), which the clone's pod fixes again.
     */
    private static ContainerConfig asMemberOf(ContainerRecord member, PodRecord pod) {
        ContainerConfig config = member.config();
        NetworkConfig network = config.network();
        boolean joined = network.networkMode().kind() == dev.vaina.spec.NetworkMode.Kind.CONTAINER;
        NetworkConfig own = !joined ? network : network.joining(null);
        return config.toBuilder().hostname(pod.shares("uts") ? null : config.hostname()).network(own).build();
    }

    /** The slice --cgroup-parent named, from the pod's slice (PARENT-pod_ID.slice); null for the default. */
    private static String parentOf(String slice) {
        if (slice == null) {
            return null;
        }
        int pod = slice.lastIndexOf("pod_");
        String parent = pod == 0 ? "-.slice" : slice.substring(0, pod - 1) + ".slice";
        return parent.equals("vaina.slice") ? null : parent;
    }

    interface NameTaken {
        boolean test(String name) throws IOException;
    }

    /** NAME-clone, or NAME-cloneN; a clone of a clone counts on from its source's name rather than growing. */
    private static String freeName(String name, NameTaken taken) throws IOException {
        name = name.replaceFirst("-clone\\d*$", "");
        String candidate = name + "-clone";
        for (int i = 1; taken.test(candidate); i++) {
            candidate = name + "-clone" + i;
        }
        return candidate;
    }
}
