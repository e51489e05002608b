package dev.vaina.cli;

import dev.vaina.spec.InvalidSpecException;
import dev.vaina.store.NameInUseException;
import dev.vaina.store.NoSuchContainerException;
import java.io.IOException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/** The one place that turns failures into "Error: ..." lines and Podman's exit codes. */
final class ErrorHandler implements IExecutionExceptionHandler, IParameterExceptionHandler {

    @Override
    public int handleExecutionException(Exception e, CommandLine commandLine, ParseResult parseResult) {
        PrintWriter err = commandLine.getErr();
        err.println("Error: " + messageOf(e));
        err.flush();
        if (System.getenv("VAINA_DEBUG") != null) {
            e.printStackTrace(err);
        }
        return e instanceof CommandFailedException failed ? failed.exitCode() : ExitCodes.ENGINE;
    }

    @Override
    public int handleParseException(ParameterException e, String[] args) {
        PrintWriter err = e.getCommandLine().getErr();
        err.println("Error: " + e.getMessage());
        err.println("See '" + e.getCommandLine().getCommandSpec().qualifiedName() + " --help'");
        err.flush();
        return ExitCodes.ENGINE;
    }

    private static String messageOf(Exception e) {
        if (e instanceof InvalidSpecException || e instanceof NoSuchContainerException
                || e instanceof NameInUseException || e instanceof CommandFailedException) {
            return e.getMessage();
        }
        if (e instanceof IOException) {
            return e.getClass().getSimpleName().replace("Exception", "").toLowerCase() + ": " + e.getMessage();
        }
        return e.getMessage() == null ? e.toString() : e.getMessage();
    }
}
