package dev.vaina.cli.quadlet;

import dev.vaina.cli.common.CommandFailedException;
import dev.vaina.cli.common.Context;
import dev.vaina.cli.common.ContextCommand;
import dev.vaina.cli.common.ExitCodes;
import dev.vaina.unit.definition.Converters;
import dev.vaina.unit.definition.DefinitionException;
import dev.vaina.unit.definition.DefinitionSet;
import dev.vaina.unit.definition.GeneratedUnit;
import dev.vaina.unit.definition.Generator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** `vaina quadlet print FILE`: the unit the generator makes of a definition file, or why it makes none. */
@Command(name = "print", description = "Print the unit a definition file becomes.")
final class QuadletPrintCommand extends ContextCommand {
    @Parameters(paramLabel = "FILE", description = "A definition file's name, e.g. app.container.")
    String name;

    @Override
    protected int execute(Context context) throws Exception {
        DefinitionSet all = Definitions.load(context);
        String fileName = java.nio.file.Path.of(name).getFileName().toString();
        if (all.path(fileName) == null) {
            throw new CommandFailedException(ExitCodes.ENGINE, "no definition file " + fileName + " in "
                    + String.join(", ", searchPaths(context)));
        }
        try {
            GeneratedUnit unit = Converters.convert(fileName, all, Generator.tools());
            out().print(unit.text());
            for (GeneratedUnit.Link link : unit.links()) {
                out().println("# link " + link.path() + " -> " + link.target());
            }
        } catch (DefinitionException e) {
            throw new CommandFailedException(ExitCodes.ENGINE, e.getMessage());
        }
        return 0;
    }

    private static java.util.List<String> searchPaths(Context context) {
        return dev.vaina.unit.definition.SearchPaths.of(context.env(), !context.engine().layout().rootless(),
                new com.sun.security.auth.module.UnixSystem().getUid()).stream().map(Object::toString).toList();
    }
}
