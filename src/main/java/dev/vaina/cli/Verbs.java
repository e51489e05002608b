package dev.vaina.cli;

import dev.vaina.cli.containers.AttachCommand;
import dev.vaina.cli.containers.CommitCommand;
import dev.vaina.cli.containers.ContainerExistsCommand;
import dev.vaina.cli.containers.ContainerPruneCommand;
import dev.vaina.cli.containers.CpCommand;
import dev.vaina.cli.containers.CreateCommand;
import dev.vaina.cli.containers.DiffCommand;
import dev.vaina.cli.containers.ExportCommand;
import dev.vaina.cli.containers.RenameCommand;
import dev.vaina.cli.containers.ExecCommand;
import dev.vaina.cli.containers.HealthcheckCommand;
import dev.vaina.cli.containers.KillCommand;
import dev.vaina.cli.containers.LogsCommand;
import dev.vaina.cli.containers.PauseCommand;
import dev.vaina.cli.containers.PortCommand;
import dev.vaina.cli.containers.PsCommand;
import dev.vaina.cli.containers.RestartCommand;
import dev.vaina.cli.containers.RmCommand;
import dev.vaina.cli.containers.RunCommand;
import dev.vaina.cli.containers.StartCommand;
import dev.vaina.cli.containers.StatsCommand;
import dev.vaina.cli.containers.StopCommand;
import dev.vaina.cli.containers.TopCommand;
import dev.vaina.cli.containers.UpdateCommand;
import dev.vaina.cli.containers.UnpauseCommand;
import dev.vaina.cli.containers.WaitCommand;
import dev.vaina.cli.images.HistoryCommand;
import dev.vaina.cli.images.ImageCommand;
import dev.vaina.cli.images.ImagesCommand;
import dev.vaina.cli.images.ImportCommand;
import dev.vaina.cli.images.LoadCommand;
import dev.vaina.cli.images.LoginCommand;
import dev.vaina.cli.images.LogoutCommand;
import dev.vaina.cli.images.PullCommand;
import dev.vaina.cli.images.PushCommand;
import dev.vaina.cli.images.RmiCommand;
import dev.vaina.cli.images.SaveCommand;
import dev.vaina.cli.images.TagCommand;
import dev.vaina.cli.images.UntagCommand;
import dev.vaina.cli.networks.NetworkCommand;
import dev.vaina.cli.pods.PodCommand;
import dev.vaina.cli.quadlet.QuadletCommand;
import dev.vaina.cli.generate.GenerateCommand;
import dev.vaina.cli.system.AutoUpdateCommand;
import dev.vaina.cli.system.EventsCommand;
import dev.vaina.cli.system.InfoCommand;
import dev.vaina.cli.system.SystemCommand;
import dev.vaina.cli.system.VersionCommand;
import dev.vaina.cli.volumes.VolumeCommand;
import java.util.List;
import picocli.CommandLine;

/**
 * The top-level verbs, in the order {@code vaina --help} lists them. Only the verb being run is handed to
 * picocli: building the model of every verb (annotations read by reflection) cost more than most commands do.
 */
final class Verbs {
    private static final String[] NAMES = {
        "run", "create", "start", "stop", "restart", "kill", "rm", "ps", "logs", "inspect", "port", "wait", "exec", "top",
        "stats", "pause", "unpause", "update", "images", "import", "version", "image", "rmi", "tag", "untag", "save", "load", "pull", "login", "logout", "push", "pod", "network", "quadlet", "generate", "auto-update",
        "volume", "cp", "container", "rename", "diff", "export", "commit", "history", "attach", "events", "info", "system", "completion",
        "healthcheck"
    };

    /** The verbs under `vaina container`, as Podman's: the container verbs, and ls/list for ps. */
    private static final String[] CONTAINER_NAMES = {
        "attach", "commit", "create", "diff", "exec", "exists", "export", "inspect", "kill", "list", "logs", "ls", "pause",
        "port", "prune", "ps", "rename", "restart", "rm", "run", "start", "stats", "stop", "top", "unpause", "update", "wait"
    };

    /** Global options of the root command that take a value (the verb is the first word after them). */
    private static final String[] VALUED_OPTIONS = {"--root", "--runroot", "--systemd-manager", "--runtime",
        "--log-level", "--storage-driver", "--cgroup-manager", "--events-backend"};
    /** Global options that take no value. */
    private static final String[] FLAG_OPTIONS = {"--noout"};

    private Verbs() {
    }

    static String[] names() {
        return NAMES.clone();
    }

    /** The root command's options that may come before the verb. */
    static String[] globalOptionNames() {
        String[] all = new String[VALUED_OPTIONS.length + FLAG_OPTIONS.length];
        System.arraycopy(VALUED_OPTIONS, 0, all, 0, VALUED_OPTIONS.length);
        System.arraycopy(FLAG_OPTIONS, 0, all, VALUED_OPTIONS.length, FLAG_OPTIONS.length);
        return all;
    }

    static String[] containerNames() {
        return CONTAINER_NAMES.clone();
    }

    /** The command class of {@code vaina container NAME}, or null when there is none. */
    static Class<?> containerCommand(String name) {
        switch (name) {
            case "ls":
            case "list":
                return PsCommand.class;
            case "inspect":
                return InspectCommand.class;
            case "exists":
                return ContainerExistsCommand.class;
            case "prune":
                return ContainerPruneCommand.class;
            default:
                for (String verb : CONTAINER_NAMES) {
                    if (verb.equals(name)) {
                        return command(name);
                    }
                }
                return null;
        }
    }

    /** The command class of a verb, or null when {@code name} is none. A switch: no lambdas on this path. */
    static Class<?> command(String name) {
        switch (name) {
            case "run": return RunCommand.class;
            case "create": return CreateCommand.class;
            case "start": return StartCommand.class;
            case "stop": return StopCommand.class;
            case "restart": return RestartCommand.class;
            case "kill": return KillCommand.class;
            case "rm": return RmCommand.class;
            case "ps": return PsCommand.class;
            case "logs": return LogsCommand.class;
            case "inspect": return InspectCommand.class;
            case "port": return PortCommand.class;
            case "wait": return WaitCommand.class;
            case "exec": return ExecCommand.class;
            case "top": return TopCommand.class;
            case "stats": return StatsCommand.class;
            case "pause": return PauseCommand.class;
            case "unpause": return UnpauseCommand.class;
            case "update": return UpdateCommand.class;
            case "images": return ImagesCommand.class;
            case "import": return ImportCommand.class;
            case "version": return VersionCommand.class;
            case "image": return ImageCommand.class;
            case "rmi": return RmiCommand.class;
            case "tag": return TagCommand.class;
            case "untag": return UntagCommand.class;
            case "save": return SaveCommand.class;
            case "load": return LoadCommand.class;
            case "pull": return PullCommand.class;
            case "login": return LoginCommand.class;
            case "logout": return LogoutCommand.class;
            case "push": return PushCommand.class;
            case "pod": return PodCommand.class;
            case "volume": return VolumeCommand.class;
            case "cp": return CpCommand.class;
            case "network": return NetworkCommand.class;
            case "container": return ContainerCommand.class;
            case "rename": return RenameCommand.class;
            case "diff": return DiffCommand.class;
            case "export": return ExportCommand.class;
            case "commit": return CommitCommand.class;
            case "history": return HistoryCommand.class;
            case "attach": return AttachCommand.class;
            case "events": return EventsCommand.class;
            case "info": return InfoCommand.class;
            case "system": return SystemCommand.class;
            case "completion": return CompletionCommand.class;
            case "healthcheck": return HealthcheckCommand.class;
            case "quadlet": return QuadletCommand.class;
            case "generate": return GenerateCommand.class;
            case "auto-update": return AutoUpdateCommand.class;
            default: return null;
        }
    }

    /**
     * The verbs under a noun that groups them ({@code vaina pod ...}), or null when {@code name} is not one. The
     * container group has its own table ({@link #containerCommand}): it names verbs that are also top-level ones.
     */
    static List<Class<?>> subcommands(String name) {
        switch (name) {
            case "pod": return PodCommand.SUBCOMMANDS;
            case "image": return ImageCommand.SUBCOMMANDS;
            case "network": return NetworkCommand.SUBCOMMANDS;
            case "volume": return VolumeCommand.SUBCOMMANDS;
            case "system": return SystemCommand.SUBCOMMANDS;
            case "generate": return GenerateCommand.SUBCOMMANDS;
            case "quadlet": return QuadletCommand.SUBCOMMANDS;
            case "healthcheck": return HealthcheckCommand.SUBCOMMANDS;
            default: return null;
        }
    }

    /** Whether the command class {@code command} is {@code name}, by its {@code @Command} name or an alias. */
    static boolean answersTo(Class<?> command, String name) {
        CommandLine.Command annotation = command.getAnnotation(CommandLine.Command.class);
        if (annotation.name().equals(name)) {
            return true;
        }
        for (String alias : annotation.aliases()) {
            if (alias.equals(name)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The verb {@code args} run: the first word after the global options, or null when there is none or an
     * option before it is not a global one (then picocli, with every verb, says what is wrong).
     */
    static String of(String[] args) {
        int at = position(args);
        return at < 0 ? null : args[at];
    }

    /** The word after the verb (for `container X`: X), or null. */
    static String subverb(String[] args) {
        int at = position(args);
        return at < 0 || at + 1 >= args.length ? null : args[at + 1];
    }

    /** The index of the verb in {@code args}, or -1 (see {@link #of}). */
    static int position(String[] args) {
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("-")) {
                return command(arg) == null ? -1 : i;
            }
            if (takesValue(arg)) {
                i++;
            } else if (!isValuedWithEquals(arg) && !isFlag(arg)) {
                return -1;
            }
        }
        return -1;
    }

    private static boolean takesValue(String arg) {
        for (String option : VALUED_OPTIONS) {
            if (option.equals(arg)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isFlag(String arg) {
        for (String option : FLAG_OPTIONS) {
            if (option.equals(arg)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isValuedWithEquals(String arg) {
        for (String option : VALUED_OPTIONS) {
            if (arg.length() > option.length() && arg.startsWith(option) && arg.charAt(option.length()) == '=') {
                return true;
            }
        }
        return false;
    }
}
