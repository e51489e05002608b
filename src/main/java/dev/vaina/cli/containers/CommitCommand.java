package dev.vaina.cli.containers;

import dev.vaina.cli.common.Context;
import dev.vaina.cli.common.ContextCommand;
import dev.vaina.cli.common.CommandFailedException;
import dev.vaina.cli.common.ExitCodes;

import dev.vaina.engine.ContainerFileSystem;
import dev.vaina.engine.Pausing;
import dev.vaina.image.ImageCommit;
import dev.vaina.image.ImageRecord;
import dev.vaina.spec.ImageChanges;
import dev.vaina.spec.ImageConfig;
import dev.vaina.spec.ImageReference;
import dev.vaina.spec.InvalidSpecException;
import dev.vaina.store.ContainerRecord;
import dev.vaina.store.Event;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * `vaina commit`: a new image whose top layer is what the container changed, and whose config is its image's
 * with the container's command, environment, working directory and user, then the --change instructions.
 */
@Command(name = "commit", description = "Create a new image from a container's changes.")
public final class CommitCommand extends ContextCommand {
    @Option(names = {"-c", "--change"}, paramLabel = "INSTRUCTION",
            description = "Apply a Dockerfile instruction: CMD, ENTRYPOINT, ENV, EXPOSE, LABEL, USER, WORKDIR, STOPSIGNAL.")
    List<String> changes = new ArrayList<>();

    @Option(names = {"-m", "--message"}, paramLabel = "TEXT", description = "The comment of the new layer's history entry.")
    String message;

    @Option(names = {"-a", "--author"}, paramLabel = "AUTHOR", description = "The image's author.")
    String author;

    @Option(names = {"-p", "--pause"}, description = "Pause a running container while its changes are read.")
    boolean pause;

    @Option(names = {"-q", "--quiet"}, description = "Accepted for compatibility: commit prints only the image ID anyway.")
    boolean quiet;

    @Option(names = {"-f", "--format"}, paramLabel = "oci|docker", description = "Accepted for compatibility: the image is stored as OCI.")
    String format;

    @Parameters(index = "0", paramLabel = "CONTAINER")
    String container;

    @Parameters(index = "1", arity = "0..1", paramLabel = "IMAGE")
    String image;

    @Override
    protected int execute(Context context) throws Exception {
        ContainerRecord record = context.containers().find(container);
        ImageReference reference;
        ImageChanges changed;
        try {
            reference = image == null ? null : ImageReference.parse(image, ImageReference.LOCAL_REGISTRY);
            changed = ImageChanges.apply(withContainer(record), changes);
        } catch (InvalidSpecException e) {
            throw new CommandFailedException(ExitCodes.ENGINE, e.getMessage());
        }
        ImageRecord base = context.images().find(record.imageId()).orElseThrow(() -> new CommandFailedException(
                ExitCodes.ENGINE, "the image of container " + record.name() + " (" + record.imageName() + ") was removed"));
        ImageCommit.Request request = new ImageCommit.Request(changed.config(), changed.labels(), author,
                message != null ? message : "FROM " + record.imageName(), String.join(" ", record.args()), reference);
        Pausing pausing = context.engine().pausing();
        boolean paused = pause && context.containers().state(record.id()).isRunning() && !pausing.isFrozen(record);
        if (paused) {
            pausing.pause(record);
        }
        ImageRecord committed;
        try {
            ContainerFileSystem files = context.engine().containers().fileSystem(record);
            committed = ImageCommit.create(context.images(), base, files.upper(), files.runtimeMountPoints(), request);
        } finally {
            if (paused) {
                pausing.unpause(record);
            }
        }
        context.engine().record(Event.container("commit", record));
        out().println(committed.id());
        out().flush();
        return 0;
    }

    /** The image's config with what the container was created with over it. */
    private static ImageConfig withContainer(ContainerRecord record) {
        ImageConfig image = record.imageConfig();
        var given = record.config();
        List<String> env = new ArrayList<>(image.env());
        for (Map.Entry<String, String> entry : given.env().entrySet()) {
            env.removeIf(e -> e.startsWith(entry.getKey() + "="));
            env.add(entry.getKey() + "=" + entry.getValue());
        }
        return new ImageConfig(env, given.entrypoint() != null ? given.entrypoint() : image.entrypoint(),
                !given.command().isEmpty() ? given.command() : image.cmd(),
                given.workingDir() != null ? given.workingDir() : image.workingDir(),
                given.user() != null ? given.user() : image.user(), image.stopSignal(), image.exposedPorts(),
                image.healthCheck(), image.volumes());
    }
}
