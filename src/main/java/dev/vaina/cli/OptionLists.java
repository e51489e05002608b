package dev.vaina.cli;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Writes the names of {@code vaina create}'s, {@code vaina pod create}'s and the global options, from picocli's
 * model, into the resource the generator checks PodmanArgs= and GlobalArgs= against
 * ({@code dev.vaina.unit.definition.VainaOptions}): the generator cannot afford to load picocli, and a list
 * written at build time cannot fall behind the commands. The build runs it after compiling:
 * {@code OptionLists CLASSES-DIR}.
 */
public final class OptionLists {
    /** Where the generator finds the lists, under the classes directory. */
    public static final String RESOURCE = "dev/vaina/unit/definition/vaina-options.properties";

    private OptionLists() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: OptionLists CLASSES-DIRECTORY");
            System.exit(2);
        }
        Path file = Path.of(args[0]).resolve(RESOURCE);
        Files.createDirectories(file.getParent());
        CommandLine root = Main.commandLine(CommandLine.defaultFactory());
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("# Written by dev.vaina.cli.OptionLists from the commands' options at build time.\n");
            out.write("create=" + String.join(" ", names(root.getSubcommands().get("create"), true)) + "\n");
            out.write("pod.create=" + String.join(" ", names(root.getSubcommands().get("pod").getSubcommands()
                    .get("create"), true)) + "\n");
            // The hidden remote options (--remote, --url, --connection) only say that vaina has no remote mode.
            out.write("global=" + String.join(" ", names(root, false)) + "\n");
        }
    }

    /**
     * Every name of the command's own options but help and version, sorted; hidden ones only when {@code hidden}.
     * Not the global options it inherits: those go to GlobalArgs=, from where they also reach the launcher.
     */
    static Set<String> names(CommandLine command, boolean hidden) {
        Set<String> names = new TreeSet<>();
        for (OptionSpec option : command.getCommandSpec().options()) {
            if (!option.usageHelp() && !option.versionHelp() && !option.inherited() && (hidden || !option.hidden())) {
                names.addAll(Arrays.asList(option.names()));
            }
        }
        return names;
    }
}
