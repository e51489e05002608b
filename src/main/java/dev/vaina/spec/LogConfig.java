package dev.vaina.spec;

import java.util.List;
import java.util.Locale;

/**
 * Where a container's output goes: --log-driver and --log-opt.
 *
 * @param driver  k8s-file (the monitor's log file, which `logs` reads), none (discarded), passthrough (the
 *                container writes to its unit's own stdout and stderr), or journald (the same, where the
 *                unit's output goes to the systemd journal)
 * @param path    k8s-file's log file, or null for the container's ctr.log
 * @param maxSize k8s-file's size limit in bytes, at which the file starts again empty; 0 for no limit
 */
public record LogConfig(String driver, String path, long maxSize) {
    public static final String K8S_FILE = "k8s-file";
    public static final String NONE = "none";
    public static final String PASSTHROUGH = "passthrough";
    public static final String JOURNALD = "journald";
    private static final List<String> DRIVERS = List.of(K8S_FILE, NONE, PASSTHROUGH, JOURNALD);
    /** conmon's smallest log size limit. */
    private static final long MIN_SIZE = 8192;
    /** After DRIVERS: the constructor needs it. */
    public static final LogConfig DEFAULT = new LogConfig(K8S_FILE, null, 0);

    public LogConfig {
        if (driver == null) {
            driver = K8S_FILE;
        }
        if (!DRIVERS.contains(driver)) {
            throw new InvalidSpecException("invalid log driver \"" + driver + "\": must be one of " + DRIVERS);
        }
        if (path != null && !path.startsWith("/")) {
            throw new InvalidSpecException("invalid log path \"" + path + "\": it must be an absolute path");
        }
        if (maxSize != 0 && maxSize < MIN_SIZE) {
            throw new InvalidSpecException("invalid log max-size " + maxSize + ": it must be at least " + MIN_SIZE + " bytes");
        }
        if ((path != null || maxSize != 0) && !driver.equals(K8S_FILE)) {
            throw new InvalidSpecException("the path and max-size log options need the k8s-file log driver, not " + driver);
        }
    }

    /** @param options --log-opt values: path=FILE, max-size=SIZE (such as 10k, 5mb), tag=... (accepted, unused) */
    public static LogConfig parse(String driver, List<String> options) {
        String path = null;
        long maxSize = 0;
        for (String option : options) {
            int eq = option.indexOf('=');
            String key = eq < 0 ? option : option.substring(0, eq);
            String value = eq < 0 ? "" : option.substring(eq + 1);
            switch (key) {
                case "path" -> path = value;
                case "max-size" -> maxSize = size(value);
                case "tag" -> {
                    // A journald identifier in Podman; vaina's units are named after the container already.
                }
                default -> throw new InvalidSpecException("invalid --log-opt \"" + option
                        + "\": expected path=FILE, max-size=SIZE or tag=TAG");
            }
        }
        return new LogConfig(driver, path, maxSize);
    }

    /** 1024, 10k, 10kb, 5m, 5MB, 1g: binary multiples, as Podman's units.FromHumanSize for log sizes. */
    static long size(String text) {
        String lower = text.toLowerCase(Locale.ROOT).strip();
        String digits = lower.replaceAll("[a-z]+$", "");
        String unit = lower.substring(digits.length());
        long multiplier = switch (unit) {
            case "", "b" -> 1;
            case "k", "kb", "kib" -> 1024;
            case "m", "mb", "mib" -> 1024 * 1024;
            case "g", "gb", "gib" -> 1024L * 1024 * 1024;
            default -> -1;
        };
        try {
            if (multiplier < 0 || digits.isEmpty()) {
                throw new NumberFormatException();
            }
            return Long.parseLong(digits) * multiplier;
        } catch (NumberFormatException e) {
            throw new InvalidSpecException("invalid log max-size \"" + text + "\": expected a size such as 10k or 5mb");
        }
    }

    public boolean readable() {
        return driver.equals(K8S_FILE);
    }
}
