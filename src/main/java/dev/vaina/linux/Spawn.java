package dev.vaina.linux;

import com.sun.jna.LastErrorException;
import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
        return start(argv, env, new Stdio(new int[] {stdin, stdout, stderr}));
    }

    /**
     * As {@link #spawn}, with no other descriptor of this process's open in the child, whichever thread opened it
     * and whether or not it is close-on-exec: for a child whose output is read to its end, which a copy of a pipe's
     * write end in another child would hold back.
     */
    public static int spawnAlone(List<String> argv, Map<String, String> env, int stdin, int stdout, int stderr)
            throws NativeCallException {
        return start(argv, env, new StdioAlone(new Stdio(new int[] {stdin, stdout, stderr})));
    }

    /**
     * Starts {@code argv} (argv[0] an absolute path) with this process's stdin, stdout and stderr, the descriptors
     * {@code inherited} at their numbers (close-on-exec or not), and no other: not what this JVM holds open without
     * FD_CLOEXEC (its files, a lock's channel, the pipes of a child it started), which a process that outlives the
     * launcher must not keep. The descriptors open now are closed in the child one by one, so no other thread may
     * open one meanwhile.
     */
    public static int spawnInheriting(List<String> argv, Map<String, String> env, Set<Integer> inherited)
            throws NativeCallException {
        return start(argv, env, new OnlyInherited(FileDescriptors.openOnes(), inherited));
    }

    /**
     * The file actions of one spawn, added to an initialised posix_spawn_file_actions_t. Classes, not lambdas: the
     * monitor spawns the runtime, and a JVM's first lambda sets the method-handle machinery up.
     */
    private interface FileActions {
        void addTo(Pointer actions) throws NativeCallException;
    }

    /** The child's stdin, stdout and stderr. */
    private static final class Stdio implements FileActions {
        private final int[] fds;

        Stdio(int[] fds) {
            this.fds = fds;
        }

        @Override
        public void addTo(Pointer actions) throws NativeCallException {
            for (int target = 0; target < fds.length; target++) {
                check("posix_spawn_file_actions_adddup2",
                        LibC.INSTANCE.posix_spawn_file_actions_adddup2(actions, fds[target], target));
            }
        }
    }

    /** The child's stdin, stdout and stderr, and every other descriptor closed (glibc 2.34 and later). */
    private static final class StdioAlone implements FileActions {
        private final Stdio stdio;

        StdioAlone(Stdio stdio) {
            this.stdio = stdio;
        }

        @Override
        public void addTo(Pointer actions) throws NativeCallException {
            stdio.addTo(actions);
            check("posix_spawn_file_actions_addclosefrom_np", LibC.INSTANCE.posix_spawn_file_actions_addclosefrom_np(actions, 3));
        }
    }

    /** This process's stdio and the descriptors {@code inherited}; the others {@code open} closed. */
    private static final class OnlyInherited implements FileActions {
        private final List<Integer> open;
        private final Set<Integer> inherited;

        OnlyInherited(List<Integer> open, Set<Integer> inherited) {
            this.open = open;
            this.inherited = inherited;
        }

        @Override
        public void addTo(Pointer actions) throws NativeCallException {
            for (int fd : open) {
                if (fd > 2 && !inherited.contains(fd)) {
                    check("posix_spawn_file_actions_addclose", LibC.INSTANCE.posix_spawn_file_actions_addclose(actions, fd));
                }
            }
            for (int fd : inherited) {
                // A descriptor duplicated onto itself loses FD_CLOEXEC in the child (POSIX.1-2017; glibc 2.29 and later).
                check("posix_spawn_file_actions_adddup2", LibC.INSTANCE.posix_spawn_file_actions_adddup2(actions, fd, fd));
            }
        }
    }

    private static int start(List<String> argv, Map<String, String> env, FileActions fileActions)
            throws NativeCallException {
        List<String> environment = new ArrayList<>(env.size());
        for (Map.Entry<String, String> variable : env.entrySet()) {
            environment.add(variable.getKey() + "=" + variable.getValue());
        }
        try (Memory actions = new Memory(LibC.POSIX_SPAWN_FILE_ACTIONS_SIZE)) {
            check("posix_spawn_file_actions_init", LibC.INSTANCE.posix_spawn_file_actions_init(actions));
            try {
                fileActions.addTo(actions);
                int[] pid = new int[1];
                check("posix_spawn(" + argv + ")", LibC.INSTANCE.posix_spawn(pid, argv.get(0), actions, null,
                        argv.toArray(new String[0]), environment.toArray(new String[0])));
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
