package dev.vaina.monitor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vaina.launch.MonitorStart;
import dev.vaina.linux.FdInputStream;
import dev.vaina.linux.FileDescriptors;
import dev.vaina.linux.Pipe;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The launcher's side of the two pipes played by the test, through real pipes. */
class OptionsPipeTest {
    @Test
    void tellsItsPid_thenReadsTheOptions_afterTheId_thenWaitsForTheWordToStart() throws Exception {
        Launcher launcher = monitorStarted();
        OptionsPipe read = launcher.given("--bundle\0/run/b \u00e9\0--terminal\0\0");
        assertArrayEquals(new String[] {"--id", "c1", "--bundle", "/run/b \u00e9", "--terminal", ""},
                read.commandLine());
        // The pipe stays open for the word to start (FileDescriptors.closeOnExec keeps it from the runtime's processes).
        int fd = launcher.options().readFd();
        assertTrue(Files.exists(Path.of("/proc/self/fd/" + fd)));
        CompletableFuture<Boolean> start = CompletableFuture.supplyAsync(() -> awaitStart(read));
        Thread.sleep(100);
        assertFalse(start.isDone(), "the start waits for the launcher's word");
        FileDescriptors.write(launcher.options().writeFd(), new byte[] {MonitorStart.START}, 0, 1);
        FileDescriptors.close(launcher.options().writeFd());
        assertTrue(start.get(10, TimeUnit.SECONDS));
        assertFalse(Files.exists(Path.of("/proc/self/fd/" + fd)), "closed once read");
        assertTrue(read.awaitStart(), "asked again, the answer stays");
    }

    @Test
    void aPipeClosedAfterTheOptions_meansTheLauncherGaveUpBeforeTheStart() throws Exception {
        Launcher launcher = monitorStarted();
        OptionsPipe read = launcher.given("--bundle\0/b\0");
        FileDescriptors.close(launcher.options().writeFd());
        assertFalse(read.awaitStart());
    }

    @Test
    void aPipeClosedWithoutAWord_meansTheLauncherGaveUp() throws Exception {
        Launcher launcher = monitorStarted();
        FileDescriptors.close(launcher.options().writeFd());
        OptionsPipe read = launcher.read().get(10, TimeUnit.SECONDS);
        assertNull(read.commandLine());
        assertFalse(Files.exists(Path.of("/proc/self/fd/" + launcher.options().readFd())), "closed");
    }

    @Test
    void optionsCutShort_orWithoutTheirEnd_areRefused() throws Exception {
        Launcher cut = monitorStarted();
        byte[] bytes = "20\n--bundle\0".getBytes(StandardCharsets.UTF_8);
        FileDescriptors.write(cut.options().writeFd(), bytes, 0, bytes.length);
        FileDescriptors.close(cut.options().writeFd());
        assertEquals("the launcher's options end after 9 of 20 bytes", failure(cut.read()));

        Launcher unended = monitorStarted();
        assertEquals("the launcher's options end without a NUL byte",
                failure(CompletableFuture.supplyAsync(() -> given(unended, "--bundle\0/run/b"))));

        Launcher unmeasured = monitorStarted();
        bytes = "--bundle\0".getBytes(StandardCharsets.UTF_8);
        FileDescriptors.write(unmeasured.options().writeFd(), bytes, 0, bytes.length);
        FileDescriptors.close(unmeasured.options().writeFd());
        assertEquals("the launcher's options do not start with their length", failure(unmeasured.read()));
    }

    @Test
    void aCommandLineWithoutPipes_isTheWholeCommandLine_withNothingToWaitFor() throws Exception {
        String[] args = {"--id", "c1", "--bundle", "/b"};
        OptionsPipe read = OptionsPipe.read(args);
        assertArrayEquals(args, read.commandLine());
        assertTrue(read.awaitStart());
    }

    @Test
    void onePipeWithoutTheOther_orNoDescriptor_isRefused() {
        IllegalArgumentException half = assertThrows(IllegalArgumentException.class,
                () -> OptionsPipe.read(new String[] {"--id", "c1", "--options-from", "5"}));
        assertEquals("--options-from and --pid-to go together", half.getMessage());
        IllegalArgumentException stdin = assertThrows(IllegalArgumentException.class,
                () -> OptionsPipe.read(new String[] {"--options-from", "0", "--pid-to", "7"}));
        assertEquals("--options-from takes a descriptor number above 2, got 0", stdin.getMessage());
    }

    /** The launcher's side: the monitor, reading in the background, has told its PID. */
    private record Launcher(Pipe options, CompletableFuture<OptionsPipe> read) {
        /** Writes {@code options} as the launcher does (their length first), leaving the pipe open. */
        OptionsPipe given(String options) throws Exception {
            byte[] bytes = options.getBytes(StandardCharsets.UTF_8);
            byte[] length = (bytes.length + "\n").getBytes(StandardCharsets.US_ASCII);
            FileDescriptors.write(options().writeFd(), length, 0, length.length);
            FileDescriptors.write(options().writeFd(), bytes, 0, bytes.length);
            return read.get(10, TimeUnit.SECONDS);
        }
    }

    private static OptionsPipe given(Launcher launcher, String options) {
        try {
            return launcher.given(options);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean awaitStart(OptionsPipe read) {
        try {
            return read.awaitStart();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The message of the IOException that reading the options ended with. */
    private static String failure(CompletableFuture<OptionsPipe> read) {
        Throwable e = assertThrows(ExecutionException.class, () -> read.get(10, TimeUnit.SECONDS)).getCause();
        while (!(e instanceof IOException) && e.getCause() != null) {
            e = e.getCause();
        }
        return e.getMessage();
    }

    private static Launcher monitorStarted() throws IOException {
        Pipe options = Pipe.open();
        Pipe pid = Pipe.open();
        String[] args = {"--id", "c1", "--options-from", Integer.toString(options.readFd()),
            "--pid-to", Integer.toString(pid.writeFd())};
        CompletableFuture<OptionsPipe> read = CompletableFuture.supplyAsync(() -> {
            try {
                return OptionsPipe.read(args);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        assertEquals(Long.toString(ProcessHandle.current().pid()), readLine(pid.readFd()));
        return new Launcher(options, read);
    }

    /** As the launcher reads it: the monitor's own copy of the pipe stays open until it has its options. */
    private static String readLine(int fd) throws IOException {
        StringBuilder line = new StringBuilder();
        try (InputStream in = new FdInputStream(fd)) {
            for (int c = in.read(); c >= 0 && c != '\n'; c = in.read()) {
                line.append((char) c);
            }
        }
        return line.toString();
    }
}
