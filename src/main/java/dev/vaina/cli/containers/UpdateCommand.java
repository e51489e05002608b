package dev.vaina.cli.containers;

import dev.vaina.cli.common.Context;
import dev.vaina.cli.common.ContextCommand;
import dev.vaina.store.ContainerRecord;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * `vaina update`: change a container's cgroup limits. A running container gets them at once, through its
 * unit (SetUnitProperties) and its runtime, without a restart; the record keeps them for later starts.
 */
@Command(name = "update", description = "Update the resource limits of an existing container.")
public final class UpdateCommand extends ContextCommand {
    @Mixin
    CgroupLimitOptions limits;

    @Parameters(index = "0", paramLabel = "CONTAINER")
    String container;

    @Override
    protected int execute(Context context) throws Exception {
        var changes = limits.toLimits(java.util.List.of(), null, null);
        ContainerRecord record = context.containers().find(container);
        context.engine().limits().update(record, changes);
        out().println(record.id());
        return 0;
    }
}
