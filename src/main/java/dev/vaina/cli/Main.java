package dev.vaina.cli;

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
        CommandLine commandLine = new CommandLine(new VainaCommand());
        commandLine.setExecutionExceptionHandler(new ErrorHandler());
        commandLine.setParameterExceptionHandler(new ErrorHandler());
        // Options after the image belong to the container's command, as with podman and docker.
        commandLine.getSubcommands().get("run").setStopAtPositional(true);
        commandLine.getSubcommands().get("create").setStopAtPositional(true);
        commandLine.getSubcommands().get("exec").setStopAtPositional(true);
        addHelpOption(commandLine);
        return commandLine.execute(args);
    }
}
