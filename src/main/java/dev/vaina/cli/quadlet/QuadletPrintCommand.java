package dev.vaina.cli.quadlet;

import dev.vaina.cli.common.Context;
import dev.vaina.cli.common.ContextCommand;
import dev.vaina.unit.definition.GeneratedUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** `vaina quadlet print FILE`: the unit the generator makes of a definition file, or why it makes none. */
@Command(name = "print", description = "Print the unit a definition file becomes.")
final class QuadletPrintCommand extends ContextCommand {
    @Parameters(paramLabel = "FILE", description = "A definition file's name, e.g. app.container.")
    String name;

    @Override
    protected int execute(Context context) throws Exception {
        GeneratedUnit unit = context.engine().definitionFiles().unitOf(java.nio.file.Path.of(name).getFileName().toString());
        out().print(unit.text());
        for (GeneratedUnit.Link link : unit.links()) {
            out().println("# link " + link.path() + " -> " + link.target());
        }
        return 0;
    }
}
