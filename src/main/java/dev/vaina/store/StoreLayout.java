package dev.vaina.store;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where vaina keeps its state. Persistent data (images, layers, container records, logs) lives under
 * {@code dataRoot}; per-boot state (runtime state, bundles, mount points, exit files) under
 * {@code runRoot}, which is a tmpfs that a reboot empties.
 *
 * <pre>
 * dataRoot/images/&lt;image-id-hex&gt;/image.json    ImageRecord
 * dataRoot/layers/&lt;diff-id-hex&gt;/                 extracted layer tree
 * dataRoot/layer-sizes/&lt;diff-id-hex&gt;             the length of its tar stream, as stored
 * dataRoot/containers/&lt;id&gt;/container.json       ContainerRecord (what was asked for)
 * dataRoot/containers/&lt;id&gt;/state.json           ContainerState (what happened)
 * dataRoot/containers/&lt;id&gt;/ctr.log              output, Kubernetes' CRI log format
 * dataRoot/containers/&lt;id&gt;/upper, work          the overlay's writable layer
 * dataRoot/containers/&lt;id&gt;/volume-overlays/&lt;n&gt;/  upper, work and merge of its n-th mount if it has O
 *                                                 (under runRoot for a container with a user namespace of its own)
 * dataRoot/names/&lt;name&gt;                         the id owning a name (created exclusively)
 * dataRoot/pods/&lt;id&gt;/pod.json                   PodRecord
 * dataRoot/podnames/&lt;name&gt;                      the id owning a pod name
 * dataRoot/volumes/&lt;name&gt;/volume.json          VolumeRecord
 * dataRoot/volumes/&lt;name&gt;/_data                the volume's content (Podman's layout)
 * dataRoot/volumenames/&lt;name&gt;                   a volume's name, claimed exclusively
 * dataRoot/networks/&lt;id&gt;/network.json           NetworkDefinition (network create)
 * dataRoot/networknames/&lt;name&gt;                  the id owning a network name
 * dataRoot/containers/&lt;id&gt;/networks.json        the named networks it is on, once network connect changed them
 * dataRoot/events.log                             the event journal, one JSON line per event
 * runRoot/containers/&lt;id&gt;/bundle/config.json    OCI bundle
 * runRoot/containers/&lt;id&gt;/rootfs               overlay mount point (mounted in the monitor's own mount namespace)
 * runRoot/containers/&lt;id&gt;/exit, pid, error      written by the monitor
 * runRoot/runtime                                 the OCI runtime's --root
 * </pre>
 */
public record StoreLayout(Path dataRoot, Path runRoot, boolean rootless) {

    /** The run root of root's default store. */
    private static final Path ROOTFUL_RUN_ROOT = Path.of("/run/vaina");

    /** The default layout for the calling user: rootful paths for root, XDG paths otherwise. */
    public static StoreLayout forCurrentUser(Map<String, String> env, boolean root) {
        if (root) {
            return new StoreLayout(Path.of("/var/lib/vaina"), ROOTFUL_RUN_ROOT, false);
        }
        String home = env.getOrDefault("HOME", System.getProperty("user.home"));
        String dataHome = env.getOrDefault("XDG_DATA_HOME", home + "/.local/share");
        String runtimeDir = env.get("XDG_RUNTIME_DIR");
        if (runtimeDir == null || runtimeDir.isEmpty()) {
            runtimeDir = "/run/user/" + OwnProcess.realUid();
        }
        return new StoreLayout(Path.of(dataHome, "vaina"), Path.of(runtimeDir, "vaina"), true);
    }

    public Path images() {
        return dataRoot.resolve("images");
    }

    public Path image(String imageIdHex) {
        return images().resolve(imageIdHex);
    }

    public Path layers() {
        return dataRoot.resolve("layers");
    }

    public Path layer(String diffIdHex) {
        return layers().resolve(diffIdHex);
    }

    /** The length of the layer's tar stream as it was stored: a decimal number. */
    public Path layerSize(String diffIdHex) {
        return dataRoot.resolve("layer-sizes").resolve(diffIdHex);
    }

    public Path containers() {
        return dataRoot.resolve("containers");
    }

    /** The container's log file: --log-opt path=FILE, or ctr.log in its directory. */
    public Path containerLog(ContainerRecord record) {
        String path = record.config().log().path();
        return path != null ? Path.of(path) : container(record.id()).resolve("ctr.log");
    }

    public Path container(String id) {
        return containers().resolve(id);
    }

    public Path names() {
        return dataRoot.resolve("names");
    }

    public Path pods() {
        return dataRoot.resolve("pods");
    }

    public Path podNames() {
        return dataRoot.resolve("podnames");
    }

    public Path volumes() {
        return dataRoot.resolve("volumes");
    }

    public Path volumeNames() {
        return dataRoot.resolve("volumenames");
    }

    /** Where a volume's content lives: what its bind mount shows in a container. */
    public Path volumeData(String name) {
        return volumes().resolve(name).resolve("_data");
    }

    public Path networks() {
        return dataRoot.resolve("networks");
    }

    public Path networkNames() {
        return dataRoot.resolve("networknames");
    }

    /** A container's writable layer. */
    public Path containerUpper(String id) {
        return container(id).resolve("upper");
    }

    /**
     * Its overlay volumes' (-v SOURCE:DEST:O) changes, one directory each, discarded at every start and stop:
     * with its other data, as Podman keeps them, unless the container has a user namespace of its own. The runtime
     * mounts them as the container's root, who must pass every directory on their path: the run root's are opened
     * for it already (for the root file system), the data root's parents (a home directory) may not be.
     */
    public Path containerVolumeOverlays(ContainerRecord record) {
        Path dir = record.config().userns().ownNamespace() ? containerRun(record.id()) : container(record.id());
        return dir.resolve("volume-overlays");
    }

    /** A container in a user namespace of its own: its copies of the image's layers, owners shifted into its map. */
    public Path containerLayers(String id) {
        return container(id).resolve("mapped-layers");
    }

    public Path containerRun(String id) {
        return runRoot.resolve("containers").resolve(id);
    }

    /**
     * A file in {@link #container}'s directory, by name: what `ps` reads of every container builds no Path (a
     * resolve encodes, checks and copies the name again, microseconds each in a JVM that has compiled none of it).
     */
    public String containerFileName(String id, String file) {
        return dataRoot + "/containers/" + id + "/" + file;
    }

    /** A file in {@link #containerRun}'s directory, by name (see {@link #containerFileName}). */
    public String containerRunFileName(String id, String file) {
        return runRoot + "/containers/" + id + "/" + file;
    }

    /**
     * Where the state of bridge networks is kept while containers use them (addresses given out, netavark's
     * directory and lock, aardvark-dns's entries). Rootful, every store shares the host's network namespace, its
     * bridges and firewall chains, so every store keeps that state in one place, the default store's; rootless,
     * the namespaces are the store's own holder's.
     */
    public Path networkRunRoot() {
        return rootless ? runRoot : ROOTFUL_RUN_ROOT;
    }

    public Path runtimeRoot() {
        return runRoot.resolve("runtime");
    }

    /** registries.conf as last merged ({@code RegistriesConfCache}): in the run root, gone at reboot. */
    public Path registriesConfCache() {
        return runRoot.resolve("registries-conf.json");
    }

    /** The insecure registries that answered plain HTTP: asked over http first by the next command. */
    public Path plainHttpRegistries() {
        return runRoot.resolve("plain-http-registries");
    }

    /** Scratch space on the same file system as the data, so finished work can be renamed into place. */
    public Path tmp() {
        return dataRoot.resolve("tmp");
    }

    /** The event journal ({@code EventJournal}). */
    public Path events() {
        return dataRoot.resolve("events.log");
    }

    /** The lock that serialises changes to records. */
    public Path lockFile() {
        return dataRoot.resolve("lock");
    }
}
