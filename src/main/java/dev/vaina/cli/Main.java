package dev.vaina.cli;

import picocli.CommandLine;

/** The vaina command line. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    static int execute(String... args) {
        CommandLine commandLine = new CommandLine(new VainaCommand());
        commandLine.setExecutionExceptionHandler(new ErrorHandler());
        commandLine.setParameterExceptionHandler(new ErrorHandler());
        // Options after the image belong to the container's command, as with podman and docker.
        commandLine.getSubcommands().get("run").setStopAtPositional(true);
        commandLine.getSubcommands().get("create").setStopAtPositional(true);
        return commandLine.execute(args);
    }
}
