package dev.vaina.cli.quadlet;

import dev.vaina.cli.common.Context;
import dev.vaina.cli.common.ContextCommand;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * `vaina quadlet rm NAME...`: removes installed definition files (with their drop-in folders) and reloads
 * systemd. A file whose unit runs is refused unless --force, which stops the unit first; every file is checked
 * before any is removed.
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
        for (Path removed : context.engine().definitionFiles().remove(names, force, ignore, reload)) {
            out().println(removed);
        }
        return 0;
    }
}
