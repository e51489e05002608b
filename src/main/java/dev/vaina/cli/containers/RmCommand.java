package dev.vaina.cli.containers;

import dev.vaina.cli.common.CommandFailedException;
import dev.vaina.cli.common.Context;
import dev.vaina.cli.common.ContextCommand;
import dev.vaina.cli.common.ExitCodes;
import dev.vaina.engine.Targets.Target;
import dev.vaina.linux.Signalling;
import dev.vaina.store.NoSuchContainerException;
import java.io.IOException;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** `vaina rm`: remove containers; running ones only with --force. */
@Command(name = "rm", description = "Remove one or more containers.")
public final class RmCommand extends ContextCommand {
    /** Podman's `rm` exits 1, not 125, when a container does not exist. */
    private static final int NO_SUCH_CONTAINER = 1;

    @Option(names = {"-f", "--force"}, description = "Stop and remove running containers too; a container that does not exist is not an error.")
    boolean force;

    @Mixin
    ContainerSelection selection;

    @Mixin
    IgnoreOption ignoreOption;

    @Option(names = {"-t", "--time"}, paramLabel = "SECONDS", description = "With --force: seconds to wait for a running container to stop before killing it (default: its stop timeout).")
    Integer timeout;

    @Option(names = "--depend", description = "Also remove the containers that depend on it (vaina has no dependencies between containers yet: only the container itself goes).")
    boolean depend;

    @Option(names = {"-v", "--volumes"}, description = "Also remove the container's anonymous volumes.")
    boolean volumes;

    @Override
    protected int execute(Context context) throws Exception {
        if (timeout != null && timeout < 0) {
            throw new CommandFailedException(ExitCodes.ENGINE, "invalid --time " + timeout + ": must be 0 or more seconds");
        }
        if (force) {
            // A running container's stop signal goes through the JDK's process handles, set up meanwhile.
            Signalling.prepareAhead();
        }
        List<Target> targets;
        try {
            targets = selection.targets().ignoreMissing(ignoreOption.ignore || force).resolve(context.engine().containers());
        } catch (NoSuchContainerException e) {
            throw new CommandFailedException(NO_SUCH_CONTAINER, e.getMessage(), e);
        }
        return EachContainer.apply(targets, err(), new Removal(context));
    }

    /** One container's removal (a class: a lambda would set the JVM's method handles up for a `create` and `rm`). */
    private final class Removal implements EachContainer.Action {
        private final Context context;

        Removal(Context context) {
            this.context = context;
        }

        @Override
        public void apply(Target target) throws IOException {
            context.engine().containers().remove(target.record(), force, timeout);
            if (volumes) {
                context.engine().volumes().removeAnonymousOf(target.record());
            }
            out().println(target.reference());
        }
    }
}
