package dev.vaina.linux;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The libc helpers against the real kernel. */
class NativeHelpersTest {
    @TempDir
    Path dir;

    @Test
    void datagramSocket_pathAndAbstract_roundTrip() throws Exception {
        String path = dir.resolve("notify.sock").toString();
        String abstractName = "@vaina-linux-test-" + ProcessHandle.current().pid();
        for (String name : List.of(path, abstractName)) {
            try (UnixDatagramSocket receiver = UnixDatagramSocket.bind(name);
                    UnixDatagramSocket sender = UnixDatagramSocket.open()) {
                sender.send(name, "READY=1\nSTATUS=ü");
                assertEquals("READY=1\nSTATUS=ü", receiver.receive(2000));
            }
        }
    }

    @Test
    void datagramSocket_receiveTimesOut() throws Exception {
        try (UnixDatagramSocket receiver = UnixDatagramSocket.bind(dir.resolve("quiet.sock").toString())) {
            long start = System.nanoTime();
            assertNull(receiver.receive(200));
            assertTrue(System.nanoTime() - start >= TimeUnit.MILLISECONDS.toNanos(150));
        }
    }

    @Test
    void datagramSocket_sendToNobody_namesCallAndStrerror() throws Exception {
        try (UnixDatagramSocket sender = UnixDatagramSocket.open()) {
            NativeCallException e = assertThrows(NativeCallException.class,
                    () -> sender.send(dir.resolve("absent.sock").toString(), "x"));
            assertTrue(e.getMessage().startsWith("sendto(" + dir.resolve("absent.sock") + ") failed: "
                    + "No such file or directory (errno 2)"), e.getMessage());
        }
    }

    @Test
    void pipe_carriesBytesAndEndsWithEof() throws Exception {
        Pipe pipe = Pipe.open();
        try (InputStream in = new FdInputStream(pipe.readFd())) {
            try (OutputStream out = new FdOutputStream(pipe.writeFd())) {
                out.write("hello".getBytes(StandardCharsets.UTF_8), 1, 3);
            }
            assertArrayEquals("ell".getBytes(StandardCharsets.UTF_8), in.readAllBytes());
        }
    }

    @Test
    void kill_deliversSignal_andReportsGoneProcess() throws Exception {
        Process sleeper = new ProcessBuilder("sleep", "30").start();
        assertTrue(Signalling.kill((int) sleeper.pid(), Signalling.SIGTERM));
        assertTrue(sleeper.waitFor(5, TimeUnit.SECONDS));
        assertEquals(143, sleeper.exitValue());
        assertFalse(Signalling.kill((int) sleeper.pid(), Signalling.SIGTERM));

        // SIGKILL goes through the JDK as SIGTERM does; any other signal through kill(2). SIGUSR1 (10), not SIGINT or
        // SIGHUP, which a shell's background job or nohup ignores, and children inherit that.
        for (int[] signalAndStatus : new int[][] {{Signalling.SIGKILL, 137}, {10, 138}}) {
            Process other = new ProcessBuilder("sleep", "30").start();
            assertTrue(Signalling.kill((int) other.pid(), signalAndStatus[0]));
            assertTrue(other.waitFor(5, TimeUnit.SECONDS));
            assertEquals(signalAndStatus[1], other.exitValue());
            assertFalse(Signalling.kill((int) other.pid(), signalAndStatus[0]));
        }
    }

    @Test
    void processes_reportOwnIds() {
        assertEquals(ProcessHandle.current().pid(), Processes.pid());
        assertEquals(0, Processes.effectiveUid(), "tests run as root");
    }

    @Test
    void terminalCalls_onANonTerminal_fail() throws Exception {
        Pipe pipe = Pipe.open();
        assertFalse(Terminal.isTerminal(pipe.readFd()));
        NativeCallException e = assertThrows(NativeCallException.class, () -> Terminal.windowSize(pipe.readFd()));
        assertTrue(e.getMessage().contains("TIOCGWINSZ") && e.getMessage().contains("Inappropriate ioctl"),
                e.getMessage());
        FileDescriptors.close(pipe.readFd());
        FileDescriptors.close(pipe.writeFd());
    }

    @Test
    void execve_replacesTheProcessAndKeepsItsPid() throws Exception {
        Process probe = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), ExecProbe.class.getName())
                .redirectErrorStream(true).start();
        String output = new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(probe.waitFor(20, TimeUnit.SECONDS));
        // UTF-8 whatever the locale: argv and the environment cross as char ** of UTF-8 strings.
        assertEquals("pid=" + probe.pid() + " greeting=h\u00e9llo from execve \u00fc\n", output);
    }

    /** Runs in its own JVM: execs a shell that prints its pid and an environment variable. */
    public static final class ExecProbe {
        public static void main(String[] args) throws IOException {
            Exec.execve("/bin/sh", List.of("sh", "-c", "echo pid=$$ greeting=$GREETING $0", "\u00fc"),
                    Map.of("GREETING", "h\u00e9llo from execve"));
        }
    }

    @Test
    void jnaLoads_withoutInitialisingTheSecurityManager() throws Exception {
        Process probe = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xlog:class+init=info:stdout", "-cp", System.getProperty("java.class.path"), JnaProbe.class.getName())
                .redirectErrorStream(true).start();
        String output = new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(probe.waitFor(20, TimeUnit.SECONDS));
        assertTrue(output.contains("pid=" + probe.pid()), output);
        assertTrue(output.contains("Initializing 'com/sun/jna/Native'"), output);
        assertFalse(output.contains("Initializing 'java/lang/SecurityManager'"), output);
    }

    @Test
    void spawnLoggingTo_aPathOutsideAscii_writesThere(@TempDir Path dir) throws Exception {
        // Paths cross as UTF-8 whatever the locale (a monitor may run with LANG unset).
        Path log = Files.createFile(dir.resolve("\u00e9t\u00e9.log"));
        int pid = Spawn.spawnLoggingTo(List.of("/bin/echo", "written"), log);
        assertEquals(ExitStatus.exited(0), Processes.waitFor(pid));
        assertEquals("written\n", Files.readString(log));
    }

    @Test
    void spawnInheriting_keepsTheDescriptorsAskedFor_andNoOther() throws Exception {
        Pipe out = Pipe.open(); // close-on-exec, as every pipe of ours
        int stray = LibC.INSTANCE.open("/dev/null", LibC.O_RDONLY); // without close-on-exec, as the JDK opens files
        try {
            int pid = Spawn.spawnInheriting(List.of("/bin/sh", "-c",
                    "for fd in \"$@\"; do if [ -e /proc/self/fd/$fd ]; then echo \"$fd open\"; else echo \"$fd closed\"; fi;"
                            + " done > /proc/self/fd/$1", "sh", Integer.toString(out.writeFd()), Integer.toString(stray)),
                    Map.of("PATH", "/usr/bin:/bin"), java.util.Set.of(out.writeFd()));
            FileDescriptors.close(out.writeFd());
            String told;
            try (InputStream in = new FdInputStream(out.readFd())) {
                told = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
            }
            assertEquals(ExitStatus.exited(0), Processes.waitFor(pid));
            assertEquals(out.writeFd() + " open\n" + stray + " closed\n", told);
        } finally {
            FileDescriptors.close(stray);
        }
    }

    @Test
    void closeOnExec_keepsADescriptorFromChildren_butOpenHere() throws Exception {
        int fd = LibC.INSTANCE.open("/dev/null", LibC.O_RDONLY); // without close-on-exec, as one inherited
        try {
            assertEquals("no", closeOnExec(fd));
            FileDescriptors.closeOnExec(fd);
            assertEquals("yes", closeOnExec(fd));
            Pipe out = Pipe.open();
            int pid = Spawn.spawn(List.of("/bin/sh", "-c", "[ -e /proc/self/fd/" + fd + " ] && echo open || echo closed"),
                    Map.of("PATH", "/usr/bin:/bin"), 0, out.writeFd(), 2);
            FileDescriptors.close(out.writeFd());
            String told;
            try (InputStream in = new FdInputStream(out.readFd())) {
                told = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
            }
            assertEquals(ExitStatus.exited(0), Processes.waitFor(pid));
            assertEquals("closed\n", told);
        } finally {
            FileDescriptors.close(fd);
        }
        NativeCallException closed = assertThrows(NativeCallException.class, () -> FileDescriptors.closeOnExec(fd));
        assertEquals(9, closed.errno()); // EBADF
    }

    /** Whether /proc says {@code fd} has O_CLOEXEC (octal 02000000 in its flags). */
    private static String closeOnExec(int fd) throws IOException {
        String flags = Files.readAllLines(Path.of("/proc/self/fdinfo/" + fd)).stream()
                .filter(line -> line.startsWith("flags:")).findFirst().orElseThrow().substring(6).strip();
        return (Integer.parseInt(flags, 8) & 02000000) != 0 ? "yes" : "no";
    }

    /** Runs in its own JVM: loads JNA as the launcher and the monitor do, then makes a call through it. */
    public static final class JnaProbe {
        public static void main(String[] args) {
            Jna.load();
            System.out.println("pid=" + LibC.INSTANCE.getpid());
        }
    }

    @Test
    void unixStreamServer_acceptsAndRemovesItsFile() throws Exception {
        Path path = dir.resolve("s.sock");
        Files.writeString(path, "stale");
        try (UnixStreamServer server = UnixStreamServer.listen(path, 2000);
                java.nio.channels.SocketChannel client = java.nio.channels.SocketChannel.open(
                        java.net.UnixDomainSocketAddress.of(path))) {
            client.write(java.nio.ByteBuffer.wrap(new byte[] {1, 2, 3}));
            client.shutdownOutput();
            int connection = server.accept();
            try (InputStream in = new FdInputStream(connection)) {
                assertArrayEquals(new byte[] {1, 2, 3}, in.readAllBytes());
            }
            assertFalse(Files.exists(dir.resolve("s.sock.new")));
        }
        assertFalse(Files.exists(path));
    }

    @Test
    void unixStreamServer_acceptTimesOut() throws Exception {
        try (UnixStreamServer server = UnixStreamServer.listen(dir.resolve("t.sock"), 100)) {
            NativeCallException e = assertThrows(NativeCallException.class, server::accept);
            assertEquals(LibC.EAGAIN, e.errno());
        }
    }

    @Test
    void fileDescriptors_closeTwice_namesTheFd() throws Exception {
        Pipe pipe = Pipe.open();
        FileDescriptors.close(pipe.writeFd());
        NativeCallException e = assertThrows(NativeCallException.class, () -> FileDescriptors.close(pipe.writeFd()));
        assertEquals("close(fd " + pipe.writeFd() + ") failed: Bad file descriptor (errno 9)", e.getMessage());
        assertEquals(9, e.errno());
        FileDescriptors.close(pipe.readFd());
        assertTrue(Files.isDirectory(dir));
    }
}
