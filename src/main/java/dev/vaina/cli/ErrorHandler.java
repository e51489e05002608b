package dev.vaina.cli;

import dev.vaina.engine.EngineException;
import dev.vaina.engine.ExecFailedException;
import dev.vaina.engine.StartFailedException;
import dev.vaina.engine.StateConflictException;
import dev.vaina.spec.InvalidSpecException;
import dev.vaina.store.NameInUseException;
import dev.vaina.store.NoSuchContainerException;
import dev.vaina.store.NoSuchPodException;
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
        return exitCodeOf(e);
    }

    /** Podman's exit code for a failure: the command's own decision, the container's code, or 125. */
    static int exitCodeOf(Exception e) {
        if (e instanceof CommandFailedException failed) {
            return failed.exitCode();
        }
        if (e instanceof StartFailedException failed && failed.commandFailed()) {
            return failed.containerExitCode();
        }
        if (e instanceof ExecFailedException failed) {
            return failed.exitCode();
        }
        if (e instanceof StateConflictException) {
            return ExitCodes.CONFLICT;
        }
        return ExitCodes.ENGINE;
    }

    @Override
    public int handleParseException(ParameterException e, String[] args) {
        PrintWriter err = e.getCommandLine().getErr();
        err.println("Error: " + e.getMessage());
        err.println("See '" + e.getCommandLine().getCommandSpec().qualifiedName() + " --help'");
        err.flush();
        return ExitCodes.ENGINE;
    }

    static String messageOf(Exception e) {
        if (e instanceof InvalidSpecException || e instanceof NoSuchContainerException
                || e instanceof NameInUseException || e instanceof CommandFailedException
                || e instanceof EngineException || e instanceof NoSuchPodException) {
            return e.getMessage();
        }
        if (e instanceof IOException) {
            return e.getClass().getSimpleName().replace("Exception", "").toLowerCase() + ": " + e.getMessage();
        }
        return e.getMessage() == null ? e.toString() : e.getMessage();
    }
}
