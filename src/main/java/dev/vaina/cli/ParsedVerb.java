package dev.vaina.cli;

import dev.vaina.cli.common.ContextCommand;
import dev.vaina.cli.common.ErrorHandler;
import dev.vaina.cli.common.GivenOption;
import dev.vaina.cli.common.GlobalOptions;
import java.io.BufferedWriter;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.util.List;

/**
 * A verb {@link VerbParser} parsed, run as picocli runs one: the global options checked first, {@code --noout}
 * honoured, the writers made as picocli makes them, a failure reported by {@link ErrorHandler}.
 */
final class ParsedVerb {
    private final VainaCommand root;
    private final ContextCommand command;
    private final List<GivenOption> given;

    ParsedVerb(VainaCommand root, ContextCommand command, List<GivenOption> given) {
        this.root = root;
        this.command = command;
        this.given = given;
    }

    VainaCommand root() {
        return root;
    }

    ContextCommand command() {
        return command;
    }

    List<GivenOption> given() {
        return given;
    }

    int execute() {
        PrintWriter out = root.noout() ? new PrintWriter(OutputStream.nullOutputStream())
                : writer(System.out, "sun.stdout.encoding");
        PrintWriter err = writer(System.err, "sun.stderr.encoding");
        try {
            GlobalOptions.check(root);
            return command.call(root, given, out, err);
        } catch (Exception e) {
            return ErrorHandler.report(e, err);
        } finally {
            out.flush();
            err.flush();
        }
    }

    /** picocli's writer: buffered, flushed at each line, in the encoding the JVM was told for the stream. */
    private static PrintWriter writer(PrintStream stream, String encodingProperty) {
        String encoding = System.getProperty(encodingProperty);
        Charset charset;
        try {
            charset = encoding == null ? Charset.defaultCharset() : Charset.forName(encoding);
        } catch (RuntimeException e) {
            charset = Charset.defaultCharset();
        }
        return new PrintWriter(new BufferedWriter(new OutputStreamWriter(stream, charset)), true);
    }
}
