package dev.vaina.engine;

import java.util.List;
import java.util.Map;

/**
 * What to run in a running container, and what to change of the container's own process settings.
 *
 * @param env variables set or replaced on top of the container's environment
 * @param user "user[:group]" as in the container's /etc/passwd and /etc/group, or null for the container's user
 * @param workdir null for the container's working directory
 */
public record ExecRequest(List<String> command, Map<String, String> env, String user, String workdir, boolean tty,
        boolean interactive, boolean privileged) {
    public ExecRequest {
        if (command.isEmpty()) {
            throw new EngineException("exec needs a command to run in the container");
        }
        command = List.copyOf(command);
        env = Map.copyOf(env);
    }
}
