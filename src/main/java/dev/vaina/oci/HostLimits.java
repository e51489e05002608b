package dev.vaina.oci;

import dev.vaina.spec.FileBytes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringTokenizer;

/**
 * The hard resource limits of this process (from /proc/self/limits). A container cannot be given more
 * than its creator's hard limit: runc's setrlimit would fail with EPERM.
 */
public final class HostLimits {
    /** What Podman asks for, before capping. */
    public static final Map<String, Long> PODMAN_DEFAULTS = Map.of(
            "RLIMIT_NOFILE", 1_048_576L,
            "RLIMIT_NPROC", 4_194_304L);

    private static final Map<String, String> PROC_NAMES = Map.of(
            "Max open files", "RLIMIT_NOFILE",
            "Max processes", "RLIMIT_NPROC");

    private final Map<String, Long> hard;

    private HostLimits(Map<String, Long> hard) {
        this.hard = Map.copyOf(hard);
    }

    public static HostLimits read() {
        return read(Path.of("/proc/self/limits"));
    }

    public static HostLimits read(Path limitsFile) {
        try {
            return parse(FileBytes.readString(limitsFile));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the host's resource limits from " + limitsFile, e);
        }
    }

    /** Parses the format of /proc/PID/limits: a name, then soft and hard columns. */
    public static HostLimits parse(String text) {
        Map<String, Long> hard = new HashMap<>();
        for (String line : text.split("\n")) {
            for (Map.Entry<String, String> name : PROC_NAMES.entrySet()) {
                if (line.startsWith(name.getKey() + " ")) {
                    // The columns are padded with spaces: soft limit, hard limit, units.
                    StringTokenizer columns = new StringTokenizer(line.substring(name.getKey().length()), " ");
                    columns.nextToken();
                    String hardLimit = columns.nextToken();
                    hard.put(name.getValue(), hardLimit.equals("unlimited") ? Long.MAX_VALUE : Long.parseLong(hardLimit));
                }
            }
        }
        return new HostLimits(hard);
    }

    public long hard(String rlimit) {
        return hard.getOrDefault(rlimit, Long.MAX_VALUE);
    }

    /** Podman's rlimits capped at the hard limit, with soft = hard. */
    public List<Map<String, Object>> cappedPodmanDefaults() {
        return List.of(rlimit("RLIMIT_NOFILE"), rlimit("RLIMIT_NPROC"));
    }

    private Map<String, Object> rlimit(String type) {
        long value = Math.min(PODMAN_DEFAULTS.get(type), hard(type));
        Map<String, Object> limit = new LinkedHashMap<>();
        limit.put("type", type);
        limit.put("hard", value);
        limit.put("soft", value);
        return limit;
    }
}
