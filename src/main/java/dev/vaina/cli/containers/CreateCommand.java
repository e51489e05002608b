package dev.vaina.cli.containers;

import dev.vaina.cli.common.Context;
import dev.vaina.cli.common.GivenOption;
import dev.vaina.cli.common.RecordedArguments;
import dev.vaina.cli.common.ContextCommand;
import dev.vaina.cli.common.ImageFetcher;
import dev.vaina.cli.common.PullPolicy;
import dev.vaina.engine.Containers;
import dev.vaina.engine.CreateCompletion;
import dev.vaina.engine.Pods;
import dev.vaina.engine.PortResolver;
import dev.vaina.image.ImageRecord;
import dev.vaina.oci.ProcessArgs;
import dev.vaina.spec.ContainerConfig;
import dev.vaina.spec.InvalidSpecException;
import dev.vaina.spec.LogConfig;
import dev.vaina.spec.SystemdMode;
import dev.vaina.spec.Timezones;
import dev.vaina.spec.VolumeMount;
import dev.vaina.spec.VolumesFrom;
import dev.vaina.store.AtomicFiles;
import dev.vaina.store.ContainerRecord;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** `vaina create`: make a container without starting it. */
@Command(name = "create", description = "Create a new container without starting it.")
public final class CreateCommand extends ContextCommand {
    private static final Path JOURNAL_SOCKET = Path.of("/run/systemd/journal/socket");
    private static final String NEW_POD = "new:";

    @Mixin
    ContainerOptions options;

    /** What a new container's recorded command line leaves out: what concerns only the command that made it. */
    static final java.util.Set<String> NOT_RECORDED = java.util.Set.of("--replace", "--unit", "--cidfile", "--quiet",
            "--detach", "--attach", "--rmi");

    @Override
    protected int execute(Context context) throws Exception {
        ContainerRecord record = create(context, context.engine().containers(), options, err());
        recordArguments(context, record, givenOptions(), options, err());
        out().println(record.id());
        return 0;
    }

    /**
     * Keeps the command line beside the record, for `generate`. The container exists already: a failure to keep
     * it costs a warning, and `generate` later says that the container's command line is unknown.
     */
    static void recordArguments(Context context, ContainerRecord record, List<GivenOption> given,
            ContainerOptions options, PrintWriter err) {
        try {
            context.engine().containers().keepCreateArguments(record, RecordedArguments.of(given, NOT_RECORDED,
                    options.image, options.command));
        } catch (IOException e) {
            err.println("WARN: cannot keep the command line of container " + record.name() + ": " + e.getMessage());
        }
    }

    /** Validates everything before anything is written, so bad input leaves nothing behind. */
    static ContainerRecord create(Context context, Containers containers, ContainerOptions options, PrintWriter progress)
            throws IOException {
        String name = options.validatedName();
        if (options.pod != null) {
            // A pod's member asks the manager whether the pod's unit needs a reload once its own is written.
            context.engine().connectSystemdAhead();
        }
        ContainerConfig config = withVolumesFrom(context, options.toConfig(context.env()), options);
        if (config.timezone() != null && !Files.exists(Timezones.zoneFile(config.timezone()))) {
            throw new InvalidSpecException("running container create option: stat "
                    + Timezones.zoneFile(config.timezone()) + ": no such file or directory");
        }
        if (config.log().driver().equals(LogConfig.JOURNALD) && !Files.exists(JOURNAL_SOCKET)) {
            throw new InvalidSpecException("the journald log driver needs the systemd journal, and this host has none"
                    + " (no " + JOURNAL_SOCKET + "): use k8s-file or passthrough");
        }
        if (options.cidfile != null && Files.exists(options.cidfile)) {
            throw new InvalidSpecException("container id file exists. Ensure another container is not using it or delete "
                    + options.cidfile);
        }
        context.useRegistriesConf(options.pullOptions.registriesConf);
        ImageRecord image = PullPolicy.parse(options.pull).image(context, options.image,
                new ImageFetcher(context, options.pullOptions, progress));
        config = config.withSystemd(SystemdMode.parse(options.systemd).appliesTo(ProcessArgs.resolve(config,
                image.config())), options.stopSignal != null);
        String imageName = image.repoTags().isEmpty() ? image.id() : imageName(image, options.image);
        if (options.replace && name != null) {
            replace(context, containers, name);
        }
        return createIn(context, containers, options, name, config, image, imageName, progress);
    }

    /**
     * --replace: the container that holds the name goes first, running or not, as `rm -f` removes it. Only a
     * container of exactly that name: a name that is also the prefix of another container's id replaces nothing.
     */
    private static void replace(Context context, Containers containers, String name) throws IOException {
        var existing = context.containers().lookup(name);
        if (existing.isPresent() && existing.get().name().equals(name)) {
            containers.remove(existing.get(), true, null);
        }
    }

    /** Without --pod, a container of its own; --pod NAME|ID joins that pod; --pod new:NAME makes one for it. */
    private static ContainerRecord createIn(Context context, Containers containers, ContainerOptions options,
            String name, ContainerConfig config, ImageRecord image, String imageName, PrintWriter progress)
            throws IOException {
        CreateCompletion cidfile = options.cidfile == null ? CreateCompletion.NONE
                : record -> writeCidfile(options.cidfile, record);
        Pods pods = context.engine().pods();
        if (options.pod == null) {
            return containers.create(name, image, imageName,
                    PortResolver.resolve(config, image.config(), context.containers(), progress), options.unit, cidfile);
        }
        if (options.pod.startsWith(NEW_POD)) {
            return pods.createInNewPod(options.pod.substring(NEW_POD.length()), name, image, imageName, config,
                    options.unit, cidfile);
        }
        return pods.createMember(context.engine().podStore().find(options.pod), name, image, imageName, config,
                options.unit, cidfile);
    }

    private static void writeCidfile(Path cidfile, ContainerRecord record) throws IOException {
        try {
            AtomicFiles.write(cidfile, record.id());
        } catch (IOException e) {
            throw new IOException("cannot write the container id to " + cidfile + ": " + e.getMessage(), e);
        }
    }

    private static ContainerConfig withVolumesFrom(Context context, ContainerConfig config, ContainerOptions options)
            throws IOException {
        List<VolumeMount> mounts = new ArrayList<>(config.volumes());
        for (VolumesFrom from : options.volumesFrom()) {
            mounts.addAll(context.engine().volumes().from(from));
        }
        return config.withVolumes(mounts);
    }

    public static String imageName(ImageRecord image, String requested) {
        for (String tag : image.repoTags()) {
            if (tag.equals(requested) || tag.endsWith("/" + requested) || tag.endsWith("/" + requested + ":latest")) {
                return tag;
            }
        }
        return image.repoTags().get(0);
    }
}
