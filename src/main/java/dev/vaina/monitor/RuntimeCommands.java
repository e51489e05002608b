package dev.vaina.monitor;

import dev.vaina.linux.FdInputStream;
import dev.vaina.linux.FileDescriptors;
import dev.vaina.linux.Pipe;
import dev.vaina.linux.Processes;
import dev.vaina.linux.Spawn;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The OCI runtime's command lines (runc and crun take the same ones) and how to run the short ones. */
final class RuntimeCommands {
    private final MonitorOptions options;

    RuntimeCommands(MonitorOptions options) {
        this.options = options;
    }

    List<String> create(Path consoleSocket) {
        List<String> command = base("create");
        command.add("--bundle");
        command.add(options.bundle().toString());
        command.add("--pid-file");
        command.add(options.pidFile().toString());
        if (options.preserveFds() > 0) {
            command.add("--preserve-fds");
            command.add(Integer.toString(options.preserveFds()));
        }
        if (consoleSocket != null) {
            command.add("--console-socket");
            command.add(consoleSocket.toString());
        }
        command.add(options.id());
        return command;
    }

    List<String> start() {
        List<String> command = base("start");
        command.add(options.id());
        return command;
    }

    List<String> deleteForce() {
        List<String> command = base("delete");
        command.add("--force");
        command.add(options.id());
        return command;
    }

    /**
     * The environment runtime commands run with: the monitor's own, without $NOTIFY_SOCKET. runc and crun would
     * otherwise proxy the container's own sd_notify messages to it and make {@code start} wait for the
     * container's READY=1; readiness is the monitor's to tell.
     */
    static Map<String, String> environment() {
        Map<String, String> env = new HashMap<>(System.getenv());
        env.remove("NOTIFY_SOCKET");
        return env;
    }

    /**
     * Runs a command that ends by itself, its stdin empty; returns its exit code and its combined output. Spawned
     * natively, as {@code create} is (see {@link ContainerStdio#spawnAndWait}): java.lang.Process would load about
     * 85 classes into a process that lives as long as its container, and keep a thread for a minute after.
     */
    static Result run(List<String> command) throws IOException {
        Pipe output = Pipe.open();
        int pid;
        try {
            pid = Spawn.spawnWithoutInput(command, environment(), output.writeFd(), output.writeFd());
        } finally {
            FileDescriptors.close(output.writeFd());
        }
        byte[] bytes;
        try (InputStream in = new FdInputStream(output.readFd())) {
            bytes = in.readAllBytes();
        }
        return new Result(Processes.waitFor(pid).code(), new String(bytes, StandardCharsets.UTF_8));
    }

    record Result(int exitCode, String output) {
    }

    private List<String> base(String verb) {
        List<String> command = new ArrayList<>(12);
        command.add(options.runtime());
        command.add("--root");
        command.add(options.runtimeRoot().toString());
        command.add(verb);
        return command;
    }
}
