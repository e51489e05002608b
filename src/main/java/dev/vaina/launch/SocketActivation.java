package dev.vaina.launch;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The listening sockets systemd passed the unit's main process (sd_listen_fds(3): LISTEN_FDS descriptors
 * from 3 on, for the process whose pid is LISTEN_PID), handed on to the container: the runtime keeps them
 * open (--preserve-fds), and the container's PID 1 finds them as a socket-activated service would.
 */
record SocketActivation(int count, String names) {
    static final SocketActivation NONE = new SocketActivation(0, null);
    /** The first of the sockets; they follow it without a gap. */
    static final int FIRST_FD = 3;

    /** What the launcher's environment says it was given; nothing when the sockets were meant for another pid. */
    static SocketActivation of(Map<String, String> env) {
        String fds = env.get("LISTEN_FDS");
        String pid = env.get("LISTEN_PID");
        // This process's pid only when asked: ProcessHandle's set-up costs the launcher's start some milliseconds.
        if (fds == null || pid == null || !pid.equals(Long.toString(ProcessHandle.current().pid()))) {
            return NONE;
        }
        try {
            int count = Integer.parseInt(fds);
            return count > 0 ? new SocketActivation(count, env.get("LISTEN_FDNAMES")) : NONE;
        } catch (NumberFormatException e) {
            return NONE;
        }
    }

    /** The container's view: the same descriptors, meant for its PID 1. */
    Map<String, String> containerEnvironment() {
        Map<String, String> env = new LinkedHashMap<>();
        if (count > 0) {
            env.put("LISTEN_FDS", Integer.toString(count));
            env.put("LISTEN_PID", "1");
            if (names != null) {
                env.put("LISTEN_FDNAMES", names);
            }
        }
        return env;
    }
}
