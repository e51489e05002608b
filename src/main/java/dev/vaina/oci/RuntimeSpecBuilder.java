package dev.vaina.oci;

import dev.vaina.spec.ContainerConfig;
import dev.vaina.spec.IdMapping;
import dev.vaina.spec.ImageConfig;
import dev.vaina.spec.SecurityOptions;
import dev.vaina.spec.VolumeMount;
import dev.vaina.spec.json.JsonOutput;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Builds a bundle's config.json (OCI runtime spec 1.0.2, as runc 1.1 accepts it) with Podman's defaults.
 *
 * <p>Rootless means runc runs as uid 0 of a user namespace the launcher already made, so the config asks
 * for no user namespace and no id mappings, and avoids what such a namespace cannot do (device nodes'
 * groups; cgroup limits on cgroup v1, which the engine refuses before a config gets here). No cgroupsPath
 * is given: runc then places the container in a cgroup of its own below the one it runs in, the systemd
 * unit's, and writes linux.resources there.
 */
public final class RuntimeSpecBuilder {
    public static final String OCI_VERSION = "1.0.2";
    /** Where --init's catatonit appears inside the container. */
    public static final String INIT_PATH = "/run/vaina-init";
    static final Path CATATONIT = Path.of("/usr/bin/catatonit");

    static final List<String> MASKED_PATHS = List.of(
            "/proc/acpi", "/proc/kcore", "/proc/keys", "/proc/latency_stats", "/proc/timer_list",
            "/proc/timer_stats", "/proc/sched_debug", "/proc/scsi", "/proc/interrupts", "/sys/firmware",
            "/sys/fs/selinux", "/sys/dev/block", "/sys/devices/virtual/powercap");
    static final List<String> READONLY_PATHS = List.of(
            "/proc/asound", "/proc/bus", "/proc/fs", "/proc/irq", "/proc/sys", "/proc/sysrq-trigger");

    private final String id;
    private final ContainerConfig container;
    private final ImageConfig image;
    private Path rootfs;
    private boolean rootless;
    private boolean newNetworkNamespace = true;
    private Boolean cgroupNamespace;
    private RootfsFiles rootfsFiles = RootfsFiles.NONE;
    private final List<BindMount> extraMounts = new ArrayList<>();
    private final Map<String, Path> joinedNamespaces = new LinkedHashMap<>();
    private Path seccompProfile = SeccompProfile.DEFAULT_PATH;
    /** Null: the profile is converted at every build. */
    private SeccompCache seccompCache;
    private HostLimits hostLimits;
    private Function<String, Path> volumeData = name -> {
        throw new IllegalStateException("no volume store given for volume " + name);
    };
    private final Map<String, String> extraEnvironment = new LinkedHashMap<>();
    private Path volumeOverlays;

    private RuntimeSpecBuilder(String id, ContainerConfig container, ImageConfig image) {
        if (id == null || id.isEmpty()) {
            throw new IllegalArgumentException("container id must not be empty");
        }
        this.id = id;
        this.container = Objects.requireNonNull(container, "container");
        this.image = image == null ? ImageConfig.EMPTY : image;
    }

    public static RuntimeSpecBuilder forContainer(String id, ContainerConfig container, ImageConfig image) {
        return new RuntimeSpecBuilder(id, container, image);
    }

    /** The bundle's root.path: an absolute path to the assembled root filesystem. */
    public RuntimeSpecBuilder rootfs(Path rootfs) {
        if (!rootfs.isAbsolute()) {
            throw new IllegalArgumentException("rootfs must be an absolute path, got " + rootfs);
        }
        this.rootfs = rootfs;
        return this;
    }

    public RuntimeSpecBuilder rootless(boolean rootless) {
        this.rootless = rootless;
        return this;
    }

    /** False when the container shares the host's network namespace (a later --network host). */
    public RuntimeSpecBuilder newNetworkNamespace(boolean newNetworkNamespace) {
        this.newNetworkNamespace = newNetworkNamespace;
        return this;
    }

    /** Overrides Podman's default: a private cgroup namespace on cgroup v2 hosts only. */
    public RuntimeSpecBuilder cgroupNamespace(boolean cgroupNamespace) {
        this.cgroupNamespace = cgroupNamespace;
        return this;
    }

    /** Where the image's etc/passwd and etc/group are read from, to resolve --user names. */
    public RuntimeSpecBuilder rootfsFiles(RootfsFiles rootfsFiles) {
        this.rootfsFiles = Objects.requireNonNull(rootfsFiles);
        return this;
    }

    /** Where a named volume's content is, by the volume's name. */
    public RuntimeSpecBuilder volumeData(Function<String, Path> volumeData) {
        this.volumeData = Objects.requireNonNull(volumeData);
        return this;
    }

    /** The container's directory of overlay volumes ({@link OverlayVolumeDirs}), needed when a mount has O. */
    public RuntimeSpecBuilder volumeOverlays(Path root) {
        this.volumeOverlays = Objects.requireNonNull(root);
        return this;
    }

    public RuntimeSpecBuilder extraMounts(List<BindMount> mounts) {
        extraMounts.addAll(mounts);
        return this;
    }

    /** Joins an existing namespace ("network", "ipc", "uts"...) by its /proc/PID/ns path instead of making one. */
    public RuntimeSpecBuilder joinNamespace(String type, Path path) {
        joinedNamespaces.put(type, path);
        return this;
    }

    /** A containers-common seccomp.json; null means unconfined (no seccomp filter at all). */
    public RuntimeSpecBuilder seccompProfile(Path profile) {
        this.seccompProfile = profile;
        return this;
    }

    /** Where converted seccomp filters are kept between builds (the launcher's, in the run root). */
    public RuntimeSpecBuilder seccompCache(SeccompCache cache) {
        this.seccompCache = cache;
        return this;
    }

    public RuntimeSpecBuilder seccompUnconfined() {
        return seccompProfile(null);
    }

    /** Variables the engine sets last, over the image's and the user's (socket activation's LISTEN_*). */
    public RuntimeSpecBuilder extraEnvironment(Map<String, String> env) {
        extraEnvironment.putAll(env);
        return this;
    }

    public RuntimeSpecBuilder hostLimits(HostLimits hostLimits) {
        this.hostLimits = hostLimits;
        return this;
    }

    public Map<String, Object> build() {
        if (rootfs == null) {
            throw new IllegalStateException("the rootfs path was not set");
        }
        String hostname = container.hostname() != null ? container.hostname() : id.substring(0, Math.min(12, id.length()));
        boolean givenUser = container.user() != null && !container.user().isEmpty();
        String kept = container.userns().keptUser();
        String userSpec = givenUser ? container.user() : kept != null ? kept : image.user();
        UserResolver users = new UserResolver(rootfsFiles);
        ResolvedUser resolved = users.resolve(userSpec);
        if (!givenUser && container.userns().primaryGroupIsSupplementary()) {
            // As in Podman's keep-id and nomap containers.
            resolved = new ResolvedUser(resolved.uid(), resolved.gid(), List.of(resolved.gid()));
        }
        ResolvedUser user = withAddedGroups(resolved, users);

        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("ociVersion", OCI_VERSION);
        spec.put("process", process(user, hostname));
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("path", rootfs.toString());
        root.put("readonly", security().readOnly());
        spec.put("root", root);
        spec.put("hostname", hostname);
        spec.put("mounts", mounts(user));
        spec.put("linux", linux());
        if (!container.annotations().isEmpty()) {
            spec.put("annotations", container.annotations());
        }
        return spec;
    }

    public String toJson() {
        return toJson(build());
    }

    /** A spec {@link #build} made, as config.json holds it. */
    public static String toJson(Map<String, Object> spec) {
        return JsonOutput.pretty().value(spec).toString();
    }

    /** Writes BUNDLE/config.json. */
    public Path writeTo(Path bundle) {
        Path config = bundle.resolve("config.json");
        try {
            Files.writeString(config, toJson());
            return config;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + config, e);
        }
    }

    private Map<String, Object> process(ResolvedUser user, String hostname) {
        Map<String, Object> process = new LinkedHashMap<>();
        process.put("terminal", container.tty());
        Map<String, Object> processUser = new LinkedHashMap<>();
        processUser.put("uid", user.uid());
        processUser.put("gid", user.gid());
        processUser.put("umask", 0022);
        if (!user.additionalGids().isEmpty()) {
            processUser.put("additionalGids", user.additionalGids());
        }
        process.put("user", processUser);
        List<String> args = new ArrayList<>(ProcessArgs.resolve(container, image));
        if (container.init()) {
            // catatonit as PID 1 forwards signals to the command and reaps the orphans it leaves.
            args.addAll(0, List.of(INIT_PATH, "--"));
        }
        process.put("args", args);
        List<String> env = new ArrayList<>(ProcessEnvironment.resolve(container, image, hostname));
        extraEnvironment.forEach((key, value) -> {
            env.removeIf(entry -> entry.startsWith(key + "="));
            env.add(key + "=" + value);
        });
        process.put("env", env);
        process.put("cwd", workingDir());
        process.put("capabilities", Capabilities.forUser(user, Capabilities.of(security())));
        process.put("rlimits", LinuxResources.rlimits((hostLimits != null ? hostLimits : HostLimits.read())
                .cappedPodmanDefaults(), container.limits().ulimits()));
        if (container.limits().oomScoreAdj() != null) {
            process.put("oomScoreAdj", container.limits().oomScoreAdj());
        }
        process.put("noNewPrivileges", security().noNewPrivileges());
        return process;
    }

    private SecurityOptions security() {
        return container.security();
    }

    /** --group-add: the groups the user's own memberships are joined by, names looked up in the image. */
    private ResolvedUser withAddedGroups(ResolvedUser user, UserResolver users) {
        if (security().groupAdd().isEmpty()) {
            return user;
        }
        List<Integer> gids = new ArrayList<>(user.additionalGids());
        for (String group : security().groupAdd()) {
            int gid = users.groupId(group);
            if (!gids.contains(gid)) {
                gids.add(gid);
            }
        }
        return new ResolvedUser(user.uid(), user.gid(), gids);
    }

    private String workingDir() {
        if (container.workingDir() != null) {
            return container.workingDir();
        }
        String imageDir = image.workingDir();
        return imageDir != null && !imageDir.isEmpty() ? imageDir : "/";
    }

    private List<Map<String, Object>> mounts(ResolvedUser user) {
        List<Map<String, Object>> mounts = new ArrayList<>(DefaultMounts.of(rootless, newNetworkNamespace,
                container.limits().shmSize()));
        if (container.userns().ownNamespace() && (joinedNamespaces.containsKey("network") || !newNetworkNamespace)) {
            // Only the owner of a network namespace may mount sysfs, and one joined belongs to another user namespace.
            mounts.replaceAll(m -> m.get("destination").equals("/sys") ? DefaultMounts.hostSys() : m);
        }
        if (security().privileged()) {
            mounts.replaceAll(m -> m.get("destination").equals("/sys") ? DefaultMounts.writable(m) : m);
        }
        boolean readOnlyTmpfs = security().readOnly() && security().readOnlyTmpfs();
        if (readOnlyTmpfs || container.systemd()) {
            // The places programs expect to write stay writable, as Podman's --read-only-tmpfs keeps them;
            // systemd wants its own /run and /tmp too.
            mounts.add(DefaultMounts.mount("/run", "tmpfs", "tmpfs", "rw", "rprivate", "nosuid", "nodev", "mode=755"));
            mounts.add(DefaultMounts.mount("/tmp", "tmpfs", "tmpfs", "rw", "rprivate", "nosuid", "nodev", "mode=1777"));
        }
        if (readOnlyTmpfs) {
            mounts.add(DefaultMounts.mount("/var/tmp", "tmpfs", "tmpfs", "rw", "rprivate", "nosuid", "nodev", "mode=1777"));
        }
        if (container.systemd()) {
            mounts.add(DefaultMounts.mount("/run/lock", "tmpfs", "tmpfs", "rw", "rprivate", "nosuid", "nodev", "noexec"));
            mounts.add(DefaultMounts.mount("/var/log/journal", "tmpfs", "tmpfs", "rw", "rprivate", "nosuid", "nodev"));
            if (!rootless) {
                // systemd manages the cgroup it runs in.
                mounts.replaceAll(m -> m.get("destination").equals("/sys/fs/cgroup") ? DefaultMounts.writable(m) : m);
            }
        }
        if (container.init()) {
            mounts.add(VolumeMounts.of(new BindMount(CATATONIT, INIT_PATH, true)));
        }
        if (rootless) {
            security().devices().forEach(device -> mounts.add(DeviceNodes.bindMount(device)));
        }
        List<VolumeMount> volumes = container.volumes();
        for (int i = 0; i < volumes.size(); i++) {
            VolumeMount volume = volumes.get(i);
            mounts.add(volume.overlay() ? VolumeMounts.overlay(volume, volumeData, overlayDirs(i),
                    rootless || container.userns().ownNamespace()) : VolumeMounts.of(volume, volumeData, user));
        }
        for (BindMount bind : extraMounts) {
            mounts.add(VolumeMounts.of(bind));
        }
        return mounts;
    }

    private OverlayVolumeDirs overlayDirs(int index) {
        if (volumeOverlays == null) {
            throw new IllegalStateException("no directory for overlay volumes given");
        }
        return OverlayVolumeDirs.of(volumeOverlays, index);
    }

    private Map<String, Object> linux() {
        Map<String, Object> linux = new LinkedHashMap<>();
        Map<String, Object> resources = LinuxResources.of(container.limits());
        if (resources != null) {
            linux.put("resources", resources);
        }
        linux.put("namespaces", namespaces());
        if (container.userns().ownNamespace()) {
            linux.put("uidMappings", idMappings(container.userns().uidMap()));
            linux.put("gidMappings", idMappings(container.userns().gidMap()));
        }
        Path profile = seccompProfile();
        if (profile != null) {
            SeccompArch arch = SeccompArch.host();
            List<String> capabilities = Capabilities.of(security());
            KernelVersion kernel = KernelVersion.host();
            linux.put("seccomp", seccompCache != null ? seccompCache.converted(profile, arch, capabilities, kernel)
                    : SeccompProfile.load(profile).toOci(arch, capabilities, kernel));
        }
        if (!rootless && !security().devices().isEmpty()) {
            List<Map<String, Object>> devices = new ArrayList<>();
            List<Map<String, Object>> rules = new ArrayList<>();
            for (var mapping : security().devices()) {
                DeviceNodes.Node node = DeviceNodes.Node.of(mapping);
                devices.add(DeviceNodes.device(mapping, node));
                rules.add(DeviceNodes.allowRule(mapping, node));
            }
            linux.put("devices", devices);
            linux.put("resources", new LinkedHashMap<>(Map.of("devices", rules)));
        }
        if (!security().sysctls().isEmpty()) {
            linux.put("sysctl", security().sysctls());
        }
        linux.put("maskedPaths", confined(MASKED_PATHS, security().masks()));
        linux.put("readonlyPaths", confined(READONLY_PATHS, List.of()));
        return linux;
    }

    /** --privileged and seccomp=unconfined run without a filter; seccomp=FILE replaces the default profile. */
    private Path seccompProfile() {
        String chosen = security().seccomp();
        if (security().privileged() || SecurityOptions.UNCONFINED.equals(chosen)) {
            return null;
        }
        return chosen != null ? Path.of(chosen) : seccompProfile;
    }

    /** Podman's default paths, less what --security-opt unmask= opens (all with --privileged), plus mask=. */
    private List<String> confined(List<String> defaults, List<String> added) {
        List<String> unmasked = security().unmasks();
        List<String> paths = new ArrayList<>();
        if (!security().privileged() && !unmasked.contains("ALL")) {
            for (String path : defaults) {
                if (!unmasked.contains(path)) {
                    paths.add(path);
                }
            }
        }
        for (String path : added) {
            if (!paths.contains(path)) {
                paths.add(path);
            }
        }
        return paths;
    }

    /** --userns other than host: the runtime makes the container's user namespace with these maps. */
    private static List<Map<String, Object>> idMappings(List<IdMapping> map) {
        List<Map<String, Object>> lines = new ArrayList<>();
        for (IdMapping mapping : map) {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("containerID", mapping.containerId());
            line.put("hostID", mapping.hostId());
            line.put("size", mapping.size());
            lines.add(line);
        }
        return lines;
    }

    private List<Map<String, Object>> namespaces() {
        List<String> types = new ArrayList<>(List.of("pid", "ipc", "uts", "mount"));
        if (container.userns().ownNamespace()) {
            types.add(0, "user");
        }
        if (newNetworkNamespace || joinedNamespaces.containsKey("network")) {
            types.add("network");
        }
        boolean cgroup = cgroupNamespace != null ? cgroupNamespace
                : CgroupLayout.detect().mode() == CgroupLayout.Mode.UNIFIED;
        if (cgroup) {
            types.add("cgroup");
        }
        List<Map<String, Object>> namespaces = new ArrayList<>();
        for (String type : types) {
            Map<String, Object> namespace = new LinkedHashMap<>();
            namespace.put("type", type);
            if (joinedNamespaces.containsKey(type)) {
                namespace.put("path", joinedNamespaces.get(type).toString());
            }
            namespaces.add(namespace);
        }
        return namespaces;
    }
}
