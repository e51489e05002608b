package dev.vaina.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vaina.linux.Processes;
import dev.vaina.linux.UnixDatagramSocket;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the real Monitor, as a separate JVM, supervising real runc containers made of busybox. */
class MonitorTest {
    private static final Pattern CRI_LINE =
            Pattern.compile("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{9}Z (stdout|stderr) [FP] .*");

    @TempDir
    Path work;

    @BeforeAll
    static void requireRoot() {
        assertEquals(0, Processes.effectiveUid(), "these tests run runc as root");
    }

    private TestBundle bundle(String script) throws Exception {
        return TestBundle.create(work.resolve("bundle"), false, false, "sh", "-c", script);
    }

    private MonitorRun run(TestBundle bundle, String... options) throws IOException {
        return MonitorRun.start(work, bundle, List.of(options), Map.of());
    }

    @Test
    void exitCodeAndLogInCriFormat() throws Exception {
        TestBundle bundle = bundle("echo out1; echo err1 >&2; echo out2; printf tail; exit 7");
        Files.writeString(work.resolve("error"), "left over from an earlier run\n");
        Files.writeString(work.resolve("exit"), "99");
        MonitorRun monitor = run(bundle);

        assertEquals(7, monitor.waitForExit(), monitor.monitorErrors());
        assertTrue(Files.notExists(monitor.errorFile), "stale error file removed");
        assertEquals("7", Files.readString(monitor.exitFile));
        List<String> lines = Files.readAllLines(monitor.log);
        for (String line : lines) {
            assertTrue(CRI_LINE.matcher(line).matches(), "not a CRI log line: " + line);
        }
        List<String> stdout = lines.stream().filter(l -> l.contains(" stdout ")).map(l -> l.substring(31)).toList();
        List<String> stderr = lines.stream().filter(l -> l.contains(" stderr ")).map(l -> l.substring(31)).toList();
        assertEquals(List.of("stdout F out1", "stdout F out2", "stdout P tail"), stdout);
        assertEquals(List.of("stderr F err1"), stderr);
        assertTrue(Files.readString(monitor.pidFile).strip().matches("\\d+"));
    }

    @Test
    void missingCommandExits127() throws Exception {
        MonitorRun monitor = run(TestBundle.create(work.resolve("bundle"), false, false, "nosuchcommand"));

        assertEquals(127, monitor.waitForExit());
        assertEquals("127", Files.readString(monitor.exitFile));
        String error = Files.readString(monitor.errorFile);
        assertTrue(error.contains("executable file not found in $PATH"), error);
        assertEquals(1, error.lines().count(), error);
    }

    @Test
    void nonExecutableFileExits126() throws Exception {
        TestBundle bundle = TestBundle.create(work.resolve("bundle"), false, false, "/not-executable");
        Files.writeString(bundle.dir.resolve("rootfs/not-executable"), "data\n");

        MonitorRun monitor = run(bundle);

        assertEquals(126, monitor.waitForExit());
        assertEquals("126", Files.readString(monitor.exitFile));
        assertTrue(Files.readString(monitor.errorFile).contains("permission denied"));
    }

    @Test
    void sigtermDeliversStopSignalAndContainerCodeComesBack() throws Exception {
        MonitorRun monitor = run(bundle(
                "trap 'echo got TERM; exit 42' TERM; echo ready; while true; do sleep 0.1; done"));
        monitor.awaitLog("ready");

        monitor.process.destroy(); // SIGTERM, as systemd sends to the MainPID

        assertEquals(42, monitor.waitForExit(), monitor.monitorErrors());
        assertTrue(monitor.logText().contains("stdout F got TERM"), monitor.logText());
        assertEquals("42", Files.readString(monitor.exitFile));
    }

    /** A unit that stops with the container's stop signal (KillSignal=) sends it to a monitor that stayed. */
    @Test
    void theStopSignalItself_stopsLikeSigterm_whenTheUnitStopsWithIt() throws Exception {
        TestBundle bundle = bundle("trap 'echo got USR1; exit 43' USR1; echo ready; while true; do sleep 0.1; done");
        MonitorRun monitor = MonitorRun.start(work, bundle, List.of("--stop-signal", "10", "--killed-with-stop-signal"),
                Map.of());
        monitor.awaitLog("ready");

        new ProcessBuilder("kill", "-USR1", Long.toString(monitor.process.pid())).start().waitFor();

        assertEquals(43, monitor.waitForExit(), monitor.monitorErrors());
        assertTrue(monitor.logText().contains("stdout F got USR1"), monitor.logText());
    }

    @Test
    void stopTimeoutEscalatesToSigkill() throws Exception {
        TestBundle bundle = bundle("echo ready; sleep 60; echo never");
        MonitorRun monitor = MonitorRun.start(work, bundle, List.of("--stop-timeout", "1"), Map.of());
        monitor.awaitLog("ready");
        long start = System.nanoTime();

        monitor.process.destroy();

        assertEquals(137, monitor.waitForExit(), monitor.monitorErrors());
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertTrue(millis >= 900 && millis < 8000, "stopped after " + millis + " ms");
        assertEquals("137", Files.readString(monitor.exitFile));
    }

    @Test
    void overlayIsMountedBeforeTheContainerStarts() throws Exception {
        Path lower = Files.createDirectories(work.resolve("lower"));
        TestBundle.busyboxRootfs(lower);
        Files.writeString(lower.resolve("hello.txt"), "from the lower layer\n");
        Path upper = Files.createDirectories(work.resolve("upper"));
        Path overlayWork = Files.createDirectories(work.resolve("overlay-work"));
        TestBundle bundle = TestBundle.create(work.resolve("bundle"), false, true, "sh", "-c",
                "cat /hello.txt; echo written > /new.txt");
        String options = "lowerdir=" + lower + ",upperdir=" + upper + ",workdir=" + overlayWork;

        MonitorRun monitor = run(bundle, "--overlay", options, "--rootfs", bundle.dir.resolve("rootfs").toString());

        assertEquals(0, monitor.waitForExit(), monitor.monitorErrors());
        assertTrue(monitor.logText().contains("stdout F from the lower layer"), monitor.logText());
        assertEquals("written\n", Files.readString(upper.resolve("new.txt")));
        assertTrue(Files.notExists(lower.resolve("new.txt")));
    }

    @Test
    void attachWithoutTerminalFramesOutputAndFeedsStdin() throws Exception {
        MonitorRun monitor = run(bundle("read line; echo \"got $line\"; echo bye >&2"), "--interactive");
        try (SocketChannel client = connect(monitor)) {
            send(client, new byte[] {0, 0, 0, 0, 6}, "hello\n".getBytes(StandardCharsets.UTF_8));
            send(client, new byte[] {2});

            ByteArrayOutputStream stdout = new ByteArrayOutputStream();
            ByteArrayOutputStream stderr = new ByteArrayOutputStream();
            ByteBuffer header = ByteBuffer.allocate(5);
            while (readFully(client, header.clear())) {
                header.flip();
                int stream = header.get();
                ByteBuffer data = ByteBuffer.allocate(header.getInt());
                assertTrue(readFully(client, data), "frame cut short");
                (stream == 1 ? stdout : stderr).write(data.array());
                assertTrue(stream == 1 || stream == 2, "stream id " + stream);
            }
            assertEquals("got hello\n", stdout.toString(StandardCharsets.UTF_8));
            assertEquals("bye\n", stderr.toString(StandardCharsets.UTF_8));
        }
        assertEquals(0, monitor.waitForExit(), monitor.monitorErrors());
        assertTrue(monitor.logText().contains("stdout F got hello"), monitor.logText());
    }

    @Test
    void attachWithTerminalCarriesRawPtyResizeAndInput() throws Exception {
        TestBundle bundle = TestBundle.create(work.resolve("bundle"), true, false, "sh", "-c",
                "read line; stty size; echo \"got $line\"");
        MonitorRun monitor = run(bundle, "--terminal", "--interactive");
        try (SocketChannel client = connect(monitor)) {
            send(client, new byte[] {1, 0, 40, 0, 100});
            send(client, new byte[] {0, 0, 0, 0, 3}, "hi\n".getBytes(StandardCharsets.UTF_8));

            ByteArrayOutputStream output = new ByteArrayOutputStream();
            ByteBuffer buffer = ByteBuffer.allocate(4096);
            while (client.read(buffer.clear()) >= 0) {
                output.write(buffer.array(), 0, buffer.position());
            }
            String text = output.toString(StandardCharsets.UTF_8);
            assertTrue(text.contains("40 100\r\n"), text);
            assertTrue(text.contains("got hi\r\n"), text);
        }
        assertEquals(0, monitor.waitForExit(), monitor.monitorErrors());
        assertTrue(monitor.logText().contains("stdout F got hi\r"), monitor.logText());
    }

    @Test
    void notifiesReadyOnAbstractNotifySocketAndStaysSmall() throws Exception {
        String socketName = "@vaina-test-notify-" + ProcessHandle.current().pid() + "-" + System.nanoTime();
        try (UnixDatagramSocket notify = UnixDatagramSocket.bind(socketName)) {
            MonitorRun monitor = MonitorRun.start(work, bundle("echo started; sleep 30"),
                    List.of("--stop-signal", "9"), Map.of("NOTIFY_SOCKET", socketName));

            assertEquals("READY=1", notify.receive(15_000), () -> errors(monitor));
            assertTrue(Files.readString(monitor.pidFile).strip().matches("\\d+"), "pid file ready before READY=1");
            monitor.awaitLog("started");
            long rssKib = MonitorMemory.report(monitor.process.pid());
            // An idle JVM with these flags is about 33 MiB here; the monitor must stay close to that.
            assertTrue(rssKib < 64 * 1024, "monitor RSS " + rssKib + " KiB");

            monitor.process.destroy();
            assertEquals(137, monitor.waitForExit(), monitor.monitorErrors());
        }
    }

    private static SocketChannel connect(MonitorRun monitor) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (!Files.exists(monitor.attachSocket)) {
            assertTrue(System.nanoTime() < deadline && monitor.process.isAlive(),
                    () -> "no attach socket; " + errors(monitor));
            Thread.sleep(10);
        }
        SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX);
        channel.connect(UnixDomainSocketAddress.of(monitor.attachSocket));
        return channel;
    }

    private static String errors(MonitorRun monitor) {
        try {
            return monitor.monitorErrors();
        } catch (IOException e) {
            return e.toString();
        }
    }

    private static void send(SocketChannel channel, byte[]... parts) throws IOException {
        for (byte[] part : parts) {
            ByteBuffer buffer = ByteBuffer.wrap(part);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
        }
    }

    /** Fills the buffer; false at a clean end of stream before the first byte. */
    private static boolean readFully(SocketChannel channel, ByteBuffer buffer) throws IOException {
        while (buffer.hasRemaining()) {
            if (channel.read(buffer) < 0) {
                if (buffer.position() == 0) {
                    return false;
                }
                throw new IOException("stream ended inside a frame");
            }
        }
        return true;
    }
}
