package dev.vaina.launch;

import dev.vaina.store.ContainerStore;
import dev.vaina.store.StoreLayout;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * systemd's ExecStart and ExecStopPost for a container:
 * {@code vaina-launcher [--root D --runroot R] [--runtime NAME] [--network-helper pasta|slirp4netns] [--systemd-manager user|system] start ID} prepares the bundle and becomes
 * the monitor; {@code ... cleanup ID} undoes it and records the exit. {@code --remove [--unit-file F]}: the
 * container (and F, its unit file) is removed once it has exited, by its monitor or else by the cleanup.
 * Without --root and --runroot the caller's default store is used, and a name works as well as an id: the units that definition
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
        String manager = "user";
        Path unitFile = null;
        boolean remove = false;
        List<String> rest = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--root" -> root = Path.of(args[++i]);
                case "--runroot" -> runRoot = Path.of(args[++i]);
                case "--runtime" -> runtime = args[++i];
                case "--network-helper" -> networkHelper = args[++i];
                case "--systemd-manager" -> manager = args[++i];
                case "--unit-file" -> unitFile = Path.of(args[++i]);
                case "--remove" -> remove = true;
                default -> rest.add(args[i]);
            }
        }
        if (rest.size() != 2) {
            System.err.println("usage: vaina-launcher [--root DIR --runroot DIR] [--runtime NAME] [--network-helper pasta|slirp4netns] [--remove [--unit-file FILE]] start|cleanup ID|NAME");
            System.exit(125);
        }
        boolean rootless = !new com.sun.security.auth.module.UnixSystem().getUsername().equals("root")
                && new com.sun.security.auth.module.UnixSystem().getUid() != 0;
        // A definition file's unit names the store only when GlobalArgs= does: the caller's default otherwise.
        StoreLayout defaults = StoreLayout.forCurrentUser(System.getenv(), !rootless);
        ContainerStore store = new ContainerStore(new StoreLayout(root != null ? root : defaults.dataRoot(),
                runRoot != null ? runRoot : defaults.runRoot(), rootless));
        // A definition file's unit knows the container by name only: its id is made when the unit starts.
        String id = store.lookup(rest.get(1)).map(dev.vaina.store.ContainerRecord::id).orElse(rest.get(1));
        switch (rest.get(0)) {
            case "start" -> {
                try {
                    new Launch(store, runtime, networkHelper, manager, remove ? new Removal(unitFile) : null)
                            .startAndBecomeMonitor(id);
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
}
