package dev.vaina.launch;

import dev.vaina.linux.Exec;
import dev.vaina.net.Netavark;
import dev.vaina.net.RootlessNetns;
import dev.vaina.store.ContainerStore;
import dev.vaina.store.StoreLayout;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * systemd's ExecStart and ExecStopPost for a container:
 * {@code vaina-launcher [--root D --runroot R] [--runtime NAME] [--network-helper pasta|slirp4netns] start ID} prepares the bundle and becomes
 * the monitor; {@code ... cleanup [--unit-file F] ID} undoes it and records the exit. For the holder of
 * rootless named networks' namespaces ({@link RootlessNetns}), {@code ... netns up} (its ExecStartPost, the
 * holder's PID in $MAINPID) and {@code ... netns down} (its ExecStopPost). Without --root and
 * --runroot the caller's default store is used, and a name works as well as an id: the units that definition
 * files become know their container by name (see dev.vaina.unit.definition).
 */
public final class Launcher {
    private Launcher() {
    }

    public static void main(String[] args) throws Exception {
        Path root = null;
        Path runRoot = null;
        String runtime = null;
        String networkHelper = null;
        Path unitFile = null;
        boolean remove = false;
        List<String> rest = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--root" -> root = Path.of(args[++i]);
                case "--runroot" -> runRoot = Path.of(args[++i]);
                case "--runtime" -> runtime = args[++i];
                case "--network-helper" -> networkHelper = args[++i];
                // Written into units by older versions; the launcher starts no unit any more.
                case "--systemd-manager" -> i++;
                case "--unit-file" -> unitFile = Path.of(args[++i]);
                case "--remove" -> remove = true;
                default -> rest.add(args[i]);
            }
        }
        if (rest.size() != 2) {
            System.err.println("usage: vaina-launcher [--root DIR --runroot DIR] [--runtime NAME] [--network-helper pasta|slirp4netns] start ID|NAME | [--remove --unit-file FILE] cleanup ID|NAME | netns up|down | aardvark-dns run");
            System.exit(125);
        }
        boolean rootless = !new com.sun.security.auth.module.UnixSystem().getUsername().equals("root")
                && new com.sun.security.auth.module.UnixSystem().getUid() != 0;
        // A definition file's unit names the store only when GlobalArgs= does: the caller's default otherwise.
        StoreLayout defaults = StoreLayout.forCurrentUser(System.getenv(), !rootless);
        ContainerStore store = new ContainerStore(new StoreLayout(root != null ? root : defaults.dataRoot(),
                runRoot != null ? runRoot : defaults.runRoot(), rootless));
        if (rest.get(0).equals("netns")) {
            holder(store.layout(), rest.get(1));
            return;
        }
        if (rest.get(0).equals("aardvark-dns")) {
            aardvark(store.layout());
            return;
        }
        // A definition file's unit knows the container by name only: its id is made when the unit starts.
        String id = store.lookup(rest.get(1)).map(dev.vaina.store.ContainerRecord::id).orElse(rest.get(1));
        switch (rest.get(0)) {
            case "start" -> {
                try {
                    new Launch(store, runtime, networkHelper).startAndBecomeMonitor(id);
                } catch (Exception e) {
                    Launch.recordFailure(store, id, e);
                    System.err.println("vaina-launcher: " + e.getMessage());
                    System.exit(e instanceof dev.vaina.net.PortInUseException ? 126 : 125);
                }
            }
            case "cleanup" -> {
                if (store.exists(id)) {
                    Cleanup.run(store, store.read(id), remove, unitFile);
                }
            }
            default -> {
                System.err.println("vaina-launcher: unknown verb " + rest.get(0));
                System.exit(125);
            }
        }
    }

    /**
     * aardvark-dns's unit's ExecStart: becomes aardvark-dns (same PID), rootless inside the holder's user and
     * network namespaces, where the bridges it serves on are.
     */
    private static void aardvark(StoreLayout layout) throws Exception {
        List<String> enter = layout.rootless()
                ? RootlessNetns.enter(new RootlessNetns(layout.runRoot()).requireHolder(), true, false) : List.of();
        List<String> argv = Netavark.aardvarkCommand(Netavark.configDir(layout.runRoot()), enter);
        Exec.execve(argv.get(0), argv, System.getenv());
    }

    private static void holder(StoreLayout layout, String step) throws Exception {
        RootlessNetns netns = new RootlessNetns(layout.runRoot());
        switch (step) {
            case "up" -> {
                String pid = System.getenv("MAINPID");
                if (pid == null || !pid.matches("[0-9]+")) {
                    System.err.println("vaina-launcher: netns up runs as the holder unit's ExecStartPost, with $MAINPID");
                    System.exit(125);
                }
                try {
                    netns.up(Long.parseLong(pid));
                } catch (java.io.IOException e) {
                    System.err.println("vaina-launcher: " + e.getMessage());
                    System.exit(125);
                }
            }
            case "down" -> netns.down();
            default -> {
                System.err.println("vaina-launcher: netns up|down, not " + step);
                System.exit(125);
            }
        }
    }
}
