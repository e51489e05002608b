package dev.vaina.linux;

import com.sun.jna.LastErrorException;
import com.sun.jna.Memory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * posix_spawn(3) of a short-lived child with chosen stdio. Unlike java.lang.ProcessBuilder, which closes
 * every descriptor above 2 in the child, this keeps the ones without FD_CLOEXEC open: the listening
 * sockets systemd hands a socket-activated service reach the OCI runtime this way.
 */
public final class Spawn {
    private Spawn() {
    }

    /**
     * Starts {@code argv} (argv[0] an absolute path) with the given descriptors as its stdin, stdout and
     * stderr; returns its pid, which the caller waits for with {@link Processes#waitFor(int)}.
     */
    public static int spawn(List<String> argv, Map<String, String> env, int stdin, int stdout, int stderr)
            throws NativeCallException {
        String[] environment = env.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toArray(String[]::new);
        try (Memory actions = new Memory(LibC.POSIX_SPAWN_FILE_ACTIONS_SIZE)) {
            check("posix_spawn_file_actions_init", LibC.INSTANCE.posix_spawn_file_actions_init(actions));
            try {
                int[] fds = {stdin, stdout, stderr};
                for (int target = 0; target < fds.length; target++) {
                    check("posix_spawn_file_actions_adddup2",
                            LibC.INSTANCE.posix_spawn_file_actions_adddup2(actions, fds[target], target));
                }
                int[] pid = new int[1];
                check("posix_spawn(" + argv + ")", LibC.INSTANCE.posix_spawn(pid, argv.get(0), actions, null,
                        argv.toArray(String[]::new), environment));
                return pid[0];
            } finally {
                LibC.INSTANCE.posix_spawn_file_actions_destroy(actions);
            }
        }
    }

    /**
     * Starts {@code argv} (argv[0] a name looked up in $PATH, or a path) with stdin from /dev/null and its
     * stdout and stderr appended to {@code output}, a file that exists; returns its pid.
     */
    public static int spawnLoggingTo(List<String> argv, Path output) throws NativeCallException {
        List<String> command = new ArrayList<>(argv);
        command.set(0, onPath(argv.get(0)));
        int out = open(output.toString(), LibC.O_WRONLY | LibC.O_APPEND);
        try {
            return spawnWithoutInput(command, System.getenv(), out, out);
        } finally {
            FileDescriptors.close(out);
        }
    }

    /** As {@link #spawn}, with stdin from /dev/null. */
    public static int spawnWithoutInput(List<String> argv, Map<String, String> env, int stdout, int stderr)
            throws NativeCallException {
        int in = open("/dev/null", LibC.O_RDONLY);
        try {
            return spawn(argv, env, in, stdout, stderr);
        } finally {
            FileDescriptors.close(in);
        }
    }

    /** {@code program}'s path: as given when it names a directory, else the first executable of that name in $PATH. */
    static String onPath(String program) {
        if (program.contains("/")) {
            return program;
        }
        String path = System.getenv("PATH");
        for (String dir : (path == null ? "/usr/local/bin:/usr/bin:/bin" : path).split(":")) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, program))) {
                return Path.of(dir, program).toString();
            }
        }
        return program;
    }

    private static int open(String path, int flags) throws NativeCallException {
        try {
            return LibC.INSTANCE.open(path, flags | LibC.O_CLOEXEC);
        } catch (LastErrorException e) {
            throw NativeCallException.of("open(" + path + ")", e);
        }
    }

    private static void check(String call, int error) throws NativeCallException {
        if (error != 0) {
            throw new NativeCallException(call, error);
        }
    }
}
