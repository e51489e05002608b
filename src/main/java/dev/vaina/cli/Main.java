package dev.vaina.cli;

import dev.vaina.cli.common.CommandFailedException;
import dev.vaina.cli.common.ErrorHandler;
import dev.vaina.cli.common.GlobalOptions;
import dev.vaina.cli.system.VersionCommand;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;

/** The vaina command line. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Every verb answers --help, as Podman's do (-h is taken by run's --hostname). */
    private static void addHelpOption(CommandLine commandLine) {
        for (CommandLine sub : commandLine.getSubcommands().values()) {
            if (sub.getCommandSpec().findOption("--help") == null) {
                sub.getCommandSpec().addOption(CommandLine.Model.OptionSpec.builder("--help").usageHelp(true)
                        .description("Show this help message and exit.").build());
            }
            addHelpOption(sub);
        }
    }

    static int execute(String... args) {
        if (args.length == 1 && ("--version".equals(args[0]) || "-V".equals(args[0]))) {
            // Answered without picocli, whose model is built by reflection: the one line it would print.
            System.out.println(new VersionCommand.Provider().getVersion()[0]);
            return 0;
        }
        VerbParser parser = VerbParser.ofBuild();
        ParsedVerb parsed = parser == null ? null : parser.parse(args);
        if (parsed != null) {
            return parsed.execute();
        }
        // picocli's factory first looks for Groovy's closure class unless told not to: that lookup fails after
        // searching the class path, which opened the jar (its central directory read) in every command.
        System.setProperty("picocli.disable.closures", "true");
        return commandLine(CommandLine.defaultFactory(), args).execute(args);
    }

    /**
     * The command line for {@code args}: the root command with only the verb they run, or with every verb
     * when they name none (help, errors and suggestions then see them all). {@code --version} needs none.
     */
    public static CommandLine commandLine(CommandLine.IFactory factory, String... args) {
        CommandLine commandLine = new CommandLine(new VainaCommand(), factory);
        commandLine.setExecutionExceptionHandler(new ErrorHandler());
        commandLine.setParameterExceptionHandler(new ErrorHandler());
        String verb = Verbs.of(args);
        if (verb != null) {
            commandLine.addSubcommand(verb, verb(factory, verb, Verbs.subverb(args)));
        } else if (!(args.length == 1 && ("--version".equals(args[0]) || "-V".equals(args[0])))) {
            for (String name : Verbs.names()) {
                commandLine.addSubcommand(name, verb(factory, name, null));
            }
        }
        // Options after the image (exec: the container) belong to the command, as with podman and docker.
        for (CommandLine group : List.of(commandLine, commandLine.getSubcommands().getOrDefault("container", commandLine))) {
            for (String name : new String[] {"run", "create", "exec"}) {
                CommandLine sub = group.getSubcommands().get(name);
                if (sub != null) {
                    sub.setStopAtPositional(true);
                }
            }
        }
        addHelpOption(commandLine);
        commandLine.setExecutionStrategy(new CheckedExecution());
        return commandLine;
    }

    /**
     * The verb {@code name}; for a noun that groups verbs, with only the one {@code subverb} names under it, or with
     * every one when it names none of them (help, errors and suggestions see them all). picocli builds the model of
     * every subcommand a class names in its {@code @Command}: for {@code pod ps}, sixteen commands' options read
     * by reflection where one is used.
     */
    private static Object verb(CommandLine.IFactory factory, String name, String subverb) {
        if ("container".equals(name)) {
            return containerGroup(factory, subverb);
        }
        List<Class<?>> subcommands = Verbs.subcommands(name);
        if (subcommands == null) {
            return Verbs.command(name);
        }
        CommandLine group = new CommandLine(Verbs.command(name), factory);
        List<Class<?>> only = new ArrayList<>();
        for (Class<?> subcommand : subcommands) {
            if (subverb != null && Verbs.answersTo(subcommand, subverb)) {
                only.add(subcommand);
            }
        }
        for (Class<?> subcommand : only.isEmpty() ? subcommands : only) {
            group.addSubcommand(subcommand);
        }
        return group;
    }

    /** `vaina container` with only the verb being run, or with every one when it names none (help, errors). */
    private static CommandLine containerGroup(CommandLine.IFactory factory, String subverb) {
        CommandLine group = new CommandLine(new ContainerCommand(), factory);
        Class<?> only = subverb == null ? null : Verbs.containerCommand(subverb);
        for (String name : only != null ? new String[] {subverb} : Verbs.containerNames()) {
            group.addSubcommand(name, Verbs.containerCommand(name));
        }
        return group;
    }

    /**
     * Checks the global options before the verb runs, and honours --noout for every verb. A class, not a
     * lambda: making a lambda's class links picocli's interface when the class-data archive is dumped, and JDK
     * 17 leaves a linked Java 5 class (picocli's are) out of the archive, with RunLast after it; every command
     * then read them from the jar, which it opened for them (its central directory read at every start).
     */
    private static final class CheckedExecution implements CommandLine.IExecutionStrategy {
        @Override
        public int execute(CommandLine.ParseResult parseResult) {
            CommandLine root = parseResult.commandSpec().commandLine();
            VainaCommand options = root.getCommand();
            try {
                GlobalOptions.check(options);
            } catch (CommandFailedException e) {
                return new ErrorHandler().handleExecutionException(e, root, parseResult);
            }
            if (options.noout()) {
                PrintWriter nowhere = new PrintWriter(OutputStream.nullOutputStream());
                for (CommandLine.ParseResult sub = parseResult; sub != null; sub = sub.subcommand()) {
                    sub.commandSpec().commandLine().setOut(nowhere);
                }
            }
            return new CommandLine.RunLast().execute(parseResult);
        }
    }
}
