package dev.vaina.engine;

import dev.vaina.launch.ContainerPaths;
import dev.vaina.linux.Signalling;
import dev.vaina.spec.FileBytes;
import dev.vaina.store.StoreLayout;
import java.io.IOException;
import java.nio.file.NoSuchFileException;

/** The container's init process, as the monitor recorded it from the runtime's pid file. */
public final class ContainerPid {
    private ContainerPid() {
    }

    public static long read(StoreLayout layout, String id) throws IOException {
        try {
            String text = FileBytes.readString(layout.containerRunFileName(id, ContainerPaths.PID)).strip();
            return text.isEmpty() ? 0 : Long.parseLong(text);
        } catch (NoSuchFileException e) {
            return 0;
        }
    }

    public static void signal(long pid, int signal) throws IOException {
        Signalling.kill((int) pid, signal);
    }
}
