package dev.vaina.cli.common;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * A verb: reaches the shared context and prints through picocli's writers. The context comes from the root
 * command, found through picocli's model, so the same verb works at any depth ({@code vaina rmi} and
 * {@code vaina image rm}). A verb parsed without picocli ({@code dev.vaina.cli.VerbParser}) is given the root
 * command and the writers instead, and has no model.
 */
public abstract class ContextCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    private GlobalOptions root;
    private PrintWriter out;
    private PrintWriter err;
    private List<GivenOption> given;

    @Override
    public final Integer call() throws Exception {
        GlobalOptions options = root != null ? root : (GlobalOptions) spec.root().userObject();
        try (Context context = options.context(err())) {
            return execute(context);
        }
    }

    /** Runs the verb, parsed without picocli, under the root command {@code root}; {@code given} as picocli's. */
    public final int call(GlobalOptions root, List<GivenOption> given, PrintWriter out, PrintWriter err)
            throws Exception {
        this.root = root;
        this.given = given;
        this.out = out;
        this.err = err;
        return call();
    }

    protected abstract int execute(Context context) throws Exception;

    /** picocli's model of the verb: only a verb that picocli parsed has one. */
    protected CommandSpec spec() {
        if (spec == null) {
            throw new IllegalStateException(getClass().getSimpleName() + " was parsed without picocli's model");
        }
        return spec;
    }

    /** The options the command line gave the verb, in the order given. */
    protected List<GivenOption> givenOptions() {
        return given != null ? given : GivenOption.of(spec);
    }

    protected PrintWriter out() {
        return out != null ? out : spec.commandLine().getOut();
    }

    protected PrintWriter err() {
        return err != null ? err : spec.commandLine().getErr();
    }
}
