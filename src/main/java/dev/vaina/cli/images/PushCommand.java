package dev.vaina.cli.images;

import dev.vaina.cli.common.Context;
import dev.vaina.cli.common.ContextCommand;
import dev.vaina.cli.common.ExitCodes;
import dev.vaina.cli.common.RegistryAccess;
import dev.vaina.cli.common.RegistryOptions;
import dev.vaina.image.ImageNotFoundException;
import dev.vaina.image.ImagePusher;
import dev.vaina.image.ImageRecord;
import dev.vaina.image.PushFormat;
import dev.vaina.image.PushListener;
import dev.vaina.image.PushResult;
import dev.vaina.spec.ImageReference;
import dev.vaina.spec.InvalidSpecException;
import dev.vaina.store.Event;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** `vaina push`: a local image to a registry, under its own name or another one, as Podman does. */
@Command(name = "push", description = "Push an image to a registry.")
public final class PushCommand extends ContextCommand {
    private static final String DOCKER_TRANSPORT = "docker://";
    /** containers/image transports other than docker://, which vaina cannot write to. */
    private static final List<String> OTHER_TRANSPORTS = List.of("oci:", "oci-archive:", "dir:", "docker-archive:",
            "containers-storage:", "docker-daemon:");

    @Mixin
    RegistryOptions options;

    @Option(names = {"-f", "--format"}, paramLabel = "oci|v2s2", defaultValue = "oci",
            description = "Manifest format to write (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--digestfile", paramLabel = "FILE", description = "Write the pushed manifest's digest to FILE.")
    Path digestFile;

    @Parameters(index = "0", paramLabel = "IMAGE", description = "The local image to push.")
    String image;

    @Parameters(index = "1", arity = "0..1", paramLabel = "DESTINATION",
            description = "Where to push it ([docker://]REGISTRY/NAME[:TAG]; default: the image's own name).")
    String destination;

    @Override
    protected int execute(Context context) throws Exception {
        PushFormat pushFormat = PushFormat.parse(format);
        RegistryAccess.prepareAhead(context, options, destination != null ? destination : image);
        ImageRecord record;
        try {
            record = context.images().require(image);
        } catch (ImageNotFoundException e) {
            throw ImageUse.notKnown(e, ExitCodes.ENGINE);
        }
        ImageReference target = target(record);
        RegistryAccess access = new RegistryAccess(context, options);
        boolean insecure = context.registriesConf().isInsecure(target.registry());
        PushListener listener = options.quiet ? PushListener.NONE : new PushLines(err());
        PushResult pushed = new ImagePusher(context.images()).push(record, target,
                access.client(target.registry(), insecure), pushFormat, listener);
        context.engine().record(Event.image("push", record.id(), destination != null ? destination : image));
        if (digestFile != null) {
            Files.writeString(digestFile, pushed.manifestDigest(), StandardCharsets.UTF_8);
        }
        return 0;
    }

    /** DESTINATION, or the name the user called the image by (or its only name when called by id). */
    private ImageReference target(ImageRecord record) {
        String name = destination != null ? destination : ownName(record);
        for (String transport : OTHER_TRANSPORTS) {
            if (name.startsWith(transport)) {
                throw new InvalidSpecException("cannot push to \"" + name + "\": only registries (docker://) are supported");
            }
        }
        if (name.startsWith(DOCKER_TRANSPORT)) {
            name = name.substring(DOCKER_TRANSPORT.length());
        }
        return ImageReference.parse(name, "docker.io");
    }

    private String ownName(ImageRecord record) {
        String asGiven = image.startsWith(DOCKER_TRANSPORT) ? image.substring(DOCKER_TRANSPORT.length()) : image;
        if (record.repoTags().isEmpty()) {
            throw new InvalidSpecException("image " + image + " has no name: give a DESTINATION to push it to");
        }
        for (String tag : record.repoTags()) {
            if (tag.equals(asGiven) || tag.equals(asGiven + ":latest") || tag.endsWith("/" + asGiven)
                    || tag.endsWith("/" + asGiven + ":latest")) {
                return tag;
            }
        }
        return record.repoTags().get(0);
    }

    /** Podman's push messages on standard error. */
    private static final class PushLines implements PushListener {
        private final PrintWriter err;

        PushLines(PrintWriter err) {
            this.err = err;
        }

        @Override
        public void started(String destination) {
            line("Getting image source signatures");
        }

        @Override
        public void layerDone(String diffIdHex, boolean alreadyPresent) {
            line("Copying blob " + diffIdHex.substring(0, 12) + (alreadyPresent ? " skipped: already exists" : " done"));
        }

        @Override
        public void configDone(String digest, boolean alreadyPresent) {
            line("Copying config " + digest.substring("sha256:".length(), "sha256:".length() + 10) + " done");
        }

        @Override
        public void manifestWritten(String digest) {
            line("Writing manifest to image destination");
        }

        private void line(String text) {
            err.println(text);
            err.flush();
        }
    }
}
