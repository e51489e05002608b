package dev.vaina.cli.containers;

import dev.vaina.cli.common.Context;
import dev.vaina.cli.common.ContextCommand;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** `vaina container exists`: exit 0 when the container exists, 1 when it does not; prints nothing. */
@Command(name = "exists", description = "Check whether a container exists (exit 0) or not (exit 1).")
public final class ContainerExistsCommand extends ContextCommand {
    @Parameters(index = "0", paramLabel = "CONTAINER")
    String name;

    @Override
    protected int execute(Context context) throws Exception {
        return context.containers().lookup(name).isPresent() ? 0 : 1;
    }
}
