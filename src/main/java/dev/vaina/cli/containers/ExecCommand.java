package dev.vaina.cli.containers;

import dev.vaina.cli.common.Context;
import dev.vaina.cli.common.ContextCommand;
import dev.vaina.engine.ExecRequest;
import dev.vaina.store.ContainerRecord;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import sun.misc.Signal;

/** `vaina exec`: run a command in a running container, through the OCI runtime. */
@Command(name = "exec", description = "Run a process in a running container.")
public final class ExecCommand extends ContextCommand {
    @Mixin
    ProcessOptions process;

    @Option(names = {"-d", "--detach"}, description = "Run the command in the background and print the session ID.")
    boolean detach;

    @Option(names = "--privileged", description = "Give the command every capability.")
    boolean privileged;

    @Parameters(index = "0", paramLabel = "CONTAINER")
    String container;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "COMMAND")
    List<String> command;

    @Override
    protected int execute(Context context) throws Exception {
        ContainerRecord record = context.containers().find(container);
        ExecRequest request = new ExecRequest(command, process.environment(context.env()), process.user,
                process.workdir, process.tty, process.interactive, privileged);
        if (detach) {
            out().println(context.engine().exec().detached(record, request));
            out().flush();
            return 0;
        }
        out().flush();
        err().flush();
        // Ctrl-C reaches the runtime too, which passes it on to the command: the command decides when we end.
        Signal.handle(new Signal("INT"), signal -> { });
        return context.engine().exec().attached(record, request);
    }
}
