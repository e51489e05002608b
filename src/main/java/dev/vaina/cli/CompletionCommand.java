package dev.vaina.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** placeholder */
@Command(name = "completion", description = "Print a shell completion script: bash, zsh or fish.")
final class CompletionCommand extends ContextCommand {
    @Parameters(index = "0", paramLabel = "SHELL")
    String shell;

    @Override
    int execute(Context context) throws Exception {
        throw new CommandFailedException(ExitCodes.ENGINE, "not yet");
    }
}
