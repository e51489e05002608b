package dev.vaina.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** A verb of the root command: reaches the shared context and prints through picocli's writers. */
abstract class ContextCommand implements Callable<Integer> {
    @ParentCommand
    VainaCommand parent;

    @Spec
    CommandSpec spec;

    @Override
    public final Integer call() throws Exception {
        try (Context context = parent.context()) {
            return execute(context);
        }
    }

    abstract int execute(Context context) throws Exception;

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    PrintWriter err() {
        return spec.commandLine().getErr();
    }
}
