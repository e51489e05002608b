package dev.vaina.cli.quadlet;

import dev.vaina.cli.common.CommandFailedException;
import dev.vaina.cli.common.Context;
import dev.vaina.cli.common.ContextCommand;
import dev.vaina.cli.common.ExitCodes;
import dev.vaina.unit.definition.Converters;
import dev.vaina.unit.definition.DefinitionException;
import dev.vaina.unit.definition.DefinitionSet;
import dev.vaina.unit.definition.Generator;
import dev.vaina.store.FileTrees;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * `vaina quadlet rm NAME...`: removes installed definition files (with their drop-in folders) and reloads
 * systemd. A file whose unit runs is refused unless --force, which stops the unit first.
 */
@Command(name = "rm", description = "Remove installed definition files and reload systemd.")
final class QuadletRmCommand extends ContextCommand {
    @Option(names = {"-f", "--force"}, description = "Stop the unit first if it runs.")
    boolean force;

    @Option(names = {"-i", "--ignore"}, description = "A file that is not installed is not an error.")
    boolean ignore;

    @Option(names = "--reload-systemd", arity = "0..1", defaultValue = "true", fallbackValue = "true",
            paramLabel = "true|false", description = "Reload systemd after removing (default true).")
    boolean reload;

    @Parameters(arity = "1..*", paramLabel = "NAME")
    List<String> names;

    @Override
    protected int execute(Context context) throws Exception {
        Path dir = Definitions.installDirectory(context);
        DefinitionSet all = Definitions.load(context);
        for (String name : names) {
            Path file = dir.resolve(Path.of(name).getFileName().toString());
            if (!Files.isRegularFile(file)) {
                if (ignore) {
                    continue;
                }
                throw new CommandFailedException(ExitCodes.ENGINE, "no definition file " + name + " is installed in " + dir);
            }
        }
        for (String name : names) {
            String fileName = Path.of(name).getFileName().toString();
            Path file = dir.resolve(fileName);
            if (!Files.isRegularFile(file)) {
                continue;
            }
            stopUnit(context, all, fileName);
            Files.delete(file);
            FileTrees.deleteQuietly(dir.resolve(fileName + ".d"));
            out().println(file);
        }
        if (reload) {
            context.engine().systemd().reload();
        }
        return 0;
    }

    private void stopUnit(Context context, DefinitionSet all, String fileName) throws java.io.IOException {
        String unit;
        try {
            unit = Converters.convert(fileName, all, Generator.tools()).serviceName();
        } catch (DefinitionException e) {
            return; // a file in error has no unit to stop
        }
        if (context.engine().generatedUnit(unit) && context.engine().systemd().status(unit).isActive()) {
            if (!force) {
                throw new CommandFailedException(ExitCodes.ENGINE, "unit " + unit + " of " + fileName
                        + " is running: stop it first, or use --force");
            }
            context.engine().systemd().stopUnit(unit);
        }
    }
}
