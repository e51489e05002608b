package dev.vaina.cli;

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

/** What every command needs, built once per invocation and only as far as the command uses it. */
final class Context implements AutoCloseable {
    private final StoreLayout layout;
    private final String manager;
    private final String runtime;
    private final String rootlessNetwork;
    private final Map<String, String> env;
    private ContainerStore containers;
    private ImageStore images;
    private Systemd systemd;
    private ManagerScope scope;

    private Context(StoreLayout layout, String manager, String runtime, String rootlessNetwork, Map<String, String> env) {
        this.layout = layout;
        this.manager = manager;
        this.runtime = runtime;
        this.rootlessNetwork = rootlessNetwork;
        this.env = env;
    }

    static Context create(VainaCommand options) throws IOException {
        Map<String, String> env = System.getenv();
        boolean root = Users.isRoot();
        Settings settings = Settings.load(env, root)
                .overriddenBy(new Settings(options.manager, options.runtime, null));
        StoreLayout defaults = StoreLayout.forCurrentUser(env, root);
        StoreLayout layout = new StoreLayout(
                options.root != null ? options.root.toAbsolutePath() : defaults.dataRoot(),
                options.runRoot != null ? options.runRoot.toAbsolutePath() : defaults.runRoot(),
                !root);
        return new Context(layout, settings.systemd(), settings.runtime(), settings.rootlessNetwork(), env);
    }

    StoreLayout layout() {
        return layout;
    }

    Map<String, String> env() {
        return env;
    }

    ContainerStore containers() {
        if (containers == null) {
            containers = new ContainerStore(layout);
        }
        return containers;
    }

    ImageStore images() throws IOException {
        if (images == null) {
            images = new ImageStore(layout);
        }
        return images;
    }

    ManagerScope scope() {
        if (scope == null) {
            scope = ManagerScope.choose(manager);
        }
        return scope;
    }

    Systemd systemd() {
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
            throw new CommandFailedException(ExitCodes.ENGINE,
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
