package dev.vaina.cli.quadlet;

import dev.vaina.cli.common.Context;
import dev.vaina.cli.common.ContextCommand;
import dev.vaina.cli.common.Table;
import dev.vaina.engine.DefinitionFiles;
import picocli.CommandLine.Command;

/**
 * `vaina quadlet list`: every definition file with its unit and its state: the unit's state in systemd once the
 * generator has made it, "not generated" until the next daemon-reload, or the error that keeps it from becoming
 * a unit (which the generator also writes to systemd's log).
 */
@Command(name = "list", aliases = "ls", description = "List definition files, their units and their state.")
final class QuadletListCommand extends ContextCommand {
    @Override
    protected int execute(Context context) throws Exception {
        Table table = new Table("NAME", "UNIT NAME", "PATH ON DISK", "STATUS");
        for (DefinitionFiles.Listed file : context.engine().definitionFiles().list()) {
            String status = file.error() != null ? "error: " + file.error()
                    : file.generated() ? file.state() : "not generated yet: run systemctl daemon-reload";
            table.add(file.fileName(), file.unit() != null ? file.unit() : "-", file.path().toString(), status);
        }
        table.print(out());
        return 0;
    }
}
