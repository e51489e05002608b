package dev.vaina.unit.definition;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * vaina-generator: systemd runs it at boot and at every daemon-reload (systemd.generator(7)) with the output
 * directories as arguments; it turns the definition files into units there. Pure: it reads files and writes
 * units, and talks to nothing. A bad file yields no unit and an error on stderr (which systemd puts in its
 * log); every other file is still generated.
 *
 * <pre>vaina-generator [--user] [--dryrun] [NORMAL-DIR [EARLY-DIR LATE-DIR]]</pre>
 * --dryrun prints the units instead of writing them and exits 1 if a file has an error. The search paths are
 * the user's (or, for root, the system's: root's containers are rootful whichever manager runs them).
 */
public final class Generator {
    private Generator() {
    }

    public static void main(String[] args) throws IOException {
        boolean dryRun = false;
        boolean userScope = "user".equals(System.getenv("SYSTEMD_SCOPE"));
        List<String> dirs = new ArrayList<>();
        for (String arg : args) {
            switch (arg) {
                case "--dryrun", "-dryrun" -> dryRun = true;
                case "--user", "-user" -> userScope = true;
                case "-v", "--verbose", "--no-kmsg-log" -> {
                }
                default -> {
                    if (arg.startsWith("-")) {
                        System.err.println("vaina-generator: unknown option " + arg
                                + " (usage: vaina-generator [--user] [--dryrun] [NORMAL-DIR [EARLY-DIR LATE-DIR]])");
                        System.exit(2);
                    }
                    dirs.add(arg);
                }
            }
        }
        if (!dryRun && dirs.isEmpty()) {
            System.err.println("vaina-generator: no output directory given (usage: vaina-generator [--user] [--dryrun]"
                    + " [NORMAL-DIR [EARLY-DIR LATE-DIR]])");
            System.exit(2);
        }
        long uid = new com.sun.security.auth.module.UnixSystem().getUid();
        if (uid == 0 && userScope && !dryRun && pid1IsSystemd()) {
            return; // root's containers belong to the system manager there, which runs this generator too
        }
        Map<String, String> env = System.getenv();
        DefinitionSet all = DefinitionSet.load(DefinitionSources.scan(SearchPaths.of(env, uid == 0, uid)));
        int failures = generate(all, tools(userScope || uid != 0, uid != 0), dryRun ? null : Path.of(dirs.get(0)), System.out, System.err);
        if (dryRun && failures > 0) {
            System.exit(1);
        }
    }

    /**
     * Converts every file; writes each unit (and its links) into {@code output}, or prints it when output is
     * null. Returns how many files failed, each reported on {@code errors}.
     */
    public static int generate(DefinitionSet all, Tools tools, Path output, PrintStream out, PrintStream errors)
            throws IOException {
        int failures = 0;
        for (String fileName : all.fileNames()) {
            GeneratedUnit unit;
            try {
                unit = Converters.convert(fileName, all, tools);
            } catch (DefinitionException e) {
                errors.println("vaina-generator: " + e.getMessage() + " (no unit for " + fileName + ")");
                failures++;
                continue;
            }
            if (output == null) {
                out.println("---" + unit.serviceName() + "---");
                out.print(unit.text());
                for (GeneratedUnit.Link link : unit.links()) {
                    out.println("# link " + link.path() + " -> " + link.target());
                }
                out.println();
            } else {
                write(output, unit);
            }
        }
        return failures;
    }

    private static void write(Path output, GeneratedUnit unit) throws IOException {
        Files.createDirectories(output);
        Files.writeString(output.resolve(unit.serviceName()), unit.text(), StandardCharsets.UTF_8);
        for (GeneratedUnit.Link link : unit.links()) {
            Path path = output.resolve(link.path());
            Files.createDirectories(path.getParent());
            Files.deleteIfExists(path);
            Files.createSymbolicLink(path, Path.of(link.target()));
        }
    }

    /**
     * The installation this jar belongs to, for the manager that runs the caller's containers: a user's own, or
     * for root the system manager where PID 1 is systemd.
     */
    public static Tools tools() {
        boolean rootless = new com.sun.security.auth.module.UnixSystem().getUid() != 0;
        return tools(rootless || !pid1IsSystemd(), rootless);
    }

    /** The installation: -Dvaina.prefix (set by the wrapper), or PREFIX/lib/vaina/vaina.jar. */
    static Tools tools(boolean userManager, boolean rootless) {
        String prefix = System.getProperty("vaina.prefix");
        if (prefix != null && !prefix.isEmpty()) {
            return Tools.under(Path.of(prefix), userManager, rootless);
        }
        try {
            Path jar = Path.of(Generator.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return Tools.under(jar.toAbsolutePath().getParent().getParent().getParent(), userManager, rootless);
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("cannot locate vaina's installation: set -Dvaina.prefix", e);
        }
    }

    private static boolean pid1IsSystemd() {
        try {
            return Files.readString(Path.of("/proc/1/comm")).strip().equals("systemd");
        } catch (IOException e) {
            return false;
        }
    }
}
