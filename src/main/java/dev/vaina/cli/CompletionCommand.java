package dev.vaina.cli;

import dev.vaina.cli.common.CommandFailedException;
import dev.vaina.cli.common.ExitCodes;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * `vaina completion bash|zsh|fish`: a completion script made from the command line's own model (every verb,
 * group and option), whose names of containers, pods and images come from the store's files through the shell
 * itself, so completing a name starts no JVM.
 */
@Command(name = "completion", description = "Print a shell completion script: bash, zsh or fish.")
final class CompletionCommand implements java.util.concurrent.Callable<Integer> {
    @Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SHELL", description = "bash, zsh or fish.")
    String shell;

    @Override
    public Integer call() {
        if (!List.of("bash", "zsh", "fish").contains(shell)) {
            throw new CommandFailedException(ExitCodes.ENGINE, "\"" + shell + "\" is not a supported shell: use bash, zsh or fish");
        }
        CompletionScript script = new CompletionScript(Main.commandLine(CommandLine.defaultFactory()));
        spec.commandLine().getOut().print(switch (shell) {
            case "bash" -> script.bash();
            case "zsh" -> script.zsh();
            default -> script.fish();
        });
        spec.commandLine().getOut().flush();
        return 0;
    }
}
