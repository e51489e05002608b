package dev.vaina.cli.common;

import dev.vaina.engine.Engine;
import dev.vaina.spec.VainaConf;
import dev.vaina.image.ImageStore;
import dev.vaina.image.naming.RegistriesConf;
import dev.vaina.store.ContainerRecords;
import dev.vaina.store.StoreLayout;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;

/** What every command needs, built once per invocation: the settings resolved, and the engine they choose. */
public final class Context implements AutoCloseable {
    private final Engine engine;

    private Context(Engine engine) {
        this.engine = engine;
    }

    static Context create(GlobalOptions options, PrintWriter err) throws IOException {
        CliLog log = new CliLog(options.logLevel, err);
        Map<String, String> env = System.getenv();
        boolean root = Users.isRoot();
        VainaConf settings = VainaConf.load(env, root)
                .overriddenBy(new VainaConf(options.manager, options.runtime, null));
        StoreLayout defaults = StoreLayout.forCurrentUser(env, root);
        StoreLayout layout = new StoreLayout(
                options.root != null ? options.root.toAbsolutePath() : defaults.dataRoot(),
                options.runRoot != null ? options.runRoot.toAbsolutePath() : defaults.runRoot(),
                !root);
        log.debug("store: " + layout.dataRoot() + ", run root: " + layout.runRoot() + (layout.rootless() ? ", rootless" : ", rootful"));
        log.debug("systemd manager: " + (settings.systemd() != null ? settings.systemd() : "default")
                + ", OCI runtime: " + (settings.runtime() != null ? settings.runtime() : "probed at start"));
        if (options.cgroupManager != null) {
            log.debug("--cgroup-manager " + options.cgroupManager
                    + ": every container runs in the cgroup of its own systemd unit either way");
        }
        return new Context(new Engine(layout, settings.systemd(), settings.runtime(), settings.rootlessNetwork(), env).log(log));
    }

    public Engine engine() {
        return engine;
    }

    public StoreLayout layout() {
        return engine.layout();
    }

    public Map<String, String> env() {
        return engine.env();
    }

    /** The container records, to read; the life cycle is {@code engine().containers()}. */
    public ContainerRecords containers() {
        return engine.store();
    }

    /** The image store; a short name is looked for in registries.conf's search order. */
    public ImageStore images() throws IOException {
        return engine.images();
    }

    /** Makes {@link #registriesConf()} read {@code file} alone (a command's --registries-conf); null keeps the default. */
    public void useRegistriesConf(Path file) {
        engine.useRegistriesConf(file);
    }

    /** registries.conf: the command's own file when given, else $VAINA_REGISTRIES_CONF, else the default files. */
    public RegistriesConf registriesConf() {
        return engine.registriesConf();
    }

    @Override
    public void close() {
        engine.close();
    }
}
