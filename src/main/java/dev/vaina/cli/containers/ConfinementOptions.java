package dev.vaina.cli.containers;

import dev.vaina.spec.DeviceMapping;
import dev.vaina.spec.InvalidSpecException;
import dev.vaina.spec.SecurityOptions;
import dev.vaina.spec.Sysctls;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** The options of `run` and `create` that decide how the container is confined ({@link SecurityOptions}). */
final class ConfinementOptions {
    @Option(names = "--privileged", description = "Give the container every capability the host allows, no seccomp filter and no masked paths.")
    boolean privileged;

    @Option(names = "--cap-add", paramLabel = "CAP", split = ",", description = "Add a capability (e.g. NET_ADMIN, or ALL).")
    List<String> capAdd = new ArrayList<>();

    @Option(names = "--cap-drop", paramLabel = "CAP", split = ",", description = "Drop a capability (e.g. CHOWN, or ALL).")
    List<String> capDrop = new ArrayList<>();

    @Option(names = "--security-opt", paramLabel = "OPT",
            description = "no-new-privileges, seccomp=unconfined|FILE, label=..., mask=PATHS, unmask=ALL|PATHS.")
    List<String> securityOpts = new ArrayList<>();

    @Option(names = "--read-only", description = "Mount the container's root filesystem read-only.")
    boolean readOnly;

    @Option(names = "--read-only-tmpfs", paramLabel = "true|false", arity = "0..1", fallbackValue = "true",
            defaultValue = "true", description = "With --read-only, writable tmpfs on /run, /tmp and /var/tmp (default true).")
    boolean readOnlyTmpfs = true;

    @Option(names = "--group-add", paramLabel = "GROUP", description = "Add a supplementary group (name or number).")
    List<String> groupAdd = new ArrayList<>();

    @Option(names = "--sysctl", paramLabel = "KEY=VALUE", description = "Set a namespaced kernel parameter (net.*, kernel.shm*, ...).")
    List<String> sysctls = new ArrayList<>();

    @Option(names = "--device", paramLabel = "HOST[:CONTAINER][:PERMS]", description = "Give the container a host device (PERMS: r, w, m; default rwm).")
    List<String> devices = new ArrayList<>();

    SecurityOptions toSecurity() {
        List<String> opts = new ArrayList<>(); // loops: no lambda on create's way (see engine.CreateCompletion)
        for (String opt : securityOpts) {
            opts.add(absoluteProfile(opt));
        }
        List<DeviceMapping> mappings = new ArrayList<>();
        for (String device : devices) {
            mappings.add(DeviceMapping.parse(device));
        }
        for (DeviceMapping device : mappings) {
            if (!Files.exists(Path.of(device.hostPath()))) {
                throw new InvalidSpecException("stat " + device.hostPath() + ": no such file or directory");
            }
        }
        return new SecurityOptions(privileged, capAdd, capDrop, opts, readOnly, readOnlyTmpfs, groupAdd,
                Sysctls.parse(sysctls), mappings);
    }

    /** A seccomp profile is checked now, as Podman does, and kept by its absolute path for the launcher. */
    private static String absoluteProfile(String opt) {
        if (!opt.startsWith("seccomp=") || opt.equals("seccomp=" + SecurityOptions.UNCONFINED)) {
            return opt;
        }
        String file = opt.substring("seccomp=".length());
        if (!Files.isReadable(Path.of(file))) {
            throw new InvalidSpecException("opening seccomp profile failed: open " + file + ": no such file or directory");
        }
        return "seccomp=" + Path.of(file).toAbsolutePath().normalize();
    }
}
