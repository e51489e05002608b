package dev.vaina.oci;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a command to the end and keeps its exit code, stdout and stderr apart: they are two pipes (runc copies
 * a container's two streams with two threads), so no order between them can be asserted.
 */
record ProcessResult(int exitCode, String stdout, String stderr) {
    static ProcessResult run(Path workDir, List<String> command) throws IOException, InterruptedException {
        Path out = Files.createTempFile("vaina-oci-out", ".txt");
        Path err = Files.createTempFile("vaina-oci-err", ".txt");
        try {
            Process process = new ProcessBuilder(command).directory(workDir.toFile())
                    .redirectOutput(out.toFile()).redirectError(err.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("timed out: " + command);
            }
            return new ProcessResult(process.exitValue(), Files.readString(out), Files.readString(err));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    /** Both streams, labelled, for assertion messages. */
    String describe() {
        return "exit code " + exitCode + "\n--- stdout ---\n" + stdout + "--- stderr ---\n" + stderr;
    }
}
