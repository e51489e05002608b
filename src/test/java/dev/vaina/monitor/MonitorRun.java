package dev.vaina.monitor;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** One Monitor process, started the way the launcher will: its own JVM, in a private mount namespace. */
final class MonitorRun {
    static final List<String> JVM_FLAGS = List.of("-Xmx8m", "-Xss256k", "-XX:+UseSerialGC",
            "-XX:TieredStopAtLevel=1", "-XX:ReservedCodeCacheSize=8m", "-XX:-UsePerfData");

    final Path work;
    final Path log;
    final Path exitFile;
    final Path pidFile;
    final Path errorFile;
    final Path attachSocket;
    final Process process;

    private MonitorRun(Path work, Process process) {
        this.work = work;
        this.log = work.resolve("ctr.log");
        this.exitFile = work.resolve("exit");
        this.pidFile = work.resolve("pid");
        this.errorFile = work.resolve("error");
        this.attachSocket = work.resolve("attach.sock");
        this.process = process;
    }

    static MonitorRun start(Path work, TestBundle bundle, List<String> extraOptions, Map<String, String> env)
            throws IOException {
        List<String> command = new ArrayList<>();
        command.add("unshare");
        command.add("--mount");
        command.add("--propagation");
        command.add("private");
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(JVM_FLAGS);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(Monitor.class.getName());
        String[] options = {
            "--id", "vaina-test-" + work.getFileName().toString().replaceAll("[^A-Za-z0-9]", ""),
            "--bundle", bundle.dir.toString(),
            "--runtime", runc(),
            "--runtime-root", work.resolve("runtime-root").toString(),
            "--log", work.resolve("ctr.log").toString(),
            "--exit-file", work.resolve("exit").toString(),
            "--pid-file", work.resolve("pid").toString(),
            "--error-file", work.resolve("error").toString(),
            "--attach-socket", work.resolve("attach.sock").toString(),
            "--stop-signal", "15",
            "--stop-timeout", "10"};
        command.addAll(List.of(options));
        command.addAll(extraOptions);
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectInput(new File("/dev/null"))
                .redirectOutput(work.resolve("monitor.out").toFile())
                .redirectError(work.resolve("monitor.err").toFile());
        builder.environment().remove("NOTIFY_SOCKET");
        builder.environment().putAll(env);
        return new MonitorRun(work, builder.start());
    }

    static String runc() {
        for (String candidate : new String[] {"/usr/sbin/runc", "/usr/bin/runc"}) {
            if (Files.isExecutable(Path.of(candidate))) {
                return candidate;
            }
        }
        throw new IllegalStateException("runc is not installed");
    }

    int waitForExit() throws InterruptedException, IOException {
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("monitor did not exit within 30 s; stderr: " + monitorErrors());
        }
        return process.exitValue();
    }

    String monitorErrors() throws IOException {
        return Files.readString(work.resolve("monitor.err"));
    }

    String logText() throws IOException {
        return Files.readString(log, StandardCharsets.UTF_8);
    }

    /** Waits until the log contains {@code text}; the container is then surely running. */
    void awaitLog(String text) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (System.nanoTime() < deadline) {
            if (Files.exists(log) && logText().contains(text)) {
                return;
            }
            if (!process.isAlive()) {
                throw new AssertionError("monitor exited before logging '" + text + "': " + monitorErrors());
            }
            Thread.sleep(20);
        }
        throw new AssertionError("log never contained '" + text + "'; log: " + logText());
    }
}
