package dev.vaina.cli.pods;

import dev.vaina.cli.common.CommandFailedException;
import dev.vaina.cli.common.Context;
import dev.vaina.cli.common.ContextCommand;
import dev.vaina.cli.common.EntrypointParser;
import dev.vaina.cli.common.ExitCodes;
import dev.vaina.cli.common.ImageFetcher;
import dev.vaina.cli.common.LabelOptions;
import dev.vaina.cli.common.NetworkOptions;
import dev.vaina.cli.common.PullOptions;
import dev.vaina.cli.common.PullPolicy;
import dev.vaina.cli.common.RecordedArguments;
import dev.vaina.cli.containers.CgroupLimitOptions;
import dev.vaina.cli.containers.CreateCommand;
import dev.vaina.engine.PortResolver;
import dev.vaina.image.ImageRecord;
import dev.vaina.spec.Ascii;
import dev.vaina.spec.ImageConfig;
import dev.vaina.spec.NetworkConfig;
import dev.vaina.spec.PodConfig;
import dev.vaina.spec.ResourceLimits;
import dev.vaina.spec.SharedNamespaces;
import dev.vaina.spec.VolumeMount;
import dev.vaina.store.AtomicFiles;
import dev.vaina.store.CreateArguments;
import dev.vaina.store.PodRecord;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** `vaina pod create`: a pod and its infra container; prints the pod's id. */
@Command(name = "create", description = "Create a new, empty pod.")
final class PodCreateCommand extends ContextCommand {
    /** What a new pod's recorded command line leaves out: what concerns only the command that made it. */
    private static final java.util.Set<String> NOT_RECORDED = java.util.Set.of("--replace", "--unit", "--pod-id-file",
            "--quiet");

    @Option(names = {"-n", "--name"}, paramLabel = "NAME", description = "The pod's name (default: a generated one).")
    String name;

    @Parameters(index = "0", arity = "0..1", paramLabel = "NAME", description = "The pod's name, as --name gives it.")
    String positionalName;

    @Mixin
    LabelOptions labels;

    @Option(names = "--infra", arity = "0..1", defaultValue = "true", fallbackValue = "true", paramLabel = "true|false",
            description = "Create an infra container that holds the shared namespaces (default true).")
    boolean infra;

    @Option(names = "--infra-command", paramLabel = "COMMAND", description = "The infra container's command (default: the pause process).")
    String infraCommand;

    @Option(names = "--infra-image", paramLabel = "IMAGE", description = "The infra container's image (default: vaina's pause image, built locally).")
    String infraImage;

    @Option(names = "--infra-name", paramLabel = "NAME", description = "The infra container's name (default: <pod id>-infra).")
    String infraName;

    @Option(names = "--share", paramLabel = "NAMESPACES", description = "Namespaces the members share: cgroup, ipc, net, pid, uts, none, or +NS to add to the default (cgroup,ipc,net,uts).")
    String share;

    @Option(names = "--hostname", paramLabel = "NAME", description = "The pod's host name (default: the pod's name).")
    String hostname;

    @Option(names = "--exit-policy", paramLabel = "continue|stop", description = "Whether the pod stops when its last member exits (default continue).")
    String exitPolicy;

    @Option(names = "--pod-id-file", paramLabel = "FILE", description = "Write the pod's id to this file.")
    Path podIdFile;

    @Option(names = "--replace", description = "Remove a pod of the same name first.")
    boolean replace;

    /** The definition file's unit that runs the pod (its ExecStartPre passes %n), instead of pod-NAME.service. */
    @Option(names = "--unit", hidden = true, paramLabel = "UNIT")
    String unit;

    @Option(names = {"-v", "--volume"}, paramLabel = "HOST-DIR:CONTAINER-DIR[:OPTIONS]", description = "Bind mount a host directory into every container of the pod.")
    List<String> volumes = new ArrayList<>();

    @Option(names = {"-m", "--memory"}, paramLabel = "SIZE", description = "Memory limit of the whole pod (as 512m), on its systemd slice.")
    String memory;

    @Option(names = "--cpus", paramLabel = "NUMBER", description = "CPUs the whole pod may use (as 1.5), on its systemd slice.")
    String cpus;

    @Option(names = "--cgroup-parent", paramLabel = "SLICE", description = "The systemd slice the pod's slice goes in (default vaina.slice).")
    String cgroupParent;

    @Option(names = "--share-parent", arity = "0..1", defaultValue = "true", fallbackValue = "true", paramLabel = "true|false",
            description = "Run the members in the pod's slice, under its limits (default true).")
    boolean shareParent;

    @Mixin
    NetworkOptions networkOptions;

    @Mixin
    PullOptions pullOptions;

    @Override
    protected int execute(Context context) throws Exception {
        if (name != null && positionalName != null && !name.equals(positionalName)) {
            throw new CommandFailedException(ExitCodes.ENGINE, "cannot specify both --name and a positional name");
        }
        String podName = name != null ? name : positionalName;
        // Writing the pod's unit asks the manager whether a unit of that name is still loaded.
        context.engine().connectSystemdAhead();
        NetworkConfig network = networkOptions.toConfig();
        List<VolumeMount> mounts = new ArrayList<>();
        for (String volume : volumes) {
            mounts.add(VolumeMount.parse(volume));
        }
        PodConfig config = new PodConfig(podName, labels.parse(), infra, infraName,
                infraCommand == null ? null : splitCommand(infraCommand), infraImage, SharedNamespaces.parse(share),
                hostname, exitPolicy, mounts, cgroupParent, shareParent, limits());
        if (replace && podName != null) {
            var existing = context.engine().podStore().lookup(podName);
            if (existing.isPresent() && existing.get().name().equals(podName)) {
                context.engine().pods().remove(existing.get(), true, null);
            }
        }
        ImageRecord image = null;
        String imageName = null;
        if (infra && infraImage != null) {
            image = PullPolicy.parse("missing").image(context, infraImage, new ImageFetcher(context, pullOptions, err()));
            imageName = CreateCommand.imageName(image, infraImage);
        }
        // The pod's ports and network belong to its infra container, which holds them for every member.
        NetworkConfig settled = !infra ? NetworkConfig.DEFAULT : PortResolver.settle(network,
                image != null ? image.config() : ImageConfig.EMPTY, context.containers(), err());
        PodRecord pod = context.engine().pods().create(config, image, imageName, settled, unit);
        if (podIdFile != null) {
            AtomicFiles.write(podIdFile, pod.id());
        }
        recordArguments(context, pod);
        out().println(pod.id());
        return 0;
    }

    /** Keeps the command line beside the record, for `generate`; the pod exists already, so a failure only warns. */
    private void recordArguments(Context context, PodRecord pod) {
        CreateArguments recorded = RecordedArguments.of(givenOptions(), NOT_RECORDED, null, List.of());
        if (positionalName != null) {
            List<String> options = new ArrayList<>(List.of("--name=" + positionalName));
            options.addAll(recorded.options());
            recorded = new CreateArguments(options, null, List.of());
        }
        try {
            context.engine().pods().keepCreateArguments(pod, recorded);
        } catch (java.io.IOException e) {
            err().println("WARN: cannot keep the command line of pod " + pod.name() + ": " + e.getMessage());
        }
    }

    private ResourceLimits limits() {
        return new ResourceLimits(CgroupLimitOptions.size("memory", memory), null, null, CgroupLimitOptions.nanoCpus(cpus),
                null, null, null, null, null, null, null, List.of(), null, null);
    }

    /** --infra-command is one string: a JSON array as Podman takes it, or words split on spaces. */
    private static List<String> splitCommand(String command) {
        String trimmed = command.strip();
        if (trimmed.startsWith("[")) {
            return EntrypointParser.parse(trimmed);
        }
        return new ArrayList<>(List.of(Ascii.fields(trimmed)));
    }
}
