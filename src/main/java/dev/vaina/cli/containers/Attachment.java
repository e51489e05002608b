package dev.vaina.cli.containers;

import dev.vaina.cli.common.Context;
import dev.vaina.engine.Containers;
import dev.vaina.engine.ContainerWaits;
import dev.vaina.engine.Liveness;
import dev.vaina.engine.Waiting;
import dev.vaina.launch.ContainerPaths;
import dev.vaina.store.ContainerRecord;
import dev.vaina.store.ContainerState;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.BooleanSupplier;

/**
 * A foreground `run`: prints the container's output as it comes and returns its exit code. Output is
 * read from the log file from its first byte, so nothing written before we looked is lost.
 */
final class Attachment {
    private static final Duration REMOVAL_WAIT = Duration.ofSeconds(30);

    private final Context context;
    private final Containers containers;
    private final ContainerRecord record;
    private final PrintWriter out;
    private final PrintWriter err;

    Attachment(Context context, Containers containers, ContainerRecord record, PrintWriter out, PrintWriter err) {
        this.context = context;
        this.containers = containers;
        this.record = record;
        this.out = out;
        this.err = err;
    }

    private AttachClient client;
    private boolean showStdout = true;
    private boolean showStderr = true;
    private DetachKeys detachKeys = DetachKeys.parse(DetachKeys.DEFAULT);

    /** --detach-keys and --sig-proxy: how the client may leave, and whether its signals go to the container. */
    Attachment with(AttachOptions options) {
        detachKeys = options.detachKeys();
        if (options.sigProxy) {
            SignalProxy.install(containers, record);
        }
        return this;
    }

    /** `run -a`: only these of the container's output streams are printed. */
    Attachment showing(boolean stdout, boolean stderr) {
        showStdout = stdout;
        showStderr = stderr;
        return this;
    }

    private PrintWriter shown(PrintWriter writer, boolean show) {
        return show ? writer : new PrintWriter(java.io.Writer.nullWriter());
    }

    /**
     * Starts the unit on another thread and connects to the attach socket the moment the monitor binds
     * it, so that a terminal sees the container's first output too.
     */
    void startAndAttach() throws IOException {
        ContainerPaths paths = new ContainerPaths(context.layout(), record.id());
        Path socket = paths.attachSocket();
        // The monitor starts the container only once this has connected: none of its output is missed.
        Files.createDirectories(socket.getParent());
        Files.writeString(paths.attachAnnouncement(), "");
        try {
            startThenAttach(socket);
        } finally {
            Files.deleteIfExists(paths.attachAnnouncement());
        }
    }

    private void startThenAttach(Path socket) throws IOException {
        CompletableFuture<Void> started = CompletableFuture.runAsync(() -> {
            try {
                containers.start(record, false);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        try {
            while (client == null && !started.isDone()) {
                if (Files.exists(socket)) {
                    client = AttachClient.connect(socket, record.config().tty(), Duration.ofSeconds(5));
                } else {
                    Waiting.sleep(5);
                }
            }
            started.join();
            if (client == null) {
                client = AttachClient.connect(socket, record.config().tty(), Duration.ofSeconds(5));
            }
        } catch (CompletionException e) {
            if (client != null) {
                client.close();
            }
            if (e.getCause() instanceof java.io.UncheckedIOException io) {
                throw io.getCause();
            }
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    /** Connects to the attach socket of a container that runs already (`attach`). */
    void attachRunning() throws IOException {
        Path socket = new ContainerPaths(context.layout(), record.id()).attachSocket();
        client = AttachClient.connect(socket, record.config().tty(), Duration.ofSeconds(5));
    }

    /** `run -it`: relays the terminal or the streams, then returns the exit code. */
    int relayUntilExit() throws IOException {
        return relayUntilExit(record.config().interactive());
    }

    /**
     * @param stdin whether the caller's standard input goes to the container
     * @return the container's exit code, or 0 when the detach keys left it running
     */
    int relayUntilExit(boolean stdin) throws IOException {
        try (AttachClient attached = client) {
            if (attached.relay(stdin, showStdout, showStderr, detachKeys)) {
                return 0;
            }
        }
        return finish(-1);
    }

    int untilExit() throws IOException {
        Path runDir = context.layout().containerRun(record.id());
        Path exitFile = runDir.resolve("exit");
        LogFollower follower = new LogFollower(context.layout().containerLog(record), shown(out, showStdout),
                shown(err, showStderr));
        int[] code = {-1};
        follower.follow(new BooleanSupplier() {
            @Override
            public boolean getAsBoolean() {
                code[0] = exitCode(exitFile);
                return code[0] >= 0 || monitorGone();
            }
        });
        return finish(code[0]);
    }

    private int finish(int knownCode) throws IOException {
        int code = knownCode;
        Path exitFile = context.layout().containerRun(record.id()).resolve("exit");
        Instant deadline = Instant.now().plus(REMOVAL_WAIT);
        while (code < 0 && !monitorGone() && Instant.now().isBefore(deadline)) {
            code = exitCode(exitFile);
            Waiting.sleep(5);
        }
        if (code < 0) {
            code = exitCode(exitFile);
        }
        ContainerWaits waits = context.engine().containerWaits();
        ContainerState recorded = waits.awaitExitRecord(record);
        if (code < 0) {
            code = recorded.exitCode();
        }
        if (record.config().autoRemove()) {
            // Attached, we remove the container ourselves once its exit is recorded, as Podman does.
            waits.awaitUnitInactive(record, REMOVAL_WAIT);
            containers.discard(record);
        }
        return code;
    }

    /** The monitor writes the exit file after the container's output reached EOF: the log is complete. */
    private static int exitCode(Path exitFile) {
        try {
            return Integer.parseInt(Files.readString(exitFile).strip());
        } catch (NoSuchFileException | NumberFormatException e) {
            return -1;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private boolean monitorGone() {
        try {
            ContainerState state = context.containers().state(record.id());
            return !state.isRunning() || !Liveness.monitorAlive(state, record.id());
        } catch (IOException e) {
            return true;
        }
    }

}
