package dev.vaina.cli.quadlet;

import dev.vaina.cli.common.CommandFailedException;
import dev.vaina.cli.common.Context;
import dev.vaina.cli.common.ContextCommand;
import dev.vaina.cli.common.ExitCodes;
import dev.vaina.unit.definition.DefinitionKind;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
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
        Path target = Definitions.installDirectory(context);
        List<Path> files = new ArrayList<>();
        for (Path source : sources) {
            if (Files.isDirectory(source)) {
                try (DirectoryStream<Path> stream = Files.newDirectoryStream(source)) {
                    for (Path child : stream) {
                        if (isDefinition(child) || Files.isDirectory(child) && child.toString().endsWith(".d")) {
                            files.add(child);
                        }
                    }
                }
            } else if (isDefinition(source)) {
                files.add(source);
            } else {
                throw new CommandFailedException(ExitCodes.ENGINE, source + " is not a definition file (.container, "
                        + ".pod, .volume, .network, .image, .kube or .build) nor a folder of them");
            }
        }
        for (Path file : files) {
            Path installed = target.resolve(file.getFileName().toString());
            if (Files.exists(installed) && !replace) {
                throw new CommandFailedException(ExitCodes.ENGINE, "a file named " + file.getFileName()
                        + " is installed already at " + installed + ": use --replace to replace it");
            }
        }
        Files.createDirectories(target);
        for (Path file : files) {
            Path installed = target.resolve(file.getFileName().toString());
            if (Files.isDirectory(file)) {
                copyDropIns(file, installed);
            } else {
                Files.copy(file, installed, StandardCopyOption.REPLACE_EXISTING);
            }
            out().println(installed);
        }
        if (reload) {
            context.engine().systemd().reload();
        }
        return 0;
    }

    private static boolean isDefinition(Path file) {
        return Files.isRegularFile(file) && DefinitionKind.ofFile(file.getFileName().toString()) != null;
    }

    private static void copyDropIns(Path dir, Path installed) throws java.io.IOException {
        Files.createDirectories(installed);
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir, "*.conf")) {
            for (Path conf : stream) {
                Files.copy(conf, installed.resolve(conf.getFileName().toString()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }
}
