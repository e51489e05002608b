package dev.vaina.monitor;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** An OCI bundle whose rootfs is busybox-static with its applet links, configured from `runc spec`. */
final class TestBundle {
    static final String[] APPLETS = {"sh", "echo", "cat", "sleep", "printf", "stty", "true", "ls"};

    final Path dir;

    private TestBundle(Path dir) {
        this.dir = dir;
    }

    /** Writes a busybox root filesystem into {@code rootfs}. */
    static void busyboxRootfs(Path rootfs) throws IOException {
        Path bin = Files.createDirectories(rootfs.resolve("bin"));
        Files.copy(Path.of("/bin/busybox"), bin.resolve("busybox"));
        for (String applet : APPLETS) {
            Files.createSymbolicLink(bin.resolve(applet), Path.of("busybox"));
        }
    }

    /**
     * A bundle in {@code dir} running {@code args}; its rootfs is filled with busybox unless
     * {@code emptyRootfs} (an overlay is mounted there instead).
     */
    static TestBundle create(Path dir, boolean terminal, boolean emptyRootfs, String... args)
            throws IOException, InterruptedException {
        Files.createDirectories(dir.resolve("rootfs"));
        if (!emptyRootfs) {
            busyboxRootfs(dir.resolve("rootfs"));
        }
        Process spec = new ProcessBuilder("runc", "spec").directory(dir.toFile()).inheritIO().start();
        if (spec.waitFor() != 0) {
            throw new IOException("runc spec failed in " + dir);
        }
        Path configFile = dir.resolve("config.json");
        Map<String, Object> config = JSON.std.mapFrom(Files.readString(configFile));
        @SuppressWarnings("unchecked")
        Map<String, Object> process = (Map<String, Object>) config.get("process");
        process.put("terminal", terminal);
        process.put("args", List.of(args));
        @SuppressWarnings("unchecked")
        Map<String, Object> root = (Map<String, Object>) config.get("root");
        root.put("readonly", false);
        @SuppressWarnings("unchecked")
        Map<String, Object> linux = (Map<String, Object>) config.get("linux");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> namespaces = (List<Map<String, Object>>) linux.get("namespaces");
        List<Map<String, Object>> kept = new ArrayList<>();
        for (Map<String, Object> namespace : namespaces) {
            if (!"network".equals(namespace.get("type"))) {
                kept.add(namespace);
            }
        }
        linux.put("namespaces", kept);
        Files.writeString(configFile, JSON.std.asString(config));
        return new TestBundle(dir);
    }
}
