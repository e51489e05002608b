package dev.vaina.cli.quadlet;

import dev.vaina.cli.common.Context;
import dev.vaina.cli.common.ContextCommand;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * `vaina quadlet install FILE|DIR...`: copies definition files (a folder's, with their drop-in folders) into the
 * caller's definition directory and reloads systemd so the generator makes their units. Everything is checked
 * before anything is copied: an install that fails leaves the directory as it was.
 */
@Command(name = "install", description = "Install definition files and reload systemd.")
final class QuadletInstallCommand extends ContextCommand {
    @Option(names = "--reload-systemd", arity = "0..1", defaultValue = "true", fallbackValue = "true",
            paramLabel = "true|false", description = "Reload systemd after installing (default true).")
    boolean reload;

    @Option(names = "--replace", description = "Replace files that are installed already.")
    boolean replace;

    @Parameters(arity = "1..*", paramLabel = "FILE|DIR")
    List<Path> sources;

    @Override
    protected int execute(Context context) throws Exception {
        for (Path installed : context.engine().definitionFiles().install(sources, replace, reload)) {
            out().println(installed);
        }
        return 0;
    }
}
