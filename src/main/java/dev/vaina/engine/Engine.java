package dev.vaina.engine;

import dev.vaina.image.ImageStore;
import dev.vaina.image.ShortNameSearch;
import dev.vaina.image.naming.RegistriesConf;
import dev.vaina.image.naming.RegistriesConfCache;
import dev.vaina.image.naming.ShortNameResolver;
import dev.vaina.store.ContainerStore;
import dev.vaina.store.Event;
import dev.vaina.store.EventJournal;
import dev.vaina.store.PodStore;
import dev.vaina.store.StoreLayout;
import dev.vaina.store.VolumeStore;
import dev.vaina.systemd.ManagerScope;
import dev.vaina.systemd.Systemd;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

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
    private Path registriesConfFile;
    private RegistriesConf registriesConf;
    private Systemd systemd;
    private FutureTask<Systemd> systemdAhead;
    private ManagerScope scope;
    private Containers containers;
    private EngineLog log = EngineLog.SILENT;
    private PodStore podStore;
    private Pods pods;
    private PodContainers podContainers;
    private VolumeStore volumeStore;
    private Volumes volumes;

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

    /** Where debug lines and warnings go (nowhere unless set). */
    public Engine log(EngineLog sink) {
        this.log = sink;
        return this;
    }

    public EngineLog log() {
        return log;
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

    /** The image store; a short name is looked for in registries.conf's search order (read when first needed). */
    public ImageStore images() throws IOException {
        if (images == null) {
            // A class, not a lambda: `images` then links none, and a JVM's first one costs about 4 ms.
            images = new ImageStore(layout, new ShortNameSearch() {
                @Override
                public List<String> candidates(String shortName) {
                    return new ShortNameResolver(registriesConf()).localCandidates(shortName);
                }
            });
        }
        return images;
    }

    public PodStore podStore() {
        if (podStore == null) {
            podStore = new PodStore(layout);
        }
        return podStore;
    }

    public VolumeStore volumeStore() {
        if (volumeStore == null) {
            volumeStore = new VolumeStore(layout);
        }
        return volumeStore;
    }

    /** Named and anonymous volumes. */
    public Volumes volumes() {
        if (volumes == null) {
            volumes = new Volumes(this);
        }
        return volumes;
    }

    /** The caller's definition files (`vaina quadlet`). */
    public DefinitionFiles definitionFiles() {
        return new DefinitionFiles(this);
    }

    /** Which containers are a pod's, and their states. */
    public PodContainers podContainers() {
        if (podContainers == null) {
            podContainers = new PodContainers(this);
        }
        return podContainers;
    }

    /** The life cycle of pods. */
    public Pods pods() {
        if (pods == null) {
            pods = new Pods(this);
        }
        return pods;
    }

    /** Makes {@link #registriesConf()} read {@code file} alone (a command's --registries-conf); null keeps the default. */
    public void useRegistriesConf(Path file) {
        if (file != null) {
            registriesConfFile = file;
            registriesConf = null;
        }
    }

    /** registries.conf: the file given to {@link #useRegistriesConf}, else $VAINA_REGISTRIES_CONF, else the default files. */
    public RegistriesConf registriesConf() {
        if (registriesConf == null) {
            registriesConf = new RegistriesConfCache(layout.registriesConfCache())
                    .load(registriesConfFiles());
        }
        return registriesConf;
    }

    private List<Path> registriesConfFiles() {
        if (registriesConfFile != null) {
            return List.of(registriesConfFile);
        }
        String fromEnv = env.get("VAINA_REGISTRIES_CONF");
        if (fromEnv != null && !fromEnv.isEmpty()) {
            return List.of(Path.of(fromEnv));
        }
        try {
            return RegistriesConf.defaultFiles(env, layout.rootless());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the registries.conf files: " + e.getMessage(), e);
        }
    }

    /** The OCI runtime chosen by configuration, or null when it is probed at each start. */
    public String configuredRuntime() {
        return runtime;
    }

    /** The rootless network helper chosen by configuration, or null when it is probed at each start. */
    public String configuredRootlessNetwork() {
        return rootlessNetwork;
    }

    /** The event journal. */
    public EventJournal events() {
        return new EventJournal(layout);
    }

    /** Records an event; a journal that cannot be written costs a warning, never the operation. */
    public void record(Event event) {
        IOException failure = events().append(event);
        if (failure != null) {
            log.warn("cannot record the " + event.type() + " " + event.status() + " event in "
                    + layout.events() + ": " + failure.getMessage());
        }
    }

    /** The life cycle of containers: create, start, stop, kill, remove. */
    public Containers containers() {
        if (containers == null) {
            containers = new Containers(this);
        }
        return containers;
    }

    /** Running containers frozen and thawed. */
    public Pausing pausing() {
        return new Pausing(this);
    }

    /** Waiting for a container's exit, its unit's end, or a state. */
    public ContainerWaits containerWaits() {
        return new ContainerWaits(this);
    }

    /** Files copied between the host and containers. */
    public Copying copying() {
        return new Copying(this);
    }

    /** Bridge networks and the containers on them. */
    public Networks networks() {
        return new Networks(this);
    }

    /** Commands run in running containers. */
    public Exec exec() {
        return new Exec(this);
    }

    /** What a boot needs: repair after a crash, containers brought back by their restart policy. */
    public Boot boot() {
        return new Boot(this);
    }

    /** Containers moved to newer images of their image's name. */
    public AutoUpdate autoUpdate() {
        return new AutoUpdate(this);
    }

    /** Units and definition files of existing containers and pods, for the user to keep. */
    public UnitExport unitExport() {
        return new UnitExport(this);
    }

    /** Health checks: run one, record it, act on it. */
    public Healthchecks healthchecks() {
        return new Healthchecks(this);
    }

    /** Resource limits: where they can hold, and changing them on a running container. */
    public Limits limits() {
        return new Limits(this);
    }

    /** What a container's processes use, and which processes those are. */
    public Resources resources() {
        return new Resources(this);
    }

    public ManagerScope scope() {
        if (scope == null) {
            scope = ManagerScope.choose(manager);
            log.debug("systemd manager: " + scope.toString().toLowerCase(java.util.Locale.ROOT));
        }
        return scope;
    }

    /** The manager's connection, made on first use; threads of one command (a pod's stop) share it. */
    public synchronized Systemd systemd() {
        if (systemd == null) {
            systemd = systemdAhead != null ? connected(systemdAhead) : Systemd.connect(scope(), DescriptorBusSocket.OPENER);
            log.debug("connected to the " + scope().toString().toLowerCase(java.util.Locale.ROOT) + " manager over D-Bus");
        }
        return systemd;
    }

    /**
     * Starts connecting to the manager on a thread of its own, for a command that talks to it only after other work:
     * `run` creates the container and renders its unit first (80-90 ms), where the connection takes about 40 ms.
     * {@link #systemd} then takes the connection, or throws what connecting threw.
     */
    public synchronized void connectSystemdAhead() {
        if (systemd != null || systemdAhead != null) {
            return;
        }
        ManagerScope chosen = scope();
        FutureTask<Systemd> connecting = new FutureTask<>(new Connecting(chosen));
        Thread thread = new Thread(connecting, "systemd-connect");
        thread.setDaemon(true);
        thread.start();
        systemdAhead = connecting;
    }

    /**
     * The connection made on its thread. A class, not a lambda: a JVM's first lambda sets the method-handle machinery
     * up (about 2.5 ms), which the connection's own JDK code does on that thread beside the command's work, and this
     * one would do on the command's thread.
     */
    private static final class Connecting implements Callable<Systemd> {
        private final ManagerScope scope;

        Connecting(ManagerScope scope) {
            this.scope = scope;
        }

        @Override
        public Systemd call() {
            return Systemd.connect(scope, DescriptorBusSocket.OPENER);
        }
    }

    private static Systemd connected(FutureTask<Systemd> connecting) {
        try {
            return connecting.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new EngineException("cannot connect to systemd: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EngineException("interrupted while connecting to systemd", e);
        }
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

    /**
     * vaina's own command line for a unit that systemd runs on a container's behalf (its health check),
     * ending before the verb: the same store, and the same manager.
     */
    List<String> cliCommand() {
        return List.of(Installation.cli().toString(), "--root", layout.dataRoot().toString(), "--runroot",
                layout.runRoot().toString(), "--systemd-manager", scope().toString().toLowerCase(java.util.Locale.ROOT));
    }

    /**
     * Whether a unit comes from a definition file: the generator wrote it into one of the manager's generator
     * directories (systemd.generator(7)). Such a unit is the file's, never rewritten by vaina.
     */
    public boolean generatedUnit(String unit) {
        Path base;
        if (scope() == ManagerScope.SYSTEM) {
            base = Path.of("/run/systemd");
        } else {
            base = unitDirectory().getParent();
        }
        for (String dir : new String[] {"generator", "generator.early", "generator.late"}) {
            if (Files.exists(base.resolve(dir).resolve(unit))) {
                return true;
            }
        }
        return false;
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
    public synchronized void close() {
        if (systemd == null && systemdAhead != null) {
            try {
                systemd = connected(systemdAhead);
            } catch (RuntimeException neverUsed) {
                // Connected ahead for a command that failed before it needed the manager.
            }
        }
        if (systemd != null) {
            systemd.close();
        }
    }
}
