package dev.vaina.cli.quadlet;

import dev.vaina.cli.common.Context;
import dev.vaina.cli.common.ContextCommand;
import dev.vaina.cli.common.Table;
import dev.vaina.unit.definition.Converters;
import dev.vaina.unit.definition.DefinitionException;
import dev.vaina.unit.definition.DefinitionSet;
import dev.vaina.unit.definition.GeneratedUnit;
import dev.vaina.unit.definition.Generator;
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
        DefinitionSet all = Definitions.load(context);
        Table table = new Table("NAME", "UNIT NAME", "PATH ON DISK", "STATUS");
        for (String fileName : all.fileNames()) {
            String unit;
            String status;
            try {
                GeneratedUnit generated = Converters.convert(fileName, all, Generator.tools());
                unit = generated.serviceName();
                if (context.engine().generatedUnit(unit)) {
                    var state = context.engine().systemd().status(unit);
                    status = state.activeState() + "/" + state.subState();
                } else {
                    status = "not generated yet: run systemctl daemon-reload";
                }
            } catch (DefinitionException e) {
                unit = "-";
                status = "error: " + e.getMessage();
            }
            table.add(fileName, unit, all.path(fileName).toString(), status);
        }
        table.print(out());
        return 0;
    }
}
