package dev.vaina.cli.common;

import dev.vaina.engine.EngineException;
import dev.vaina.engine.ExecFailedException;
import dev.vaina.engine.StartFailedException;
import dev.vaina.engine.StateConflictException;
import java.io.PrintWriter;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.NoSuchFileException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/** The one place that turns failures into "Error: ..." lines and Podman's exit codes. */
public final class ErrorHandler implements IExecutionExceptionHandler, IParameterExceptionHandler {

    @Override
    public int handleExecutionException(Exception e, CommandLine commandLine, ParseResult parseResult) {
        return report(e, commandLine.getErr());
    }

    /** Prints the failure {@code e} on {@code err}; its exit code. */
    public static int report(Exception e, PrintWriter err) {
        err.println("Error: " + messageOf(e));
        err.flush();
        if (System.getenv("VAINA_DEBUG") != null) {
            e.printStackTrace(err);
        }
        return exitCodeOf(e);
    }

    /** Podman's exit code for a failure: the command's own decision, the container's code, or 125. */
    public static int exitCodeOf(Exception e) {
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

    /**
     * The message alone, as Podman prints it ("X: image not known"), never the kind of failure in front of
     * it. A file-system failure from the JDK carries only the path as its message, so the reason is added.
     */
    public static String messageOf(Exception e) {
        if (e instanceof NoSuchFileException missing) {
            return missing.getFile() + ": no such file or directory";
        }
        if (e instanceof AccessDeniedException denied) {
            return denied.getFile() + ": permission denied";
        }
        if (e instanceof FileAlreadyExistsException exists) {
            return exists.getFile() + ": file exists";
        }
        return e.getMessage() == null ? e.toString() : e.getMessage();
    }
}
