package dev.vaina.launch;

import dev.vaina.linux.Exec;
import dev.vaina.linux.Jna;
import dev.vaina.net.Netavark;
import dev.vaina.net.RootlessNetns;
import dev.vaina.spec.VainaConf;
import dev.vaina.store.ContainerStore;
import dev.vaina.store.OwnProcess;
import dev.vaina.store.StoreLayout;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * systemd's ExecStart and ExecStopPost for a container:
 * {@code vaina-launcher [--root D --runroot R] [--runtime NAME] [--network-helper pasta|slirp4netns] start ID} prepares the bundle, starts the
 * monitor and hands the container to it (see {@link MonitorStart}; {@code --monitor-socket PATH}: root's wrapper
 * started the monitor already, and it connects there); {@code ... cleanup ID} undoes it and records the exit. {@code --remove [--unit-file F]}: the
 * container (and F, its unit file) is removed once it has exited, by its monitor or else by the cleanup. For the
 * holder of rootless named networks' namespaces ({@link RootlessNetns}), {@code ... netns up} (its
 * ExecStartPost, the holder's PID in $MAINPID) and {@code ... netns down} (its ExecStopPost); {@code ...
 * aardvark-dns run} is the name server's unit's ExecStart. Options come as {@code --option VALUE} or
 * {@code --option=VALUE}; the runtime and network helper not given are vaina.conf's ({@code --systemd-manager},
 * which a definition file's GlobalArgs= passes on, is taken and ignored: the launcher starts no unit). Without --root and
 * --runroot the caller's default store is used, and a name works as well as an id: the units that definition
 * files become know their container by name (see dev.vaina.unit.definition).
 */
public final class Launcher {
    private static final Set<String> VALUED = Set.of("--root", "--runroot", "--runtime", "--network-helper",
            "--systemd-manager", "--unit-file", "--monitor-socket");

    private Launcher() {
    }

    public static void main(String[] args) throws Exception {
        // Beside the work that needs no native call.
        Jna.loadInBackground();
        Path root = null;
        Path runRoot = null;
        String runtime = null;
        String networkHelper = null;
        Path unitFile = null;
        Path monitorSocket = null;
        boolean remove = false;
        List<String> rest = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            // --option VALUE or --option=VALUE, as the command line takes its global options.
            int equals = args[i].startsWith("--") ? args[i].indexOf('=') : -1;
            String option = equals < 0 ? args[i] : args[i].substring(0, equals);
            if (!VALUED.contains(option)) {
                switch (option) {
                    case "--remove" -> remove = true;
                    default -> rest.add(args[i]);
                }
                continue;
            }
            if (equals < 0 && i + 1 >= args.length) {
                System.err.println("vaina-launcher: " + option + " needs a value");
                System.exit(125);
            }
            String value = equals < 0 ? args[++i] : args[i].substring(equals + 1);
            switch (option) {
                case "--root" -> root = Path.of(value);
                case "--runroot" -> runRoot = Path.of(value);
                case "--runtime" -> runtime = value;
                case "--network-helper" -> networkHelper = value;
                case "--systemd-manager" -> {
                }
                case "--monitor-socket" -> monitorSocket = Path.of(value);
                default -> unitFile = Path.of(value);
            }
        }
        if (rest.size() != 2) {
            System.err.println("usage: vaina-launcher [--root DIR --runroot DIR] [--runtime NAME] [--network-helper pasta|slirp4netns] [--remove [--unit-file FILE]] start|cleanup ID|NAME | netns up|down | aardvark-dns run");
            System.exit(125);
        }
        // The real user id off /proc/self/status: the JDK's UnixSystem loads a library and looks the user up in
        // the password database, on the way to every container's start.
        boolean rootless = OwnProcess.realUid() != 0;
        // What a command line did not say (a definition file's unit says only what its GlobalArgs= say), vaina.conf
        // does, as for the create that made the container.
        VainaConf conf = VainaConf.load(System.getenv(), !rootless);
        runtime = runtime != null ? runtime : conf.runtime();
        networkHelper = networkHelper != null ? networkHelper : conf.rootlessNetwork();
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
        dev.vaina.store.ContainerRecord found = store.lookup(rest.get(1)).orElse(null);
        String id = found != null ? found.id() : rest.get(1);
        switch (rest.get(0)) {
            case "start" -> {
                try {
                    new Launch(store, runtime, networkHelper, remove ? new Removal(unitFile) : null, monitorSocket,
                            rest.get(1)).start(id, found);
                } catch (Exception e) {
                    Launch.recordFailure(store, id, e);
                    System.err.println("vaina-launcher: " + e.getMessage());
                    System.exit(e instanceof dev.vaina.net.PortInUseException ? 126 : 125);
                }
            }
            case "cleanup" -> {
                if (store.exists(id)) {
                    // A container handed over to systemd: its exit is systemd's to tell.
                    HandOver.recordExit(new ContainerPaths(store.layout(), id), System.getenv());
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
        List<String> argv = Netavark.aardvarkCommand(Netavark.configDir(layout.networkRunRoot()), enter);
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
