package dev.vaina.cli.images;

import dev.vaina.cli.common.CommandFailedException;
import dev.vaina.cli.common.Context;
import dev.vaina.cli.common.ContextCommand;
import dev.vaina.cli.common.ExitCodes;
import dev.vaina.engine.Containers;
import dev.vaina.image.AmbiguousImageException;
import dev.vaina.image.ImageNotFoundException;
import dev.vaina.image.ImageRecord;
import dev.vaina.image.ImageStore;
import dev.vaina.store.ContainerRecord;
import dev.vaina.store.Event;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * `vaina rmi`: removing a name that is one of several tags only untags it; removing an id or the last tag
 * deletes the image and the layers no other image uses. An image that containers use is refused (exit 2)
 * unless --force, which removes those containers first.
 */
@Command(name = "rmi", description = "Remove images: untag a name, or delete the image and its unused layers.")
public class RmiCommand extends ContextCommand {
    /** Podman's code for an image that is not known (other image verbs use 125). */
    static final int IMAGE_NOT_KNOWN = 1;

    @Option(names = {"-f", "--force"}, description = "Remove containers that use the image, and images with several tags by id.")
    boolean force;

    @Option(names = {"-a", "--all"}, description = "Remove all images.")
    boolean all;

    @Parameters(arity = "0..*", paramLabel = "IMAGE")
    List<String> names = new ArrayList<>();

    @Override
    protected int execute(Context context) throws Exception {
        ImageStore images = context.images();
        List<String> targets = new ArrayList<>(names);
        if (all) {
            for (ImageRecord image : images.list()) {
                targets.add(image.id());
            }
        } else if (targets.isEmpty()) {
            throw new CommandFailedException(ExitCodes.ENGINE, "image name or ID must be specified");
        }
        int exit = 0;
        CommandFailedException only = null;
        for (String target : targets) {
            try {
                remove(context, images, target);
            } catch (CommandFailedException e) {
                if (targets.size() == 1) {
                    only = e;
                    break;
                }
                err().println("Error: " + e.getMessage());
                exit = e.exitCode();
            }
        }
        out().flush();
        err().flush();
        if (only != null) {
            throw only;
        }
        return exit;
    }

    private void remove(Context context, ImageStore images, String nameOrId) throws IOException {
        ImageRecord image;
        try {
            image = images.require(nameOrId);
        } catch (ImageNotFoundException e) {
            if (all) {
                return; // removed with an earlier one (-a lists ids up front)
            }
            throw ImageUse.notKnown(e, IMAGE_NOT_KNOWN);
        } catch (AmbiguousImageException e) {
            throw new CommandFailedException(ExitCodes.ENGINE, e.getMessage());
        }
        String tag = ImageUse.tagNamed(image, nameOrId);
        if (tag != null && image.repoTags().size() > 1) {
            images.untag(image, tag);
            // Podman reports the removal of a name as a remove too, though the image stays
            context.engine().record(Event.image("remove", image.id(), tag));
            out().println("Untagged: " + tag);
            return;
        }
        if (tag == null && image.repoTags().size() > 1 && !force && !all) {
            throw new CommandFailedException(ExitCodes.ENGINE, "unable to delete image \"" + image.id()
                    + "\" by ID with more than one tag (" + image.repoTags() + "): please force removal");
        }
        List<ContainerRecord> users = ImageUse.containers(context, image);
        if (!users.isEmpty()) {
            if (!force) {
                throw new CommandFailedException(ExitCodes.CONFLICT, "image used by "
                        + String.join(", ", users.stream().map(ContainerRecord::id).toList())
                        + ": image is in use by a container: consider listing external containers and force-removing image");
            }
            Containers containers = context.engine().containers();
            for (ContainerRecord user : users) {
                containers.remove(user, true, null);
            }
        }
        images.remove(image);
        for (String repoTag : image.repoTags()) {
            out().println("Untagged: " + repoTag);
        }
        out().println("Deleted: " + image.id());
    }
}
