package dev.vaina.engine;

import dev.vaina.image.ImageStore;
import dev.vaina.store.ContainerStore;
import dev.vaina.store.StoreLayout;
import dev.vaina.systemd.ManagerScope;
import dev.vaina.systemd.Systemd;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The engine as one caller sees it: where state lives, which systemd manager supervises, which OCI
 * runtime runs containers. Its parts are opened only as far as an operation needs them (a D-Bus
 * connection costs a command about 0.2 s), and closed together.
 */
public final class Engine implements AutoCloseable {
    private final StoreLayout layout;
    private final String manager;
    private final String runtime;
    private final String rootlessNetwork;
    private final Map<String, String> env;
    private ContainerStore store;
    private ImageStore images;
    private Systemd systemd;
    private ManagerScope scope;
    private Containers containers;

    /**
     * @param manager "user", "system", or null for the default of the caller
     * @param runtime the OCI runtime's name, or null to probe at each start
     * @param rootlessNetwork "pasta", "slirp4netns", or null to probe at each start
     */
    public Engine(StoreLayout layout, String manager, String runtime, String rootlessNetwork, Map<String, String> env) {
        this.layout = layout;
        this.manager = manager;
        this.runtime = runtime;
        this.rootlessNetwork = rootlessNetwork;
        this.env = env;
    }

    public StoreLayout layout() {
        return layout;
    }

    public Map<String, String> env() {
        return env;
    }

    public ContainerStore store() {
        if (store == null) {
            store = new ContainerStore(layout);
        }
        return store;
    }

    public ImageStore images() throws IOException {
        if (images == null) {
            images = new ImageStore(layout);
        }
        return images;
    }

    /** The life cycle of containers: create, start, stop, kill, remove. */
    public Containers containers() {
        if (containers == null) {
            containers = new Containers(this);
        }
        return containers;
    }

    /** Commands run in running containers. */
    public Exec exec() {
        return new Exec(this);
    }

    /** What a container's processes use, and which processes those are. */
    public Resources resources() {
        return new Resources(this);
    }

    public ManagerScope scope() {
        if (scope == null) {
            scope = ManagerScope.choose(manager);
        }
        return scope;
    }

    public Systemd systemd() {
        if (systemd == null) {
            systemd = Systemd.connect(scope());
        }
        return systemd;
    }

    /** Where unit files for CLI-made containers go: a runtime directory in the manager's search path. */
    Path unitDirectory() {
        if (scope() == ManagerScope.SYSTEM) {
            return Path.of("/run/systemd/system");
        }
        String runtimeDir = env.get("XDG_RUNTIME_DIR");
        if (runtimeDir == null || runtimeDir.isEmpty()) {
            throw new EngineException(
                    "XDG_RUNTIME_DIR is not set: vaina needs the systemd user session's runtime directory");
        }
        return Path.of(runtimeDir, "systemd", "user");
    }

    /** The launcher command line for a container's unit, ending before the verb. */
    List<String> launcherCommand() {
        List<String> command = new ArrayList<>();
        command.add(Installation.launcher().toString());
        command.add("--root");
        command.add(layout.dataRoot().toString());
        command.add("--runroot");
        command.add(layout.runRoot().toString());
        if (runtime != null) {
            command.add("--runtime");
            command.add(runtime);
        }
        if (rootlessNetwork != null) {
            command.add("--network-helper");
            command.add(rootlessNetwork);
        }
        return command;
    }

    @Override
    public void close() {
        if (systemd != null) {
            systemd.close();
        }
    }
}
