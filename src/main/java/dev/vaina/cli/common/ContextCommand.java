package dev.vaina.cli.common;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * A verb: reaches the shared context and prints through picocli's writers. The context comes from the root
 * command, found through picocli's model, so the same verb works at any depth ({@code vaina rmi} and
 * {@code vaina image rm}).
 */
public abstract class ContextCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public final Integer call() throws Exception {
        GlobalOptions root = (GlobalOptions) spec.root().userObject();
        try (Context context = root.context(err())) {
            return execute(context);
        }
    }

    protected abstract int execute(Context context) throws Exception;

    protected CommandSpec spec() {
        return spec;
    }

    protected PrintWriter out() {
        return spec.commandLine().getOut();
    }

    protected PrintWriter err() {
        return spec.commandLine().getErr();
    }
}
