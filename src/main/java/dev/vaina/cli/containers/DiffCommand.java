package dev.vaina.cli.containers;

import dev.vaina.cli.common.Context;
import dev.vaina.cli.common.ContextCommand;
import dev.vaina.cli.common.CommandFailedException;
import dev.vaina.cli.common.ExitCodes;

import dev.vaina.engine.ContainerFileSystem.Change;
import dev.vaina.store.ContainerRecord;
import dev.vaina.store.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** `vaina diff`: what a container changed in its image's file system, one "A|C|D PATH" line each. */
@Command(name = "diff", description = "Inspect changes to the container's file systems.")
public final class DiffCommand extends ContextCommand {
    @Option(names = "--format", paramLabel = "json", description = "json: the changes grouped as added, changed and deleted.")
    String format;

    @Parameters(index = "0", paramLabel = "CONTAINER")
    String container;

    @Override
    protected int execute(Context context) throws Exception {
        if (format != null && !format.equals("json")) {
            throw new CommandFailedException(ExitCodes.ENGINE, "--format " + format + " is not supported: use json");
        }
        ContainerRecord record = context.containers().find(container);
        List<Change> changes = context.engine().containers().fileSystem(record).changes();
        if (format == null) {
            changes.forEach(change -> out().println(change));
        } else {
            // Podman's keys, each present only when it has paths
            Map<String, List<String>> grouped = new LinkedHashMap<>();
            for (Change change : changes) {
                String key = change.kind() == 'A' ? "added" : change.kind() == 'C' ? "changed" : "deleted";
                grouped.computeIfAbsent(key, k -> new ArrayList<>()).add(change.path());
            }
            out().println(Json.PRETTY.asString(grouped));
        }
        out().flush();
        return 0;
    }
}
