package dev.vaina.cli.containers;

import dev.vaina.cli.common.CommandFailedException;
import dev.vaina.cli.common.ExitCodes;
import dev.vaina.cli.images.ImageUse;
import dev.vaina.cli.common.Context;
import dev.vaina.cli.common.ContextCommand;
import dev.vaina.engine.Containers;
import dev.vaina.image.ImageRecord;
import dev.vaina.image.ImageStore;
import dev.vaina.spec.InvalidSpecException;
import dev.vaina.store.ContainerRecord;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** `vaina run`: create a container and start it, attached or detached. */
@Command(name = "run", description = "Run a command in a new container.")
public final class RunCommand extends ContextCommand {
    @Mixin
    ContainerOptions options;

    @Option(names = {"-d", "--detach"}, description = "Run in the background and print the container ID.")
    boolean detach;

    @Option(names = {"-a", "--attach"}, paramLabel = "STREAM", description = "Attach to stdin, stdout or stderr only (default: all).")
    List<String> attach = new ArrayList<>();

    @Mixin
    AttachOptions attachOptions;

    @Option(names = "--rmi", description = "Remove the image once the container has exited, unless another container uses it (implies --rm).")
    boolean rmi;

    @Override
    protected int execute(Context context) throws Exception {
        if (rmi && detach) {
            throw new CommandFailedException(ExitCodes.ENGINE,
                    "the --rmi option needs run to wait for the container: it does not work with --detach");
        }
        for (String stream : attach) {
            if (!List.of("stdin", "stdout", "stderr").contains(stream)) {
                throw new CommandFailedException(ExitCodes.ENGINE, "invalid stream \"" + stream
                        + "\" for --attach - must be one of stdin, stdout, or stderr: invalid argument");
            }
        }
        try {
            attachOptions.detachKeys(); // refused before anything is made
        } catch (InvalidSpecException e) {
            // Podman's run fails with 126 here (it checks the keys only when it attaches)
            throw new CommandFailedException(ExitCodes.CANNOT_INVOKE, e.getMessage());
        }
        options.rm |= rmi;
        // Its unit is started once the container is made: the connection is ready by then.
        context.engine().connectSystemdAhead();
        Containers containers = context.engine().containers();
        ContainerRecord record = CreateCommand.create(context, containers, options, err());
        CreateCommand.recordArguments(context, record, givenOptions(), options, err());
        Attachment attachment = new Attachment(context, containers, record, out(), err())
                .showing(attach.isEmpty() || attach.contains("stdout"), attach.isEmpty() || attach.contains("stderr"));
        if (!detach) {
            attachment.with(attachOptions);
        }
        // Without a log file to follow (--log-driver none, passthrough), output comes through the attach socket.
        boolean attachStreams = !detach && (options.process.tty || options.process.interactive
                || !record.config().log().readable());
        try {
            if (attachStreams) {
                attachment.startAndAttach();
            } else {
                containers.start(record, detach && options.rm);
            }
        } catch (RuntimeException | java.io.IOException e) {
            // A run that did not start leaves nothing behind.
            containers.discard(record);
            throw e;
        }
        if (detach) {
            out().println(record.id());
            return 0;
        }
        boolean stdin = options.process.interactive && (attach.isEmpty() || attach.contains("stdin"));
        int exit = attachStreams ? attachment.relayUntilExit(stdin) : attachment.untilExit();
        if (rmi) {
            removeImage(context, record);
        }
        return exit;
    }

    /** --rmi: the container's image goes too, unless another container still uses it. */
    private void removeImage(Context context, ContainerRecord record) throws java.io.IOException {
        ImageStore images = context.images();
        ImageRecord image = images.list().stream().filter(i -> i.id().equals(record.imageId())).findFirst().orElse(null);
        if (image == null) {
            return;
        }
        List<ContainerRecord> users = ImageUse.containers(context, image);
        if (image.repoTags().size() > 1 && image.repoTags().contains(record.imageName())) {
            // The image has other names: only the one this container was run by goes, as `rmi NAME` does.
            images.untag(image, record.imageName());
        } else if (users.isEmpty()) {
            images.remove(image);
        } else {
            err().println("Error: image used by " + users.get(0).id()
                    + ": image is in use by a container: consider listing external containers and force-removing image");
        }
    }
}
