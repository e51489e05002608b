package dev.vaina.monitor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.vaina.linux.FdInputStream;
import dev.vaina.linux.FileDescriptors;
import dev.vaina.linux.Pipe;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The launcher's side of the two pipes played by the test, through real pipes. */
class OptionsPipeTest {
    @Test
    void tellsItsPid_thenReadsTheOptions_afterTheId() throws Exception {
        assertArrayEquals(new String[] {"--id", "c1", "--bundle", "/run/b \u00e9", "--terminal", ""},
                monitorStarted().given("--bundle\0/run/b \u00e9\0--terminal\0\0").get(10, TimeUnit.SECONDS));
    }

    @Test
    void aPipeClosedWithoutAWord_meansTheLauncherGaveUp() throws Exception {
        assertNull(monitorStarted().given("").get(10, TimeUnit.SECONDS));
    }

    @Test
    void optionsCutShort_areRefused() throws Exception {
        CompletableFuture<String[]> read = monitorStarted().given("--bundle\0/run/b");
        Exception e = assertThrows(java.util.concurrent.ExecutionException.class, () -> read.get(10, TimeUnit.SECONDS));
        assertEquals("the launcher's options end without a NUL byte", e.getCause().getCause().getMessage());
    }

    @Test
    void aCommandLineWithoutPipes_isTheWholeCommandLine() throws Exception {
        String[] args = {"--id", "c1", "--bundle", "/b"};
        assertArrayEquals(args, OptionsPipe.commandLine(args));
    }

    @Test
    void onePipeWithoutTheOther_orNoDescriptor_isRefused() {
        IllegalArgumentException half = assertThrows(IllegalArgumentException.class,
                () -> OptionsPipe.commandLine(new String[] {"--id", "c1", "--options-from", "5"}));
        assertEquals("--options-from and --pid-to go together", half.getMessage());
        IllegalArgumentException stdin = assertThrows(IllegalArgumentException.class,
                () -> OptionsPipe.commandLine(new String[] {"--options-from", "0", "--pid-to", "7"}));
        assertEquals("--options-from takes a descriptor number above 2, got 0", stdin.getMessage());
    }

    /** The launcher's side: the monitor, reading in the background, has told its PID. */
    private record Launcher(Pipe options, CompletableFuture<String[]> read) {
        /** Writes {@code options} and closes the pipe; the monitor's reading ends. */
        CompletableFuture<String[]> given(String options) throws IOException {
            byte[] bytes = options.getBytes(StandardCharsets.UTF_8);
            FileDescriptors.write(options().writeFd(), bytes, 0, bytes.length);
            FileDescriptors.close(options().writeFd());
            return read;
        }
    }

    private static Launcher monitorStarted() throws IOException {
        Pipe options = Pipe.open();
        Pipe pid = Pipe.open();
        String[] args = {"--id", "c1", "--options-from", Integer.toString(options.readFd()),
            "--pid-to", Integer.toString(pid.writeFd())};
        CompletableFuture<String[]> read = CompletableFuture.supplyAsync(() -> {
            try {
                return OptionsPipe.commandLine(args);
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
