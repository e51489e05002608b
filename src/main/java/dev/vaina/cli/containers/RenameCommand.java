package dev.vaina.cli.containers;

import dev.vaina.cli.common.Context;
import dev.vaina.cli.common.ContextCommand;
import dev.vaina.cli.common.CommandFailedException;
import dev.vaina.cli.common.ExitCodes;

import dev.vaina.spec.InvalidSpecException;
import dev.vaina.store.ContainerRecord;
import dev.vaina.store.NameInUseException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * `vaina rename`: a container's new name. A stopped container's unit becomes container-NEWNAME.service at
 * once; a running one keeps its unit until it next starts (see {@code Containers.rename}).
 */
@Command(name = "rename", description = "Rename an existing container.")
public final class RenameCommand extends ContextCommand {
    @Parameters(index = "0", paramLabel = "CONTAINER")
    String container;

    @Parameters(index = "1", paramLabel = "NAME")
    String newName;

    @Override
    protected int execute(Context context) throws Exception {
        ContainerRecord record = context.containers().find(container);
        try {
            context.engine().containers().rename(record, newName);
        } catch (InvalidSpecException e) {
            // Podman's words for a bad new name
            throw new CommandFailedException(ExitCodes.ENGINE, "names must match [a-zA-Z0-9][a-zA-Z0-9_.-]*: invalid argument");
        } catch (NameInUseException e) {
            throw new CommandFailedException(ExitCodes.ENGINE, "renaming container " + record.id() + ": name " + newName
                    + " already in use, cannot rename container " + record.id() + ": container already exists");
        }
        return 0;
    }
}
