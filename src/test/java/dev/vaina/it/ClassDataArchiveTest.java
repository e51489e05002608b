package dev.vaina.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vaina.it.registry.PushedImage;
import dev.vaina.it.registry.RegistryImages;
import dev.vaina.it.registry.TestRegistry;
import dev.vaina.it.support.EachMode;
import dev.vaina.it.support.Mode;
import dev.vaina.it.support.Result;
import dev.vaina.it.support.TestImages;
import dev.vaina.it.support.VainaCli;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

/**
 * Every JVM vaina starts maps the class-data archive install built for it. The JVM falls back silently to
 * no archive when one does not fit (another jar, other flags); here {@code -Xshare:on} makes that an error.
 */
class ClassDataArchiveTest {
    private static final String AOT_CACHE = "-XX:AOTCache=";

    @EachMode
    void eachWrapper_startsItsJvmWithItsArchive_underXshareOn(VainaCli vaina) throws IOException {
        Path lib = vaina.vainaExecutable().getParent().resolveSibling("lib/vaina");
        Result cli = vaina.exec(List.of(strict(vaina.vainaExecutable(), "cli").toString(), "--version"))
                .assertSuccess();
        assertEquals("vaina version", cli.stdout().substring(0, "vaina version".length()), cli::describe);
        // Without arguments each says how it is used (exit 125): it got as far as its main class.
        Result launcher = vaina.exec(List.of(strict(lib.resolve("vaina-launcher"), "launcher").toString()))
                .assertExitCode(125);
        assertTrue(launcher.stderr().contains("usage: vaina-launcher"), launcher::describe);
        // The monitor's archive has a second layer, the cleanup's classes: -Xshare:on checks both.
        String monitorWrapper = Files.readString(lib.resolve("vaina-monitor"));
        assertTrue(monitorWrapper.contains("vaina-monitor.jsa:" + lib.resolve("vaina-monitor-cleanup.jsa")), monitorWrapper);
        Result monitor = vaina.exec(List.of(strict(lib.resolve("vaina-monitor"), "monitor").toString()))
                .assertExitCode(125);
        assertTrue(monitor.stderr().contains("vaina monitor:"), monitor::describe);
        // Each maps the archive's objects: the module graph is not built anew at every start (8-10 ms, which any
        // collector but G1 costs), and none is copied and patched for a heap its archive was not dumped for.
        for (Path wrapper : List.of(vaina.vainaExecutable(), lib.resolve("vaina-launcher"), lib.resolve("vaina-monitor"))) {
            Path logging = Files.createTempFile("vaina-cds-log", ".sh",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
            logging.toFile().deleteOnExit();
            // The launcher's start may run on a newer JDK (see below): this, not a start, runs on JDK 17.
            String script = Files.readString(wrapper).replace(" -Xshare:auto ", " -Xshare:auto -Xlog:cds=info:stderr ");
            Files.writeString(logging, script);
            Result run = vaina.exec(List.of(logging.toString(), "--version"));
            assertTrue(run.stderr().contains("full module graph: enabled"), run::describe);
            assertFalse(run.stderr().contains("incompatible oop encoding mode"), run::describe);
            assertFalse(run.stderr().contains("patching heap embedded pointers"), run::describe);
        }
    }

    @EachMode
    void runningMonitor_mapsItsArchive_andStopAndAttachConnectWithoutTheJdksUnixChannels(VainaCli vaina) throws IOException {
        String name = "cds-" + vaina.mode();
        vaina.run("run", "-d", "--name", name, Images.busybox(vaina), "sleep", "1000").assertSuccess();
        try {
            String pid = vaina.systemctl("show", "-p", "MainPID", "--value", "container-" + name + ".service")
                    .assertSuccess().stdout().strip();
            String maps = Files.readString(Path.of("/proc", pid, "maps"));
            assertTrue(maps.contains("/lib/vaina/vaina-monitor.jsa"), "the monitor does not map its archive:\n" + maps);
            assertTrue(maps.contains("/lib/vaina/vaina-monitor-cleanup.jsa"),
                    "the monitor does not map its archive's cleanup layer:\n" + maps);
            // The command line's D-Bus connection is a raw descriptor (engine.DescriptorBusSocket): none of the JDK's
            // unix-domain channels, whose first use seeds a SecureRandom (the security providers loaded) and asks a
            // ServiceLoader for a selector provider (the jar opened).
            Path wrapper = strict(vaina.vainaExecutable(), "cli");
            Files.writeString(wrapper, Files.readString(wrapper)
                    .replace(" dev.vaina.cli.Main", " -Xlog:class+load=info:stdout dev.vaina.cli.Main"));
            Result stop = vaina.exec(List.of(wrapper.toString(), "stop", "-t", "0", name)).assertSuccess();
            assertTrue(stop.stdout().contains(" dev.vaina.engine.DescriptorBusSocket "), stop::describe);
            assertNoJdkUnixChannel(stop);
            // Nor does a client of the monitor's attach socket (output with no log file to follow comes through it).
            Result attached = vaina.exec(List.of(wrapper.toString(), "run", "--rm", "--log-driver", "none",
                    Images.busybox(vaina), "echo", "attached")).assertSuccess();
            assertTrue(attached.stdout().lines().anyMatch("attached"::equals), attached::describe);
            assertTrue(attached.stdout().contains(" dev.vaina.linux.UnixStreamConnection "), attached::describe);
            assertNoJdkUnixChannel(attached);
        } finally {
            vaina.run("rm", "-f", "-t", "0", name);
        }
    }

    private static void assertNoJdkUnixChannel(Result command) {
        for (String unwanted : List.of(" sun.nio.ch.UnixDomainSockets ", " java.security.SecureRandom ",
                " java.util.ServiceLoader ")) {
            assertEquals(List.of(), command.stdout().lines().filter(l -> l.contains(unwanted)).toList(),
                    command::describe);
        }
    }

    /**
     * The commands that make, start and list containers and pods link no lambda the archive does not hold: a lambda
     * spun at run time costs a command 1-2 ms, and the first one loads the bytecode generator for it. Two ways that
     * happened: a method reference written twice in one class (`create`) is linked twice, each call site taking an
     * archived class of its own, where the archive had one (install-files.sh now keeps a class list's line as often
     * as one recorded list has it); and the JDK's own lambdas ({@code Comparator.comparing}'s, in `pod ps`), which
     * the archive does not hold. A name is generated for the container, as for most. A `create`, a `start`, a
     * `pod create`, a member's `create --pod`, a `pod start` and a `run --rm` link none at all now (loops and
     * classes: the first lambda sets the JVM's method-handle machinery up, 3 ms of the main thread, 7 ms of the
     * thread that made the D-Bus connection when its reader and its signal listener were lambdas).
     */
    @EachMode
    void createStartAndPodPs_linkNoLambdaTheCliArchiveDoesNotHold(VainaCli vaina) throws IOException {
        Path wrapper = strict(vaina.vainaExecutable(), "cli");
        Files.writeString(wrapper, Files.readString(wrapper)
                .replace(" dev.vaina.cli.Main", " -Xlog:class+load=info:stdout dev.vaina.cli.Main"));
        String pod = "cds-pod-" + vaina.mode();
        String second = pod + "-2";
        // The store's first pod makes the pause image, which only it does.
        vaina.run("pod", "create", "--name", pod).assertSuccess();
        Result create = vaina.exec(List.of(wrapper.toString(), "create", Images.busybox(vaina), "sleep", "1000"))
                .assertSuccess();
        String id = create.stdout().lines().filter(l -> l.matches("[0-9a-f]{64}")).findFirst()
                .orElseThrow(() -> new AssertionError("no container id:\n" + create.describe()));
        try {
            Result start = vaina.exec(List.of(wrapper.toString(), "start", id)).assertSuccess();
            Result podCreate = vaina.exec(List.of(wrapper.toString(), "pod", "create", "--name", second))
                    .assertSuccess();
            Result member = vaina.exec(List.of(wrapper.toString(), "create", "--pod", second, Images.busybox(vaina),
                    "sleep", "1000")).assertSuccess();
            Result podStart = vaina.exec(List.of(wrapper.toString(), "pod", "start", second)).assertSuccess();
            Result runRm = vaina.exec(List.of(wrapper.toString(), "run", "--rm", Images.busybox(vaina), "true"))
                    .assertSuccess();
            for (Result result : List.of(create, start, podCreate, member, podStart, runRm)) {
                assertTrue(result.stdout().lines().noneMatch(l -> l.contains(" java.lang.invoke.LambdaMetafactory ")),
                        () -> "linked a lambda: " + result.stdout().lines().filter(l -> l.contains("$$Lambda$"))
                                .toList());
            }
            for (Result result : List.of(create, start,
                    vaina.exec(List.of(wrapper.toString(), "pod", "ps")).assertSuccess())) {
                assertEquals(List.of(), result.stdout().lines().filter(l -> l.contains("$$Lambda$")
                        && !l.endsWith("source: shared objects file")).toList(), result::describe);
            }
        } finally {
            vaina.run("rm", "-f", "-t", "0", id);
            vaina.run("pod", "rm", "-f", "-t", "0", second);
            vaina.run("pod", "rm", "-f", pod);
        }
    }

    /**
     * Commands scripts run beside the listings below read no class from the jar either (each 4-16 ms slower when it
     * did; a Go template, --format, the most), and spin no lambda (1-2 ms each; the JDK's own, as
     * {@code Comparator.comparing}'s, are never in the archive, so the code orders with spec.KeyOrder): the training
     * runs them (scripts/record-class-lists.sh). On a private store, as below.
     */
    @EachMode
    void commandsScriptsRun_loadEveryClassFromTheArchive_andSpinNoLambda(VainaCli vaina) throws IOException {
        Path dir = Path.of(vaina.exec(List.of("mktemp", "-d", "/tmp/cds.XXXXXX")).assertSuccess().stdout().strip());
        List<String> store = List.of("--root", dir.resolve("data").toString(), "--runroot", dir.resolve("run").toString());
        vaina.run(store, "import", TestImages.busyboxTarball().toString(), "localhost/busybox").assertSuccess();
        String name = "cds-exec-" + vaina.mode();
        vaina.run(store, "run", "-d", "--name", name, "localhost/busybox", "sleep", "1000").assertSuccess();
        vaina.run(store, "run", "-d", "--name", name + "-health", "--health-cmd", "true", "--health-interval", "0",
                "localhost/busybox", "sleep", "1000").assertSuccess();
        vaina.run(store, "volume", "create", "cds-volume").assertSuccess();
        vaina.run(store, "network", "create", "cds-network").assertSuccess();
        vaina.run(store, "pod", "create", "--name", "cds-pod").assertSuccess();
        Path wrapper = strict(vaina.vainaExecutable(), "cli");
        Files.writeString(wrapper, Files.readString(wrapper)
                .replace(" dev.vaina.cli.Main", " -Xlog:class+load=info:stdout dev.vaina.cli.Main"));
        List<List<String>> commands = new ArrayList<>(List.of(List.of("exec", name, "true"),
                List.of("restart", "-t", "0", name), List.of("kill", "-s", "USR1", name),
                List.of("ps", "-a", "--format", "{{.Names}} {{.Status}}"),
                List.of("inspect", "--format", "{{.State.Status}}", name),
                List.of("images", "--format", "{{.Repository}}"), List.of("pod", "ps", "--format", "{{.Name}}"),
                List.of("volume", "ls"), List.of("volume", "inspect", "cds-volume"),
                List.of("network", "ls"), List.of("network", "inspect", "cds-network"),
                List.of("pod", "inspect", "cds-pod"), List.of("top", name),
                List.of("events", "--since", "10m", "--until", "0s"), List.of("system", "df"),
                List.of("history", "localhost/busybox"), List.of("generate", "systemd", name),
                List.of("ps", "-a", "--sort", "names"), List.of("images", "--sort", "size"),
                List.of("healthcheck", "run", name + "-health"), List.of("logs", "--since", "10m", name),
                List.of("version"), List.of("wait", "--condition", "running", name)));
        if (vaina.mode() == Mode.ROOTFUL) {
            commands.add(List.of("stats", "--no-stream", name)); // rootless, it needs a cgroup v2 delegation
        }
        try {
            for (List<String> command : commands) {
                List<String> argv = new ArrayList<>(List.of(wrapper.toString()));
                argv.addAll(store);
                argv.addAll(command);
                Result result = vaina.exec(argv).assertSuccess();
                List<String> fromTheJar = result.stdout().lines()
                        .filter(l -> l.contains("[class,load]") && l.matches(".* source: (file|jar):.*")).toList();
                assertEquals(List.of(), fromTheJar, command + " loaded classes from the jar");
                // Parsed from the build's verb table (cli.VerbParser), version and wait's comma-separated conditions
                // too: picocli's model is never made.
                assertTrue(result.stdout().lines().noneMatch(l -> l.contains(" picocli.CommandLine$Interpreter ")),
                        command + " built picocli's model: " + result.describe());
                if (List.of("top", "stats", "events", "logs", "ps", "inspect").contains(command.get(0))) {
                    // Fields, numbers, durations and times read and written by hand (spec.Ascii, spec.Decimals,
                    // cli.common.GoDuration): a first regular expression loads some 35 classes.
                    assertTrue(result.stdout().lines().noneMatch(l -> l.contains(" java.util.regex.Pattern ")),
                            command + " compiled a regular expression: " + result.describe());
                }
                if (command.get(0).equals("kill")) {
                    // A signal the JDK does not send itself goes by the shell's kill builtin (linux.Signalling): JNA,
                    // 16 ms of the command, is not loaded for it.
                    assertTrue(result.stdout().lines().noneMatch(l -> l.contains(" com.sun.jna.Native ")),
                            "kill loaded JNA: " + result.describe());
                }
                if (command.get(0).equals("history")) {
                    // The layer's size as kept when it was stored (image.LayerSizes): the layer is not written as a
                    // tar again to measure it, every file read.
                    String tarWriter = " org.apache.commons.compress.archivers.tar.TarArchiveOutputStream ";
                    assertTrue(result.stdout().lines().noneMatch(l -> l.contains(tarWriter)),
                            "history measured a layer: " + result.describe());
                }
                assertEquals(List.of(), result.stdout().lines().filter(l -> l.contains("$$Lambda$")
                        && !l.endsWith("source: shared objects file")).toList(), command + " spun a lambda");
                if (command.contains("--format") && !command.get(0).equals("inspect")) {
                    // A row's fields are computed when the template reads them (gotemplate.ComputedFields): no date
                    // is formatted for a template that prints none, and the JDK's locale data are not set up.
                    assertTrue(result.stdout().lines().noneMatch(l -> l.contains(" java.time.format.DateTimeFormatter ")),
                            command + " formatted a date: " + result.describe());
                }
            }
        } finally {
            vaina.run(store, "rm", "-f", "-t", "0", name, name + "-health");
            vaina.run(store, "pod", "rm", "-f", "cds-pod");
            vaina.run(store, "network", "rm", "cds-network");
            vaina.exec(List.of("rm", "-rf", dir.toString()));
        }
    }

    @EachMode
    void aPullFromARegistry_loadsItsHttpCodeFromTheCliArchive_andAWarmOneSetsNoServiceLoaderOrSecurityProviderUp(VainaCli vaina)
            throws IOException {
        try (TestRegistry registry = TestRegistry.plain()) {
            PushedImage image = RegistryImages.pushBusybox(registry, "cds-" + vaina.mode(), "latest");
            Path wrapper = strict(vaina.vainaExecutable(), "cli");
            // Each class the JVM loads, and where from, on standard output after the image id.
            Files.writeString(wrapper, Files.readString(wrapper)
                    .replace(" dev.vaina.cli.Main", " -Xlog:class+load=info:stdout dev.vaina.cli.Main"));
            try {
                Result pull = vaina.exec(List.of(wrapper.toString(), "pull", "-q", "--tls-verify=false",
                        image.reference())).assertSuccess();
                for (String name : List.of("dev.vaina.image.registry.HttpConnection",
                        "dev.vaina.image.registry.HttpTransport", "dev.vaina.image.ImagePuller")) {
                    String line = pull.stdout().lines().filter(l -> l.contains(" " + name + " source:")).findFirst()
                            .orElseThrow(() -> new AssertionError(name + " was not loaded:\n" + pull.describe()));
                    assertTrue(line.endsWith("source: shared objects file"), line);
                }
                // java.net.http's client, set up, cost a warm pull about 50 ms more than java.net's URL connections,
                // and those about 15 ms more than vaina's own requests (a ServiceLoader that opens the jar to find a
                // URL's handler, a logger, regular expressions).
                assertEquals(List.of(), pull.stdout().lines().filter(l -> l.contains(" java.net.http.")
                        || l.contains(" sun.net.www.protocol.http.HttpURLConnection ")).toList());
                // The same image again: the manifest is asked for and hashed, and nothing else happens. No class
                // path is scanned (a ServiceLoader opens the jar), the JDK's security providers, which a MessageDigest
                // sets up first (9 ms), are not (the manifest is hashed by vaina's own SHA-256), and no regular
                // expression is compiled (spec.ReferenceSyntax checks the names). Nor is a lambda of vaina's own linked
                // (the JDK's sockets link two, archived), nor ProcessHandle set up (its reaper's thread factory).
                Result warm = vaina.exec(List.of(wrapper.toString(), "pull", "-q", "--tls-verify=false",
                        image.reference())).assertSuccess();
                assertEquals(List.of(), warm.stdout().lines().filter(l -> l.contains(" java.util.ServiceLoader ")
                        || l.contains(" sun.net.www.protocol.http.") || l.contains(" sun.security.jca.ProviderList ")
                        || l.contains(" java.util.logging.") || l.contains(" java.util.regex.Pattern ")
                        || l.contains(" java.lang.ProcessHandleImpl ")
                        || l.contains(" dev.vaina.") && l.contains("$$Lambda")).toList(),
                        warm::describe);
            } finally {
                vaina.run("rmi", "-f", image.reference());
            }
        }
    }

    /**
     * The commands scripts run most read no class from the jar and do not open it: a class missing from the archive,
     * a resource or a failed class lookup (picocli's for Groovy) opens the jar and reads its central directory,
     * 5-10 ms of every start. On a private store with one container, so that what the commands read does not
     * depend on the containers of the test classes that run beside this one.
     */
    @EachMode
    void readingCommands_loadEveryClassFromTheArchive_andNeverOpenTheJar(VainaCli vaina) throws IOException {
        Path dir = Path.of(vaina.exec(List.of("mktemp", "-d", "/tmp/cds.XXXXXX")).assertSuccess().stdout().strip());
        List<String> store = List.of("--root", dir.resolve("data").toString(), "--runroot", dir.resolve("run").toString());
        vaina.run(store, "import", TestImages.busyboxTarball().toString(), "localhost/busybox").assertSuccess();
        vaina.run(store, "create", "--name", "cds-read", "localhost/busybox", "true").assertSuccess();
        // Running: whether its monitor lives is read off /proc, not through ProcessHandle, whose set-up links a lambda.
        vaina.run(store, "run", "-d", "--name", "cds-running", "localhost/busybox", "sleep", "1000").assertSuccess();
        Path wrapper = strict(vaina.vainaExecutable(), "cli");
        Files.writeString(wrapper, Files.readString(wrapper)
                .replace(" dev.vaina.cli.Main", " -Xlog:class+load=info:stdout dev.vaina.cli.Main"));
        try {
            List<List<String>> reading = new ArrayList<>(List.of(List.of("ps", "-a"), List.of("ps"), List.of("images"),
                    List.of("pod", "ps"), List.of("inspect", "cds-read"), List.of("inspect", "cds-running"), List.of("--version"),
                    List.of("top", "cds-running"), List.of("logs", "cds-running"), List.of("port", "cds-running"),
                    List.of("history", "localhost/busybox"), List.of("image", "inspect", "localhost/busybox"),
                    List.of("events", "--since", "1m", "--until", "0s"), List.of("network", "ls"),
                    List.of("volume", "ls"), List.of("version"), List.of("wait", "--condition", "running", "cds-running"),
                    List.of("diff", "cds-read"), List.of("system", "df"),
                    // Go templates, as scripts read fields, lists and dates among them.
                    List.of("ps", "-a", "--format", "{{.ID}} {{.Names}} {{.Mounts}} {{.Labels}} {{.CreatedAt}}"),
                    List.of("images", "--format", "{{.Repository}}:{{.Tag}} {{.ID}} {{.CreatedAt}}"),
                    List.of("pod", "ps", "--format", "{{.Name}} {{.ContainerNames}}"),
                    List.of("volume", "ls", "--format", "{{.Name}} {{.MountCount}}"),
                    List.of("network", "ls", "--format", "{{.Name}} {{.Subnets}} {{.Labels}}")));
            if (vaina.mode() == Mode.ROOTFUL) {
                // (A user's needs cgroup v2, which this host may not have.)
                reading.add(List.of("stats", "--no-stream", "cds-running"));
            }
            for (List<String> command : reading) {
                List<String> argv = new ArrayList<>(List.of(wrapper.toString()));
                if (!command.get(0).equals("--version")) {
                    argv.addAll(store);
                }
                argv.addAll(command);
                Result result = vaina.exec(argv).assertSuccess();
                List<String> fromTheJar = result.stdout().lines()
                        .filter(l -> l.contains("[class,load]") && l.matches(".* source: (file|jar):.*")).toList();
                assertTrue(fromTheJar.isEmpty(), command + " loaded classes from the jar: " + fromTheJar);
                assertTrue(result.stdout().lines().noneMatch(l -> l.contains(" java.util.zip.ZipFile$Source ")),
                        command + " opened the jar: " + result.describe());
                // Parsed from the build's verb table (cli.VerbParser): picocli's model is never made.
                assertTrue(result.stdout().lines().noneMatch(l -> l.contains(" picocli.CommandLine$Interpreter ")),
                        command + " built picocli's model: " + result.describe());
                // Small files (records, states, pids, /proc's) are read whole through a FileInputStream
                // (spec.FileBytes), not a file channel, which costs twice as much per file; `events` locks its
                // journal through one.
                if (!command.get(0).equals("events")) {
                    assertTrue(result.stdout().lines().noneMatch(l -> l.contains(" sun.nio.ch.FileChannelImpl ")),
                            command + " opened a file channel: " + result.describe());
                }
                // Records are read by the readers the build wrote (store.RecordJson): a listing never sets
                // jackson-jr up (inspect and image inspect print through it).
                if (!command.get(0).equals("inspect") && !command.get(0).equals("image")) {
                    assertTrue(result.stdout().lines().noneMatch(l -> l.contains(" com.fasterxml.jackson.")),
                            command + " loaded jackson-jr: " + result.describe());
                }
                // Loops and small classes on their way, not lambdas: a JVM's first lambda (the method-handle
                // machinery it sets up) costs a command about 4 ms.
                assertTrue(result.stdout().lines().noneMatch(l -> l.contains(" java.lang.invoke.LambdaMetafactory ")),
                        command + " linked a lambda: " + result.stdout().lines().filter(l -> l.contains("$$Lambda$"))
                                .toList());
                // Nor the JDK's ways to the caller's uid (a native library loaded), to dates and durations (java.time's
                // field and unit tables, which LocalDate and Duration.between set up) or to sizes' digits (BigDecimal's
                // exact expansion), each some tenths of a millisecond, where times are written as UTC or relative, and
                // numbers by vaina's own code: not in Go templates' output, not in `events` and `version`, which write
                // times in the local time zone.
                boolean ownFormat = !command.contains("--format") && !command.get(0).equals("events")
                        && !command.get(0).equals("version");
                assertEquals(List.of(), result.stdout().lines()
                        .filter(l -> l.contains(" com.sun.security.auth.module.UnixSystem ")
                                || ownFormat && (l.contains(" java.time.temporal.ChronoField ")
                                        || l.contains(" java.math.BigDecimal ")))
                        .toList(), command.toString());
            }
            // A create renders its unit from the templates the build compiled into the classes
            // (unit.TemplateTexts): no resource is read, so the jar stays closed there too.
            List<String> create = new ArrayList<>(List.of(wrapper.toString()));
            create.addAll(store);
            create.addAll(List.of("create", "--name", "cds-create", "localhost/busybox", "true"));
            Result created = vaina.exec(create).assertSuccess();
            assertTrue(created.stdout().lines().noneMatch(l -> l.contains("[class,load]") && l.matches(".* source: (file|jar):.*")
                    || l.contains(" java.util.zip.ZipFile$Source ")), "create opened the jar: " + created.describe());
            // Commands that write records without systemd: their lock and their temporary files' names set no
            // lambda's machinery up either (StoreLock, AtomicFiles), nor does a volume's name compile a pattern.
            // (Rootless, `volume rm` deletes through a process in the user's namespace, which the JDK starts with
            // lambdas of its own.)
            List<List<String>> writing = new ArrayList<>(List.of(List.of("tag", "localhost/busybox", "localhost/cds-tag"),
                    List.of("rmi", "localhost/cds-tag"), List.of("volume", "create", "cds-volume")));
            if (vaina.mode() == Mode.ROOTFUL) {
                writing.add(List.of("volume", "rm", "cds-volume"));
                writing.add(List.of("volume", "prune", "-f"));
            }
            for (List<String> command : writing) {
                List<String> argv = new ArrayList<>(List.of(wrapper.toString()));
                argv.addAll(store);
                argv.addAll(command);
                Result result = vaina.exec(argv).assertSuccess();
                assertTrue(result.stdout().lines().noneMatch(l -> l.contains(" java.lang.invoke.LambdaMetafactory ")
                        || l.contains(" java.util.regex.Pattern ")), command + " linked a lambda or compiled a pattern: "
                        + result.stdout().lines().filter(l -> l.contains("$$Lambda$")).toList());
            }
        } finally {
            vaina.run(store, "rm", "-f", "cds-create");
            vaina.run(store, "rm", "-f", "cds-read");
            vaina.run(store, "rm", "-f", "-t", "0", "cds-running");
            vaina.exec(List.of("rm", "-rf", dir.toString()));
        }
    }

    /**
     * The commands that hash layers compile with C2 as well (its SHA-256 uses the processor's instructions) and start
     * with the JVM's default heap; the others stop at C1 and start with an 8 MiB heap, cheaper for a short life. The
     * wrapper's choice, seen in the command line it would run.
     */
    @EachMode
    void cliWrapper_compilesWithC2AndTheDefaultHeapOnlyForTheCommandsThatHashLayers(VainaCli vaina) throws IOException {
        String script = Files.readString(vaina.vainaExecutable());
        assertTrue(script.contains("\nexec '"), script);
        Path echoing = Files.createTempFile("vaina-echo", ".sh",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        echoing.toFile().deleteOnExit();
        Files.writeString(echoing, script.replace("\nexec '", "\necho '"));
        for (List<String> command : List.of(List.of("pull", "x"), List.of("--root", "/r", "image", "pull", "x"),
                List.of("load", "-i", "f"), List.of("push", "x"), List.of("save", "x"), List.of("import", "f", "x"),
                List.of("commit", "c"))) {
            String line = vaina.exec(concat(echoing.toString(), command)).assertSuccess().stdout();
            assertFalse(line.contains("-XX:TieredStopAtLevel=1"), command + ": " + line);
            assertFalse(line.contains("-Xms"), command + ": " + line);
            assertTrue(line.contains("dev.vaina.cli.Main"), line);
        }
        for (List<String> command : List.of(List.of("--version"), List.of("images"), List.of("ps", "-a"),
                List.of("run", "-d", "--name", "x", "img"), List.of("stop", "x"))) {
            String line = vaina.exec(concat(echoing.toString(), command)).assertSuccess().stdout();
            assertTrue(line.contains("-XX:TieredStopAtLevel=1"), command + ": " + line);
            assertTrue(line.contains("-Xms8m"), command + ": " + line);
        }
    }

    /**
     * Where a JDK of 25 or later is installed, root's launcher start runs on it with the AOT cache install made from
     * a container's start (JNA's logging set-up and the launcher's lambdas linked ahead of time), its other verbs and
     * a user's start on the command line's JDK with its class-data archive; elsewhere every verb does. A cache install failed to make
     * would leave the start on JDK 17 silently: this says so, and -XX:AOTMode=on fails where the cache is unusable.
     */
    @EachMode
    void launcherStart_runsOnANewerJdkWithItsAotCache_whereOneIsInstalled(VainaCli vaina) throws IOException {
        Path lib = vaina.vainaExecutable().getParent().resolveSibling("lib/vaina");
        String launcher = Files.readString(lib.resolve("vaina-launcher"));
        String cli = Files.readString(vaina.vainaExecutable());
        List<Path> newer = new ArrayList<>();
        try (var jdks = Files.list(Path.of("/usr/lib/jvm"))) {
            for (Path jdk : jdks.toList()) {
                Path release = jdk.resolve("release");
                if (Files.isRegularFile(release) && !Files.isSymbolicLink(jdk) && featureRelease(release) >= 25) {
                    newer.add(jdk.toRealPath());
                }
            }
        }
        String java = cli.substring(cli.indexOf("\nexec '"), cli.indexOf("' ", cli.indexOf("\nexec '")) + 2);
        assertTrue(launcher.contains(java) && launcher.contains("vaina-launcher.jsa"), launcher);
        if (newer.isEmpty()) {
            assertFalse(launcher.contains(AOT_CACHE), launcher);
            return;
        }
        String start = "if [ \"$verb\" = start ] && [ \"$uid\" = 0 ]; then\n    exec '";
        Path newerJava = newer.stream().map(jdk -> jdk.resolve("bin/java"))
                .filter(path -> launcher.contains(start + path + "' ")).findFirst()
                .orElseThrow(() -> new AssertionError(newer + ":\n" + launcher));
        assertTrue(launcher.contains(AOT_CACHE + lib.resolve("vaina-launcher.aot") + " "), launcher);
        Path strict = Files.createTempFile("vaina-strict-launcher", ".sh",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        strict.toFile().deleteOnExit();
        // Root's start on the newer JDK, whose cache was made from one, strictly; a user's on JDK 17, which a copy
        // whose newer JDK is not there shows.
        Files.writeString(strict, vaina.mode() == Mode.ROOTFUL
                ? launcher.replace(AOT_CACHE, "-XX:AOTMode=on " + AOT_CACHE)
                : launcher.replace("'" + newerJava + "'", "'/nonexistent/bin/java'"));
        // A start of a container that is not there, in a store of its own: the launcher says so, and nothing else
        // is on its standard error, which the unit's log keeps: no warning of native access (JNA), of the cache,
        // or of anything else the newer JDK says.
        Path store = Files.createTempDirectory("vaina-launcher-start");
        Files.setPosixFilePermissions(store, PosixFilePermissions.fromString("rwxrwxrwx")); // rootless: the user's
        try {
            Result started = vaina.exec(List.of(strict.toString(), "--root", store.resolve("root").toString(),
                    "--runroot", store.resolve("run").toString(), "start", "nosuch"));
            assertEquals(125, started.exitCode(), started::describe);
            assertEquals(1, started.stderr().lines().count(), started::describe);
            assertTrue(started.stderr().startsWith("vaina-launcher: "), started::describe);
        } finally {
            vaina.exec(List.of("rm", "-rf", store.toString()));
        }
    }

    /** JAVA_VERSION="25.0.3" in a JDK's release file: 25. */
    private static int featureRelease(Path release) throws IOException {
        for (String line : Files.readAllLines(release)) {
            if (line.startsWith("JAVA_VERSION=\"")) {
                String version = line.substring("JAVA_VERSION=\"".length());
                int end = 0;
                while (end < version.length() && Character.isDigit(version.charAt(end))) {
                    end++;
                }
                return end == 0 ? 0 : Integer.parseInt(version.substring(0, end));
            }
        }
        return 0;
    }

    private static List<String> concat(String first, List<String> rest) {
        List<String> all = new ArrayList<>(List.of(first));
        all.addAll(rest);
        return all;
    }

    /** A copy of an installed wrapper that names ROLE's archive, with -Xshare:on instead of -Xshare:auto. */
    private static Path strict(Path wrapper, String role) throws IOException {
        String script = Files.readString(wrapper);
        assertTrue(script.contains("-XX:SharedArchiveFile=") && script.contains("vaina-" + role + ".jsa"),
                wrapper + " uses no archive:\n" + script);
        assertTrue(script.contains("-Xshare:auto"), script);
        String strict = script.replace("-Xshare:auto", "-Xshare:on");
        Path copy = Files.createTempFile("vaina-strict-" + role, ".sh",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        Files.writeString(copy, strict);
        copy.toFile().deleteOnExit();
        return copy;
    }
}
