package dev.vaina.engine;

import dev.vaina.image.ImageRecord;
import dev.vaina.image.ImageStore;
import dev.vaina.spec.ImageReference;
import dev.vaina.spec.KeyOrder;
import dev.vaina.spec.Named;
import dev.vaina.store.ContainerRecord;
import dev.vaina.store.CreateArguments;
import dev.vaina.store.PodRecord;
import dev.vaina.systemd.JobResult;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * `vaina auto-update`: running containers labelled io.containers.autoupdate=registry (the registry has another
 * image under the container's image name) or =local (the local store has) are moved to the new image, and their
 * unit restarted. A unit that vaina wrote for a container made with the CLI would start the same container
 * again, so vaina makes the container anew on the new image (same name, same configuration) and starts it; a
 * unit of a definition file (or of `generate systemd --new`) makes its container at each start, so restarting it
 * is enough. When the new image fails to start and rollback is on, the old image gets its name back and the
 * container runs on it again.
 */
public final class AutoUpdate {
    public static final String LABEL = "io.containers.autoupdate";
    public static final String REGISTRY = "registry";
    public static final String LOCAL = "local";

    /** Where new images come from: the registry's side, which the CLI's registry options reach. */
    public interface ImageSource {
        /** The digest of the manifest the registry holds under the image's name now. */
        String remoteDigest(String imageName) throws IOException;

        /** Pulls the image's name; the store then gives the name to the pulled image. */
        ImageRecord pull(String imageName) throws IOException;
    }

    /**
     * One container's outcome, as Podman's columns: its unit, the container, its image, its policy, and
     * "true", "false", "pending" (dry run), "failed" or "rolled back".
     */
    public record Report(String unit, String containerId, String containerName, String image, String policy,
            String updated) {
    }

    /** The reports, and the failures that are not a container's own outcome (a bad policy, an unreachable registry). */
    public record Outcome(List<Report> reports, List<String> errors) {
    }

    private final Engine engine;

    AutoUpdate(Engine engine) {
        this.engine = engine;
    }

    public Outcome run(ImageSource source, boolean dryRun, boolean rollback) throws IOException {
        List<Report> reports = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        Map<String, Boolean> newer = new HashMap<>();
        List<ContainerRecord> candidates = new ArrayList<>(engine.store().list());
        candidates.sort(KeyOrder.by(ContainerRecord::unit).thenBy(Named.BY_NAME));
        for (ContainerRecord record : candidates) {
            String policy = record.config().labels().get(LABEL);
            if (policy == null || !Liveness.reconcile(engine.store(), record).isRunning()) {
                continue;
            }
            if (!policy.equals(REGISTRY) && !policy.equals(LOCAL)) {
                errors.add("container " + record.name() + ": invalid auto-update policy \"" + policy + "\" in its "
                        + LABEL + " label: use registry or local");
                continue;
            }
            try {
                // Containers of one image are checked once: a registry is asked once per image.
                String image = policy + " " + record.imageName() + " " + record.imageId();
                Boolean changed = newer.get(image);
                if (changed == null) {
                    changed = changed(record, policy, source);
                    newer.put(image, changed);
                }
                String updated = !changed ? "false" : dryRun ? "pending" : update(record, policy, source, rollback);
                reports.add(new Report(record.unit(), record.id(), record.name(), record.imageName(), policy, updated));
            } catch (IOException | RuntimeException e) {
                errors.add("container " + record.name() + ": " + e.getMessage());
                reports.add(new Report(record.unit(), record.id(), record.name(), record.imageName(), policy, "failed"));
            }
        }
        return new Outcome(reports, errors);
    }

    /** Whether a newer image is there: at the registry, or in the local store under the container's image name. */
    private boolean changed(ContainerRecord record, String policy, ImageSource source) throws IOException {
        ImageStore images = engine.images();
        if (policy.equals(LOCAL)) {
            return images.find(record.imageName()).map(image -> !image.id().equals(record.imageId())).orElse(false);
        }
        String digest = source.remoteDigest(record.imageName());
        Optional<ImageRecord> current = images.find(record.imageId());
        return current.isEmpty() || current.get().repoDigests().stream().noneMatch(d -> d.endsWith("@" + digest));
    }

    private String update(ContainerRecord record, String policy, ImageSource source, boolean rollback)
            throws IOException {
        ImageStore images = engine.images();
        ImageRecord previous = images.find(record.imageId()).orElseThrow(() -> new EngineException(
                "the image of container " + record.name() + " (" + record.imageId() + ") is gone from the store"));
        ImageRecord next = policy.equals(REGISTRY) ? source.pull(record.imageName())
                : images.find(record.imageName()).orElseThrow();
        if (restart(record, next)) {
            return "true";
        }
        if (!rollback) {
            return "failed";
        }
        engine.log().warn("container " + record.name() + " did not start on image " + next.id()
                + ": rolling back to image " + previous.id());
        images.tag(previous, ImageReference.parse(record.imageName(), ImageReference.LOCAL_REGISTRY));
        if (!restart(engine.store().lookup(record.name()).orElse(record), previous)) {
            throw new EngineException("container " + record.name() + " did not start on its previous image "
                    + previous.id() + " either");
        }
        return "rolled back";
    }

    /** Runs the container's unit on {@code image}; false when it did not start. */
    private boolean restart(ContainerRecord record, ImageRecord image) throws IOException {
        if (!ownUnit(record)) {
            JobResult result = engine.systemd().restartUnit(record.unit());
            return result.succeeded();
        }
        Optional<CreateArguments> arguments = engine.store().createArguments(record);
        Containers containers = engine.containers();
        containers.remove(record, true, null);
        PodRecord pod = record.inPod() ? engine.podStore().read(record.pod()) : null;
        CreateCompletion keepArguments = created -> {
            if (arguments.isPresent()) {
                engine.store().saveCreateArguments(created, arguments.get());
            }
        };
        ContainerRecord fresh = pod == null
                ? containers.create(record.name(), image, record.imageName(), record.config(), null, keepArguments)
                : engine.pods().createMember(pod, record.name(), image, record.imageName(), record.config(), null,
                        keepArguments);
        try {
            containers.start(fresh);
            return true;
        } catch (StartFailedException e) {
            engine.log().warn("container " + record.name() + " did not start on image " + image.id() + ": "
                    + e.getMessage());
            return false;
        }
    }

    /**
     * Whether the container's unit is the one vaina writes for CLI-made containers, which starts the same
     * container; otherwise (a definition file's, an installed `generate systemd --new` unit) the unit makes its
     * container itself at each start.
     */
    private boolean ownUnit(ContainerRecord record) {
        return !engine.generatedUnit(record.unit()) && Files.exists(ContainerUnitFiles.path(engine, record));
    }
}
