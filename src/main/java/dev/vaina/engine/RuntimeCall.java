package dev.vaina.engine;

import dev.vaina.launch.ContainerPaths;
import dev.vaina.oci.RuntimeFailure;
import dev.vaina.store.ContainerState;
import dev.vaina.store.StoreLayout;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * How to reach the OCI runtime that runs one container: the runtime the launcher recorded for this run
 * (not today's configuration: only that one knows the container), its state root, and, rootless, the
 * user namespace it ran in.
 *
 * <p>Rootless, runc ran inside the user namespace the launcher made with unshare and kept its state
 * there as namespace root; from outside, runc takes itself for rootless and cannot read or change
 * that state. {@code nsenter --preserve-credentials --user -t MONITOR} puts it back into that
 * namespace (verified: exec, pause, resume, state). The monitor's mount namespace is not needed:
 * runc joins the container's own namespaces through /proc/PID/ns.
 */
final class RuntimeCall {
    private final Path runtime;
    private final Path stateRoot;
    private final long userNamespaceHolder;

    private RuntimeCall(Path runtime, Path stateRoot, long userNamespaceHolder) {
        this.runtime = runtime;
        this.stateRoot = stateRoot;
        this.userNamespaceHolder = userNamespaceHolder;
    }

    static RuntimeCall forRunning(StoreLayout layout, String id, ContainerState state) throws IOException {
        Path runtimeFile = new ContainerPaths(layout, id).runtimeFile();
        String recorded;
        try {
            recorded = Files.readString(runtimeFile).strip();
        } catch (NoSuchFileException e) {
            recorded = "";
        }
        if (recorded.isEmpty()) {
            throw new EngineException("container " + id + " has no runtime recorded in " + runtimeFile
                    + ": it was not started by this installation of vaina");
        }
        return new RuntimeCall(Path.of(recorded), layout.runtimeRoot(), layout.rootless() ? Liveness.userNamespaceHolder(layout, state, id) : 0);
    }

    /** The runtime's short name, as Podman puts it before the runtime's own messages ("runc: ..."). */
    String name() {
        return runtime.getFileName().toString();
    }

    List<String> command(String verb, List<String> arguments) {
        List<String> command = new ArrayList<>();
        if (userNamespaceHolder > 0) {
            command.addAll(List.of("/usr/bin/nsenter", "--preserve-credentials", "--user",
                    "-t", Long.toString(userNamespaceHolder), "--"));
        }
        command.add(runtime.toString());
        command.add("--root");
        command.add(stateRoot.toString());
        command.add(verb);
        command.addAll(arguments);
        return command;
    }

    /** Runs a runtime command that ends by itself (pause, resume); fails with the runtime's message. */
    void run(String verb, String id) throws IOException {
        run(verb, List.of(id), null);
    }

    /** The same, with options before the id (the last argument) and, when input is not null, that on stdin. */
    void run(String verb, List<String> arguments, String id, String input) throws IOException {
        List<String> all = new ArrayList<>(arguments);
        all.add(id);
        run(verb, all, input);
    }

    private void run(String verb, List<String> arguments, String input) throws IOException {
        ProcessBuilder builder = builder(command(verb, arguments)).redirectErrorStream(true);
        if (input == null) {
            builder.redirectInput(new File("/dev/null"));
        }
        Process process = builder.start();
        if (input != null) {
            try (var stdin = process.getOutputStream()) {
                stdin.write(input.getBytes(StandardCharsets.UTF_8));
            }
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int code;
        try {
            code = process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EngineException("interrupted while waiting for " + name() + " " + verb);
        }
        if (code != 0) {
            throw new EngineException(name() + ": " + RuntimeFailure.lastMessage(output) + ": OCI runtime error");
        }
    }

    /**
     * $NOTIFY_SOCKET is removed: the runtime would otherwise pass it on to the exec'd process, which is
     * not the unit's to notify.
     */
    static ProcessBuilder builder(List<String> command) {
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().remove("NOTIFY_SOCKET");
        return builder;
    }
}
