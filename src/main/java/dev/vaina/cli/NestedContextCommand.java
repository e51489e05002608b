package dev.vaina.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * Like {@link ContextCommand}, for verbs that also sit below another verb ({@code vaina image rm}): the
 * shared context comes from the root command, found through picocli's model at any depth, instead of from
 * a {@code @ParentCommand} field whose type would fix the nesting.
 */
abstract class NestedContextCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public final Integer call() throws Exception {
        VainaCommand root = (VainaCommand) spec.root().userObject();
        try (Context context = root.context()) {
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
