package dev.vaina.engine;

import dev.vaina.launch.ContainerPaths;
import dev.vaina.oci.ExecProcessSpec;
import dev.vaina.oci.RootfsFiles;
import dev.vaina.oci.UserResolver;
import dev.vaina.store.AtomicFiles;
import dev.vaina.store.ContainerRecord;
import dev.vaina.store.ContainerState;
import dev.vaina.store.ContainerStore;
import dev.vaina.systemd.JobResult;
import dev.vaina.systemd.TransientService;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Runs commands in running containers through the OCI runtime's exec. */
public final class Exec {
    static final String NOT_RUNNING = "can only create exec sessions on running containers: container state improper";

    private final Engine engine;

    Exec(Engine engine) {
        this.engine = engine;
    }

    /** Runs the command with the caller's stdin, stdout and stderr (or terminal) and returns its exit code. */
    public int attached(ContainerRecord record, ExecRequest request) throws IOException {
        ExecSession session = prepare(record, request);
        try {
            return session.runAttached(request.interactive());
        } finally {
            session.deleteFiles();
        }
    }

    /**
     * Starts the command in the background and returns the session's id once it runs.
     *
     * <p>The runtime runs as a transient service of the container's manager, bound to the container's
     * unit, rather than as a child of this short-lived command: systemd then is its parent, collects its
     * exit and stops it with the container, so nothing is ever orphaned. (Rootful, the runtime moves the
     * command into the container's own cgroups; rootless on cgroup v1 it stays in the service's cgroup.
     * Either way a unit owns it.) Its stdout is discarded and its stderr kept in the container's run
     * directory, as nobody is attached to read them.
     */
    public String detached(ContainerRecord record, ExecRequest request) throws IOException {
        ExecSession session = prepare(record, request);
        String unit = "vaina-exec-" + session.id().substring(0, 12) + ".service";
        List<String> removeSpec = List.of("/bin/rm", "-f", session.processFile().toString());
        TransientService service = new TransientService(unit,
                "vaina exec session " + session.id() + " in container " + record.name(), session.command(),
                removeSpec, record.unit(), session.errorFile().toString());
        JobResult result;
        try {
            result = engine.systemd().startTransientService(service);
        } catch (RuntimeException e) {
            session.deleteFiles();
            throw e;
        }
        boolean started = result.succeeded()
                && session.awaitStarted(() -> Units.busy(engine.systemd().status(unit)));
        if (!started) {
            String output = Files.exists(session.errorFile()) ? Files.readString(session.errorFile()) : "";
            session.deleteFiles();
            throw session.failure(output);
        }
        return session.id();
    }

    ExecSession prepare(ContainerRecord record, ExecRequest request) throws IOException {
        ContainerStore store = engine.store();
        ContainerState state = Liveness.reconcile(store, record);
        long pid = ContainerPid.read(store.layout(), record.id());
        if (!state.isRunning() || pid <= 0 || engine.pausing().isFrozen(record)) {
            throw new EngineException(NOT_RUNNING);
        }
        RuntimeCall runtime = RuntimeCall.forRunning(store.layout(), record.id(), state);
        ContainerPaths paths = new ContainerPaths(store.layout(), record.id());
        ExecProcessSpec spec = ExecProcessSpec.fromBundle(paths.bundle().resolve("config.json"))
                .args(request.command())
                .env(request.env())
                .terminal(request.tty());
        if (request.workdir() != null) {
            spec.cwd(request.workdir());
        }
        if (request.user() != null) {
            // The container's own /etc/passwd and /etc/group, as its running root file system shows them.
            spec.user(new UserResolver(RootfsFiles.under(Path.of("/proc", Long.toString(pid), "root")))
                    .resolve(request.user()));
        }
        if (request.privileged()) {
            spec.privileged();
        }
        Path directory = paths.runDir().resolve("exec");
        Files.createDirectories(directory);
        ExecSession session = new ExecSession(ContainerStore.newId(), record.id(), runtime, directory);
        AtomicFiles.write(session.processFile(), spec.toJson());
        return session;
    }
}
