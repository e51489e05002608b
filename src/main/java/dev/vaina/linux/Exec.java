package dev.vaina.linux;

import com.sun.jna.LastErrorException;
import java.util.List;
import java.util.Map;

/** execve(2): replaces the whole JVM process, keeping its PID (systemd's MainPID). */
public final class Exec {
    private Exec() {
    }

    /**
     * Never returns normally: on success the process image is replaced. The new program gets standard input,
     * output and error and the {@code passed} descriptors after them (from 3: socket activation's), nothing
     * else: the JVM's own files (its modules image, a jar it read a class or a resource from) would otherwise
     * stay open in it for its whole life, since the JDK does not open them close-on-exec.
     */
    public static void execve(String path, List<String> argv, Map<String, String> env, int passed)
            throws NativeCallException {
        try {
            LibC.INSTANCE.close_range(3 + passed, -1, LibC.CLOSE_RANGE_CLOEXEC);
        } catch (LastErrorException | UnsatisfiedLinkError olderSystem) {
            // Before Linux 5.11 or glibc 2.34: the new program inherits them, which costs descriptors, not function.
        }
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
