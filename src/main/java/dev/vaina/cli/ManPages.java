package dev.vaina.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * Writes a man page per command from picocli's model: {@code vaina.1}, {@code vaina-run.1},
 * {@code vaina-pod-create.1}, ... (name, synopsis, description, arguments, options), so {@code man vaina-run}
 * says what {@code vaina run --help} says. install.sh runs it: {@code java -cp vaina.jar dev.vaina.cli.ManPages DIR}.
 */
public final class ManPages {
    private ManPages() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: ManPages DIRECTORY");
            System.exit(2);
        }
        Path dir = Path.of(args[0]);
        Files.createDirectories(dir);
        write(Main.commandLine(CommandLine.defaultFactory()), "vaina", dir);
    }

    private static void write(CommandLine command, String page, Path dir) throws IOException {
        Files.writeString(dir.resolve(page + ".1"), page(command, page));
        for (var sub : command.getSubcommands().entrySet()) {
            write(sub.getValue(), page + "-" + sub.getKey(), dir);
        }
    }

    static String page(CommandLine command, String page) {
        CommandSpec spec = command.getCommandSpec();
        String version = new dev.vaina.cli.system.VersionCommand.Provider().getVersion()[0];
        StringBuilder roff = new StringBuilder();
        roff.append(".TH \"").append(page.toUpperCase(Locale.ROOT)).append("\" 1 \"\" \"").append(version)
                .append("\" \"vaina Manual\"\n");
        roff.append(".SH NAME\n").append(page).append(" \\- ").append(escape(String.join(" ", spec.usageMessage().description())))
                .append('\n');
        String synopsis = command.getHelp().synopsis(0).strip().replaceFirst("^Usage: ", "").replaceAll("\\s+", " ");
        roff.append(".SH SYNOPSIS\n").append(escape(synopsis)).append('\n');
        List<String> subcommands = new ArrayList<>(command.getSubcommands().keySet());
        if (!subcommands.isEmpty()) {
            roff.append(".SH COMMANDS\n");
            for (var sub : command.getSubcommands().entrySet()) {
                roff.append(".TP\n.B ").append(escape(sub.getKey())).append('\n').append(escape(String.join(" ",
                        sub.getValue().getCommandSpec().usageMessage().description()))).append('\n');
                roff.append("See \\fB").append(page).append('-').append(sub.getKey()).append("\\fR(1).\n");
            }
        }
        if (!spec.positionalParameters().isEmpty()) {
            roff.append(".SH ARGUMENTS\n");
            for (PositionalParamSpec parameter : spec.positionalParameters()) {
                roff.append(".TP\n.I ").append(escape(parameter.paramLabel())).append('\n')
                        .append(escape(String.join(" ", parameter.description()))).append('\n');
            }
        }
        roff.append(".SH OPTIONS\n");
        for (OptionSpec option : spec.options()) {
            if (option.hidden()) {
                continue;
            }
            String label = option.typeInfo().isBoolean() ? "" : "=" + option.paramLabel();
            roff.append(".TP\n.B ").append(escape(String.join(", ", option.names()) + label)).append('\n')
                    .append(escape(String.join(" ", option.description()))).append('\n');
        }
        roff.append(".SH SEE ALSO\n\\fBvaina\\fR(1)\n");
        return roff.toString();
    }

    /** Text as roff reads it: backslashes and hyphens escaped, no line taken for a request. */
    private static String escape(String text) {
        String escaped = text.replace("\\", "\\e").replace("-", "\\-");
        return escaped.startsWith(".") || escaped.startsWith("'") ? "\\&" + escaped : escaped;
    }
}
