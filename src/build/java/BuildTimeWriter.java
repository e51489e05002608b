import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes dev.vaina.cli.system.BuildTime, the build's time as a string constant, for `vaina version`: read from
 * the jar's manifest instead, it opened the jar and read its central directory (some 4000 entries) where every
 * class comes from the class-data archive, 8-10 ms of the command. Run by the build before the compiler, as a
 * single-file program: java src/build/java/BuildTimeWriter.java TIME SOURCE-ROOT.
 */
public final class BuildTimeWriter {
    private BuildTimeWriter() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2 || !args[0].matches("[0-9T:Z-]+")) {
            throw new IllegalArgumentException("usage: BuildTimeWriter YYYY-MM-DDTHH:MM:SSZ SOURCE-ROOT");
        }
        String source = "package dev.vaina.cli.system;\n\n"
                + "/** When the build ran, written by it (src/build/java/BuildTimeWriter.java). */\n"
                + "final class BuildTime {\n"
                + "    private BuildTime() {\n    }\n\n"
                + "    /** RFC 3339, in UTC. */\n"
                + "    static final String TEXT = \"" + args[0] + "\";\n"
                + "}\n";
        Path target = Path.of(args[1], "dev", "vaina", "cli", "system", "BuildTime.java");
        Files.createDirectories(target.getParent());
        Files.writeString(target, source, StandardCharsets.UTF_8);
    }
}
