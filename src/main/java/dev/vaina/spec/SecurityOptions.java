package dev.vaina.spec;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How a container is confined: --privileged, --cap-add, --cap-drop, --security-opt, --read-only,
 * --read-only-tmpfs, --group-add, --sysctl and --device. {@link #DEFAULT} is Podman's default confinement.
 *
 * @param securityOpts  the --security-opt values as given (inspect shows them so), validated
 * @param readOnlyTmpfs with readOnly, tmpfs on /run, /tmp and /var/tmp (Podman's default: true)
 * @param groupAdd      supplementary groups, names (looked up in the image) or numbers
 * @param devices       host device nodes the container may use
 */
public record SecurityOptions(
        boolean privileged,
        List<String> capAdd,
        List<String> capDrop,
        List<String> securityOpts,
        boolean readOnly,
        boolean readOnlyTmpfs,
        List<String> groupAdd,
        Map<String, String> sysctls,
        List<DeviceMapping> devices) {

    public static final SecurityOptions DEFAULT = new SecurityOptions(false, List.of(), List.of(), List.of(), false,
            true, List.of(), Map.of(), List.of());

    /** --security-opt seccomp=unconfined. */
    public static final String UNCONFINED = "unconfined";

    public SecurityOptions {
        capAdd = CapabilityNames.normalize(capAdd == null ? List.of() : capAdd);
        capDrop = CapabilityNames.normalize(capDrop == null ? List.of() : capDrop);
        securityOpts = List.copyOf(securityOpts == null ? List.of() : securityOpts);
        groupAdd = List.copyOf(groupAdd == null ? List.of() : groupAdd);
        devices = List.copyOf(devices == null ? List.of() : devices);
        sysctls = java.util.Collections.unmodifiableMap(
                new LinkedHashMap<>(Sysctls.validate(sysctls == null ? Map.of() : sysctls)));
        for (String opt : securityOpts) {
            validate(opt);
        }
        for (String group : groupAdd) {
            if (group.isEmpty() || group.contains(":")) {
                throw new InvalidSpecException("invalid --group-add \"" + group + "\": expected a group name or number");
            }
        }
    }

    private static void validate(String opt) {
        int eq = opt.indexOf('=');
        String key = eq < 0 ? opt : opt.substring(0, eq);
        String value = eq < 0 ? null : opt.substring(eq + 1);
        boolean valid = switch (key) {
            case "no-new-privileges" -> value == null || value.equals("true") || value.equals("false");
            // SELinux and AppArmor labels: accepted, and without effect on hosts that have neither.
            case "seccomp", "label", "apparmor", "mask", "unmask" -> value != null && !value.isEmpty();
            default -> false;
        };
        if (!valid) {
            throw new InvalidSpecException("invalid --security-opt \"" + opt + "\": expected no-new-privileges[=true|false],"
                    + " seccomp=unconfined|FILE, label=..., apparmor=..., mask=PATHS or unmask=ALL|PATHS");
        }
    }

    /** The last value of --security-opt KEY=VALUE, or null. */
    private String last(String key) {
        String found = null;
        for (String opt : securityOpts) {
            if (opt.startsWith(key + "=")) {
                found = opt.substring(key.length() + 1);
            } else if (opt.equals(key)) {
                found = "true";
            }
        }
        return found;
    }

    public boolean noNewPrivileges() {
        return "true".equals(last("no-new-privileges"));
    }

    /** Null for the default profile, {@link #UNCONFINED}, or a profile file's path. */
    public String seccomp() {
        return last("seccomp");
    }

    /** Paths masked besides the default ones (mask=a:b). */
    public List<String> masks() {
        return paths("mask");
    }

    /** Default masked or read-only paths opened up (unmask=a:b); "ALL" opens every one. */
    public List<String> unmasks() {
        return paths("unmask");
    }

    private List<String> paths(String key) {
        List<String> paths = new ArrayList<>();
        for (String opt : securityOpts) {
            if (opt.startsWith(key + "=")) {
                paths.addAll(Arrays.asList(opt.substring(key.length() + 1).split(":")));
            }
        }
        return List.copyOf(paths);
    }
}
