package dev.vaina.cli.generate;

import dev.vaina.cli.common.Context;
import dev.vaina.cli.common.ContextCommand;
import dev.vaina.engine.UnitExport;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * `vaina generate quadlet CTR|POD`: the definition files that make a container or a pod (and its members) again,
 * from the command lines they were made with, ready for `vaina quadlet install`.
 */
@Command(name = "quadlet", description = "Generate definition files (.container, .pod) for a container or pod.")
final class GenerateQuadletCommand extends ContextCommand {
    @Option(names = {"-f", "--files"}, description = "Write the files into the current directory and print their paths.")
    boolean files;

    @Parameters(paramLabel = "CONTAINER|POD", description = "The container or pod, by name or id.")
    String target;

    @Override
    protected int execute(Context context) throws Exception {
        // Each file says its name first: printed one after the other, they can still be told apart.
        List<UnitExport.File> generated = context.engine().unitExport().quadlet(target).stream()
                .map(file -> new UnitExport.File(file.name(), "# " + file.name() + "\n" + file.text())).toList();
        if (files) {
            GeneratedFiles.write(generated, out());
        } else {
            GeneratedFiles.print(generated, out());
        }
        return 0;
    }
}
