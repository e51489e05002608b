package dev.vaina.cli.containers;

import dev.vaina.cli.common.Context;
import dev.vaina.cli.common.ContextCommand;
import dev.vaina.engine.EngineException;
import dev.vaina.store.ContainerRecord;
import dev.vaina.store.NoSuchContainerException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * `vaina healthcheck run`: runs a container's health check once, records it and acts on it. Exit 0 and no
 * output when it passed, "unhealthy" and exit 1 when it failed, 125 when it could not run, as Podman.
 */
@Command(name = "run", description = "Run the health check of a container.")
public final class HealthcheckRunCommand extends ContextCommand {
    @Parameters(index = "0", paramLabel = "CONTAINER")
    String container;

    @Override
    protected int execute(Context context) throws Exception {
        ContainerRecord record;
        try {
            record = context.containers().find(container);
        } catch (NoSuchContainerException e) {
            throw new EngineException("unable to look up " + container + " to perform a health check: " + e.getMessage());
        }
        if (context.engine().healthchecks().run(record)) {
            return 0;
        }
        out().println("unhealthy");
        return 1;
    }
}
