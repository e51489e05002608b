package dev.vaina.cli.pods;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import java.util.List;

/** `vaina pod`: pods, groups of containers sharing the namespaces their infra container holds. */
@Command(name = "pod", description = "Manage pods.")
public final class PodCommand implements Runnable {
    /** The verbs under `vaina pod`, in the order help lists them (not in {@code @Command}: see {@code Main}). */
    public static final List<Class<?>> SUBCOMMANDS = List.of(
            PodCreateCommand.class, PodExistsCommand.class, PodInspectCommand.class, PodKillCommand.class,
            PodPsCommand.class, PodRestartCommand.class, PodRmCommand.class, PodStartCommand.class,
            PodStopCommand.class, PodPruneCommand.class, PodPauseCommand.class, PodUnpauseCommand.class,
            PodStatsCommand.class, PodTopCommand.class, PodLogsCommand.class, PodCloneCommand.class);

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(),
                "missing command: vaina pod create|exists|inspect|kill|ps|restart|rm|start|stop|prune|pause|unpause|stats|top|logs|clone");
    }
}
