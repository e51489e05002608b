package dev.vaina.monitor;

import dev.vaina.launch.HandOver;
import dev.vaina.linux.ExitStatus;
import dev.vaina.linux.FdOutputStream;
import dev.vaina.linux.FdPassing;
import dev.vaina.linux.Jna;
import dev.vaina.linux.Mounts;
import dev.vaina.linux.OwnCgroup;
import dev.vaina.linux.Processes;
import dev.vaina.linux.SdNotify;
import dev.vaina.net.NetworkDriver;
import dev.vaina.net.PortForwarder;
import dev.vaina.net.PortInUseException;
import dev.vaina.oci.RuntimeFailure;
import dev.vaina.store.AtomicFiles;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Supervises one container, like conmon: subreaper, runs the OCI runtime, owns the container's stdio
 * (log file, attach socket, pty), tells systemd READY=1, forwards stop signals, waits, writes the exit
 * code and exits with it. See {@link MonitorOptions} for the command line, {@link OptionsPipe} for how the
 * launcher gives it, and {@link AttachServer} for the attach protocol. Exit codes: the container's (128 + signal when killed), or Podman's 125/126/127
 * when the runtime could not start it.
 */
public final class Monitor {
    private static final long DRAIN_MILLIS = 2000;
    /** Well within a grace period (6-22 ms here), so that the write before the exit is too. */
    private static final long STAY_JOINED_MILLIS = 5;
    private static final int CONSOLE_TIMEOUT_MILLIS = 10_000;
    private static final int HAND_OVER_BARRIER_MILLIS = 5_000;

    private final MonitorOptions options;
    /** The launcher's word to start the container. */
    private final OptionsPipe launcher;
    private final RuntimeCommands commands;
    /** Whether our create succeeded, so that the runtime's state for this id is ours to delete. */
    private boolean created;
    private NetworkDriver.Connection network;
    /** Whether the container now runs as the unit's main process, without this monitor. */
    private boolean handedOver;

    private Monitor(MonitorOptions options, OptionsPipe launcher) {
        this.options = options;
        this.launcher = launcher;
        this.commands = new RuntimeCommands(options);
    }

    public static void main(String[] args) {
        // Beside the wait for the launcher's word, when it starts this monitor; no thread of it prints meanwhile.
        Jna.loadInBackground();
        MonitorOptions options;
        OptionsPipe launcher;
        try {
            launcher = OptionsPipe.read(args);
            String[] commandLine = launcher.commandLine();
            if (commandLine == null) {
                // The launcher failed and said why. Should it have died after making this the unit's main process,
                // the unit fails.
                System.exit(RuntimeFailure.ENGINE_ERROR);
                return;
            }
            options = MonitorOptions.parse(commandLine);
        } catch (IllegalArgumentException | IOException e) {
            System.err.println("vaina monitor: " + e.getMessage());
            System.exit(RuntimeFailure.ENGINE_ERROR);
            return;
        }
        Monitor monitor = new Monitor(options, launcher);
        int code;
        try {
            code = monitor.run();
        } catch (IOException | InterruptedException | RuntimeException e) {
            code = monitor.fail(new RuntimeFailure("monitoring container " + options.id() + " failed: "
                    + e.getMessage(), RuntimeFailure.ENGINE_ERROR), monitor.created);
        }
        if (!monitor.handedOver) {
            // systemd's child for ExecStopPost moves into the unit's cgroup right after this process exits.
            OwnCgroup.stayJoined(STAY_JOINED_MILLIS);
        }
        if (options.cleanup() != null && monitor.created && !monitor.handedOver) {
            // A container that never ran is left to ExecStopPost: its start may have failed for want of the id.
            options.cleanup().run(options.id(), options.rootfs());
        }
        System.exit(code);
    }

    private int run() throws IOException, InterruptedException {
        if (!launcher.fromLauncher()) {
            // A previous run's results must not be mistaken for this run's. (The launcher removes them before it
            // starts the monitor, and may meanwhile record why it failed.)
            Files.deleteIfExists(options.exitFile());
            Files.deleteIfExists(options.errorFile());
        }
        // Handed over, the container's init must be the manager's child when systemd takes it as the main process
        // (or systemd treats it as an alien process, whose exit status it may learn too late for ExecStopPost): so
        // this monitor does not adopt it. A client that announced itself keeps the monitor, which relays the end.
        boolean handingOver = options.handOver() != null && SdNotify.available()
                && !AttachServer.clientAnnounced(options.attachSocket());
        if (!handingOver) {
            Processes.becomeChildSubreaper();
        }
        if (options.overlay() != null) {
            Mounts.overlay(options.overlay(), options.rootfs());
        }
        Stopper stopper = new Stopper(options.stopSignal(), options.stopTimeoutSeconds());
        stopper.install(options.killedWithStopSignal());
        CriLogWriter log = options.logDriver() != null ? CriLogWriter.discarding()
                : CriLogWriter.open(options.log(), options.logMaxSize());
        AttachServer attach = AttachServer.bind(options.attachSocket(), options.terminal());
        if (options.notifyProxy() != null) {
            NotifyProxy.start(options.notifyProxy());
        }
        // passthrough: the container writes to the unit's own stdout and stderr, which the runtime inherits.
        ContainerStdio stdio = options.passthrough() ? null : ContainerStdio.open(options.interactive() && !options.terminal());

        FdPassing console = null;
        int ptyFd = -1;
        try {
            Path consoleSocket = null;
            if (options.terminal()) {
                // Next to the attach socket: a private place, and no temporary directory (whose random
                // name would load SecureRandom).
                consoleSocket = options.attachSocket().resolveSibling(options.attachSocket().getFileName() + ".pty");
                console = FdPassing.listen(consoleSocket, CONSOLE_TIMEOUT_MILLIS);
            }
            // Spawned natively: socket activation's listening sockets (--preserve-fds) reach the runtime, which
            // java.lang.Process would close, and the monitor loads none of Process's classes.
            int createCode = ContainerStdio.spawnAndWait(stdio, commands.create(consoleSocket),
                    RuntimeCommands.environment());
            if (stdio != null) {
                stdio.closeChildEnds();
            }
            if (createCode != 0) {
                attach.close();
                // Not deleted: a failed create cleans up after itself, and the id may belong to a
                // container that another monitor still runs. With passthrough its words went to the unit's log.
                return fail(RuntimeFailure.fromOutput("create", stdio != null ? stdio.runtimeOutput() : ""), false);
            }
            created = true;
            if (console != null) {
                ptyFd = console.receiveFd();
            }
        } finally {
            if (console != null) {
                console.close();
            }
        }

        int[] outputs;
        StreamId[] streams;
        OutputStream stdin = null;
        if (stdio == null) {
            outputs = new int[0];
            streams = new StreamId[0];
        } else if (ptyFd >= 0) {
            stdio.closeAll();
            outputs = new int[] {ptyFd};
            streams = new StreamId[] {StreamId.STDOUT};
            if (options.interactive()) {
                stdin = new FdOutputStream(ptyFd);
            }
        } else {
            outputs = new int[] {stdio.stdoutFd(), stdio.stderrFd()};
            streams = new StreamId[] {StreamId.STDOUT, StreamId.STDERR};
            stdin = stdio.stdin();
        }
        attach.connectInput(stdin, ptyFd);
        ContainerIo io = ContainerIo.start(outputs, streams, log, attach);

        int pid = readPid(options.pidFile());
        if (!launcher.awaitStart()) {
            // The launcher failed after the runtime's create (netavark, say) and said why: the container goes.
            attach.close();
            deleteContainer();
            return RuntimeFailure.ENGINE_ERROR;
        }
        try {
            network = connectNetwork(pid);
        } catch (IOException e) {
            attach.close();
            // A published port someone took in the meantime is Podman's 126; anything else the engine's.
            int code = e instanceof PortInUseException ? RuntimeFailure.CANNOT_INVOKE : RuntimeFailure.ENGINE_ERROR;
            return fail(new RuntimeFailure("cannot connect the network of container " + options.id() + ": "
                    + e.getMessage(), code), true);
        }
        attach.awaitAnnouncedClient();
        RuntimeCommands.Result started = RuntimeCommands.run(commands.start());
        if (started.exitCode() != 0) {
            attach.close();
            return fail(RuntimeFailure.fromOutput("start", started.output()), true);
        }
        stopper.containerStarted(pid);
        if (handingOver) {
            handOver(pid, attach);
            return 0;
        }
        if (options.timeoutSeconds() > 0) {
            stopper.limitRunTime(options.timeoutSeconds());
        }
        if (options.readyWhen() != null) {
            ReadyWhenHealthy.start(options.readyWhen());
        } else if (options.notifyProxy() == null) {
            SdNotify.send("READY=1");
        }

        ExitStatus status = Reaper.waitForContainer(pid);
        stopper.containerExited();
        // The ports are free as soon as the container is gone, not only when its unit has stopped.
        disconnectNetwork();
        io.awaitOutputs(DRAIN_MILLIS);
        Reaper.reapOrphans();
        attach.close();
        log.close();
        int code = status.code();
        AtomicFiles.write(options.exitFile(), Integer.toString(code));
        if (options.cleanup() == null) {
            deleteContainer();
        }
        // else the cleanup that follows has the runtime delete the container while netavark takes its network down
        return code;
    }

    /**
     * Makes the container's init the unit's main process, so that this monitor can leave (see HandOver). The
     * record is written before systemd is told, so that no command sees a running container with neither a
     * monitor nor a record; the barrier makes sure systemd has taken the new main PID before this one exits,
     * which it would otherwise count as the main process's end. A stop that came first has been passed on.
     */
    private void handOver(int pid, AttachServer attach) throws IOException {
        if (network != null) {
            network.outliveMonitor();
        }
        HandOver.of(pid, System.getenv("INVOCATION_ID")).write(options.handOver());
        SdNotify.send("MAINPID=" + pid + "\nREADY=1");
        if (!SdNotify.barrier(HAND_OVER_BARRIER_MILLIS)) {
            System.err.println("vaina monitor: systemd did not confirm container " + options.id()
                    + "'s init (pid " + pid + ") as the unit's main process within " + HAND_OVER_BARRIER_MILLIS + " ms");
        }
        attach.close();
        handedOver = true;
    }

    /**
     * Starts the network helper, if the container has one, attached to the container's namespace; or forwards
     * its published ports, if they are this process's to forward.
     */
    private NetworkDriver.Connection connectNetwork(int pid) throws IOException {
        if (options.forwardTo() != null) {
            // Only here is the forwarder's class loaded: a monitor without such ports does not pay for it.
            return PortForwarder.start(options.publish(), options.forwardNetns(), options.forwardTo());
        }
        if (options.networkHelper() == null) {
            return null;
        }
        NetworkDriver helper = NetworkDriver.helper(options.networkHelper(), options.networkDir(), options.networkSocket());
        return helper.connect(Path.of("/proc/" + pid + "/ns/net"), options.publish());
    }

    private void disconnectNetwork() {
        if (network != null) {
            network.close();
        }
    }

    private int fail(RuntimeFailure failure, boolean delete) {
        disconnectNetwork();
        System.err.println("vaina monitor: " + failure.message());
        try {
            AtomicFiles.write(options.errorFile(), failure.message() + "\n");
            AtomicFiles.write(options.exitFile(), Integer.toString(failure.exitCode()));
        } catch (IOException e) {
            System.err.println("vaina monitor: cannot write " + options.exitFile() + ": " + e.getMessage());
        }
        if (delete) {
            deleteContainer();
        }
        return failure.exitCode();
    }

    /** The container is gone or never ran: remove the runtime's state; failure here changes nothing. */
    private void deleteContainer() {
        try {
            RuntimeCommands.Result deleted = RuntimeCommands.run(commands.deleteForce());
            if (deleted.exitCode() != 0 && !deleted.output().contains("does not exist")) {
                System.err.println("vaina monitor: runtime delete: " + RuntimeFailure.lastMessage(deleted.output()));
            }
        } catch (IOException e) {
            System.err.println("vaina monitor: runtime delete failed: " + e.getMessage());
        }
    }

    private static int readPid(Path pidFile) throws IOException {
        String text = new String(Files.readAllBytes(pidFile), StandardCharsets.US_ASCII).strip();
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new IOException("runtime wrote no pid to " + pidFile + " (found '" + text + "')");
        }
    }
}
