package dev.vaina.cli.generate;

import dev.vaina.engine.UnitExport;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * How `generate` hands its files over, as Podman's does: printed one after the other (a unit's text after a
 * blank line when there are several), or with --files written into the current directory, their paths printed.
 */
final class GeneratedFiles {
    private GeneratedFiles() {
    }

    static void print(List<UnitExport.File> files, PrintWriter out) {
        for (int i = 0; i < files.size(); i++) {
            if (i > 0) {
                out.println();
            }
            out.print(files.get(i).text());
        }
        out.flush();
    }

    /** Writes every file first, then prints the paths: a failure leaves no path printed for an unwritten file. */
    static void write(List<UnitExport.File> files, PrintWriter out) throws IOException {
        Path directory = Path.of("").toAbsolutePath();
        List<Path> written = new ArrayList<>();
        for (UnitExport.File file : files) {
            Path path = directory.resolve(file.name());
            Files.writeString(path, file.text());
            written.add(path);
        }
        written.forEach(out::println);
        out.flush();
    }
}
