package dev.vaina.unit.definition;

import java.util.List;
import java.util.Set;

/**
 * The options of vaina's own commands that PodmanArgs= and GlobalArgs= may use. The generator cannot ask
 * picocli (loading it would cost more than generating a thousand units), so the names are listed here, and a
 * test holds each list equal to the options of the command it stands for.
 */
public final class VainaOptions {
    /** `vaina create`. */
    public static final Set<String> CREATE = Set.of("--name", "-e", "--env", "--env-file", "-w", "--workdir", "-u", "--user",
            "-t", "--tty", "-i", "--interactive", "--entrypoint", "-h", "--hostname", "-v", "--volume", "--stop-signal",
            "--stop-timeout", "--restart", "--rm", "-p", "--publish", "-P", "--publish-all", "--expose", "--network",
            "--net", "--dns", "--dns-search", "--dns-option", "--add-host", "--no-hosts", "--pull", "--authfile",
            "--tls-verify", "--creds", "--cert-dir", "--registries-conf", "--pod", "--replace", "--unit", "--arch", "--os",
            "--platform", "--variant", "-q", "--quiet", "--retry", "--retry-delay", "-m", "--memory",
            "--memory-reservation", "--memory-swap", "-c", "--cpu-shares", "--cpus", "--cpu-period", "--cpu-quota",
            "--cpuset-cpus", "--cpuset-mems", "--blkio-weight", "--pids-limit", "--shm-size", "--ulimit",
            "--oom-score-adj", "--ip", "--mac-address", "--network-alias", "-l", "--label", "--label-file",
            "--annotation", "--cap-add", "--cap-drop", "--cidfile", "--device", "--env-host", "--group-add", "--init",
            "--log-driver", "--log-opt", "--privileged", "--read-only", "--read-only-tmpfs", "--sdnotify",
            "--security-opt", "--sysctl", "--systemd", "--timeout", "--tz", "--userns", "--uidmap", "--gidmap",
            "--subuidname", "--subgidname", "--health-cmd", "--health-interval", "--health-on-failure",
            "--health-retries", "--health-start-period",
            "--health-timeout", "--health-startup-cmd", "--health-startup-interval", "--health-startup-retries",
            "--health-startup-success", "--health-startup-timeout", "--no-healthcheck", "--mount", "--tmpfs",
            "--volumes-from");
    /** `vaina pod create`. */
    public static final Set<String> POD_CREATE = Set.of("-n", "--name", "-l", "--label", "--infra", "--infra-command",
            "--infra-image", "--infra-name", "--share", "--hostname", "--exit-policy", "--pod-id-file", "--replace",
            "-p", "--publish", "-P", "--publish-all", "--expose", "--network", "--net", "--dns", "--dns-search",
            "--dns-option", "--add-host", "--no-hosts", "--authfile", "--tls-verify", "--creds", "--cert-dir",
            "--registries-conf", "--unit", "--label-file", "--arch", "--os", "--platform", "--variant", "-q", "--quiet",
            "--retry", "--retry-delay", "-v", "--volume", "-m", "--memory", "--cpus", "--cgroup-parent",
            "--share-parent", "--ip", "--mac-address", "--network-alias");
    /** The root command's options, which go before the verb. */
    public static final Set<String> GLOBAL = Set.of("--root", "--runroot", "--systemd-manager", "--runtime", "--log-level",
            "--storage-driver", "--cgroup-manager", "--events-backend", "--noout");
    /** Those of the global options the launcher also takes: where the store is, which runtime runs containers. */
    static final List<String> LAUNCHER = List.of("--root", "--runroot", "--runtime");

    private VainaOptions() {
    }

    /** The option a command-line word names (--opt=value -> --opt, -p8080:80 -> -p), or null for a value. */
    static String optionOf(String word) {
        if (word.startsWith("--")) {
            int equals = word.indexOf('=');
            return equals < 0 ? word : word.substring(0, equals);
        }
        if (word.startsWith("-") && word.length() > 1) {
            return word.substring(0, 2);
        }
        return null;
    }
}
