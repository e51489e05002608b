package dev.vaina.linux;

import com.sun.jna.LastErrorException;
import java.util.List;
import java.util.Map;

/** execve(2): replaces the whole JVM process, keeping its PID (systemd's MainPID). */
public final class Exec {
    private Exec() {
    }

    /** Never returns normally: on success the process image is replaced. */
    public static void execve(String path, List<String> argv, Map<String, String> env) throws NativeCallException {
        String[] args = argv.toArray(new String[0]);
        String[] environment = new String[env.size()];
        int i = 0;
        for (Map.Entry<String, String> entry : env.entrySet()) {
            environment[i++] = entry.getKey() + "=" + entry.getValue();
        }
        try {
            LibC.INSTANCE.execve(path, args, environment);
        } catch (LastErrorException e) {
            throw NativeCallException.of("execve(" + path + ", " + argv + ")", e);
        }
        throw new IllegalStateException("execve(" + path + ") returned without an error");
    }
}
