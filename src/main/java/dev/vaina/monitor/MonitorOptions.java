package dev.vaina.monitor;

import dev.vaina.net.PublishedPorts;
import dev.vaina.spec.PortMapping;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The monitor's command line, parsed by hand so that starting the monitor loads no option library:
 *
 * <pre>
 * --id ID --bundle DIR --runtime PATH --runtime-root DIR
 * --log FILE --exit-file FILE --pid-file FILE --error-file FILE --attach-socket PATH
 * --stop-signal N --stop-timeout SECONDS
 * [--overlay OPTIONS --rootfs DIR] [--terminal] [--interactive] [--log-driver none|passthrough] [--log-max-size BYTES]
 * [--timeout SECONDS] [--preserve-fds N]
 * [--network-helper pasta|slirp4netns --network-dir DIR --network-socket PATH [--publish PORT]...]
 * [--forward-to ADDRESS --forward-netns PATH [--publish PORT]...]
 * [--ready-when FILE | --notify-proxy SOCKET] [--hand-over FILE] [--killed-with-stop-signal]
 * [--store-root DIR --store-runroot DIR [--rootless] [--remove [--unit-file FILE]]]
 * </pre>
 *
 * {@code --publish} takes {@link PublishedPorts}'s form; with {@code --forward-to} the monitor forwards those ports
 * itself, to ADDRESS in the network namespace at PATH (see PortForwarder). READY=1 goes to systemd once the container runs, or
 * with {@code --ready-when} once FILE exists (the first passed health check writes it), or never from the
 * monitor with {@code --notify-proxy} (the workload sends it to SOCKET, mounted into the container, and the
 * monitor passes it on: see NotifyProxy). With {@code --store-root} the monitor cleans up after its container
 * itself ({@link ExitCleanup}). With {@code --hand-over} the monitor hands a running container over to systemd and
 * exits, recording it in FILE (see dev.vaina.launch.HandOver), when nothing needs it to stay.
 * {@code --killed-with-stop-signal}: the unit's KillSignal= is the container's stop signal (so it is for a container
 * that is handed over once it runs), which then reaches a monitor that stays, and means a stop as SIGTERM does.
 */
record MonitorOptions(String id, Path bundle, String runtime, Path runtimeRoot, Path log, Path exitFile,
        Path pidFile, Path errorFile, Path attachSocket, int stopSignal, int stopTimeoutSeconds,
        String overlay, Path rootfs, boolean terminal, boolean interactive, String networkHelper, Path networkDir,
        Path networkSocket, String forwardTo, Path forwardNetns, List<PortMapping> publish, String logDriver, long logMaxSize,
        int timeoutSeconds, int preserveFds, Path readyWhen, Path notifyProxy, Path handOver, boolean killedWithStopSignal,
        ExitCleanup cleanup) {

    static final String LOG_NONE = "none";
    static final String LOG_PASSTHROUGH = "passthrough";

    MonitorOptions {
        require(id, "--id");
        require(bundle, "--bundle");
        require(runtime, "--runtime");
        require(runtimeRoot, "--runtime-root");
        require(log, "--log");
        require(exitFile, "--exit-file");
        require(pidFile, "--pid-file");
        require(errorFile, "--error-file");
        require(attachSocket, "--attach-socket");
        if (stopSignal < 1 || stopSignal > 64) {
            throw new IllegalArgumentException("--stop-signal must be a signal number from 1 to 64, got " + stopSignal);
        }
        if (stopTimeoutSeconds < 0) {
            throw new IllegalArgumentException("--stop-timeout must not be negative, got " + stopTimeoutSeconds);
        }
        if ((overlay == null) != (rootfs == null)) {
            throw new IllegalArgumentException("--overlay and --rootfs go together");
        }
        if (networkHelper != null && (networkDir == null || networkSocket == null)) {
            throw new IllegalArgumentException("--network-helper needs --network-dir and --network-socket");
        }
        if ((forwardTo == null) != (forwardNetns == null)) {
            throw new IllegalArgumentException("--forward-to and --forward-netns go together");
        }
        if (networkHelper != null && forwardTo != null) {
            throw new IllegalArgumentException("--network-helper and --forward-to exclude each other");
        }
        publish = List.copyOf(publish);
        if (readyWhen != null && notifyProxy != null) {
            throw new IllegalArgumentException("--ready-when and --notify-proxy exclude each other");
        }
        if (logDriver != null && !logDriver.equals(LOG_NONE) && !logDriver.equals(LOG_PASSTHROUGH)) {
            throw new IllegalArgumentException("--log-driver must be none or passthrough, got " + logDriver);
        }
        if (handOver != null && (!LOG_PASSTHROUGH.equals(logDriver) || terminal || interactive || timeoutSeconds > 0
                || readyWhen != null || notifyProxy != null || forwardTo != null)) {
            // Each of these needs a process that stays: to pump output, count time, wait for health, relay
            // notifications or forward ports.
            throw new IllegalArgumentException("--hand-over needs --log-driver passthrough, and neither --terminal,"
                    + " --interactive, --timeout, --ready-when, --notify-proxy nor --forward-to");
        }
    }

    boolean passthrough() {
        return LOG_PASSTHROUGH.equals(logDriver);
    }

    private static void require(Object value, String option) {
        if (value == null) {
            throw new IllegalArgumentException("missing required option " + option);
        }
    }

    static MonitorOptions parse(String[] args) {
        String id = null;
        String runtime = null;
        String overlay = null;
        Path bundle = null;
        Path runtimeRoot = null;
        Path log = null;
        Path exitFile = null;
        Path pidFile = null;
        Path errorFile = null;
        Path attachSocket = null;
        Path rootfs = null;
        int stopSignal = 15;
        int stopTimeout = 10;
        boolean terminal = false;
        boolean interactive = false;
        String networkHelper = null;
        Path networkDir = null;
        Path networkSocket = null;
        String forwardTo = null;
        Path forwardNetns = null;
        List<PortMapping> publish = new ArrayList<>();
        String logDriver = null;
        long logMaxSize = 0;
        int timeout = 0;
        int preserveFds = 0;
        Path readyWhen = null;
        Path notifyProxy = null;
        Path handOver = null;
        Path storeRoot = null;
        Path storeRunRoot = null;
        boolean rootless = false;
        boolean remove = false;
        boolean killedWithStopSignal = false;
        Path unitFile = null;
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            if (option.equals("--terminal")) {
                terminal = true;
                continue;
            }
            if (option.equals("--interactive")) {
                interactive = true;
                continue;
            }
            if (option.equals("--rootless")) {
                rootless = true;
                continue;
            }
            if (option.equals("--remove")) {
                remove = true;
                continue;
            }
            if (option.equals("--killed-with-stop-signal")) {
                killedWithStopSignal = true;
                continue;
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("unknown option or missing value: " + option);
            }
            String value = args[++i];
            switch (option) {
                case "--id" -> id = value;
                case "--bundle" -> bundle = Path.of(value);
                case "--runtime" -> runtime = value;
                case "--runtime-root" -> runtimeRoot = Path.of(value);
                case "--log" -> log = Path.of(value);
                case "--exit-file" -> exitFile = Path.of(value);
                case "--pid-file" -> pidFile = Path.of(value);
                case "--error-file" -> errorFile = Path.of(value);
                case "--attach-socket" -> attachSocket = Path.of(value);
                case "--stop-signal" -> stopSignal = number(option, value);
                case "--stop-timeout" -> stopTimeout = number(option, value);
                case "--overlay" -> overlay = value;
                case "--rootfs" -> rootfs = Path.of(value);
                case "--network-helper" -> networkHelper = value;
                case "--network-dir" -> networkDir = Path.of(value);
                case "--network-socket" -> networkSocket = Path.of(value);
                case "--forward-to" -> forwardTo = value;
                case "--forward-netns" -> forwardNetns = Path.of(value);
                case "--publish" -> publish.add(PublishedPorts.decode(value));
                case "--log-driver" -> logDriver = value;
                case "--log-max-size" -> logMaxSize = longNumber(option, value);
                case "--timeout" -> timeout = number(option, value);
                case "--preserve-fds" -> preserveFds = number(option, value);
                case "--ready-when" -> readyWhen = Path.of(value);
                case "--notify-proxy" -> notifyProxy = Path.of(value);
                case "--hand-over" -> handOver = Path.of(value);
                case "--store-root" -> storeRoot = Path.of(value);
                case "--store-runroot" -> storeRunRoot = Path.of(value);
                case "--unit-file" -> unitFile = Path.of(value);
                default -> throw new IllegalArgumentException("unknown option: " + option);
            }
        }
        return new MonitorOptions(id, bundle, runtime, runtimeRoot, log, exitFile, pidFile, errorFile, attachSocket,
                stopSignal, stopTimeout, overlay, rootfs, terminal, interactive, networkHelper, networkDir,
                networkSocket, forwardTo, forwardNetns, publish, logDriver, logMaxSize, timeout, preserveFds, readyWhen, notifyProxy, handOver, killedWithStopSignal,
                ExitCleanup.of(storeRoot, storeRunRoot, rootless, remove, unitFile));
    }

    private static int number(String option, String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " needs a number, got '" + value + "'");
        }
    }

    private static long longNumber(String option, String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " needs a number, got '" + value + "'");
        }
    }
}
