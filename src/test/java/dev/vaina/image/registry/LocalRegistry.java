package dev.vaina.image.registry;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Debian's real distribution registry ({@code /usr/bin/docker-registry}) on 127.0.0.1 and a free port, with
 * its storage and access log in a test directory. Images get in through {@link #copyFromOciLayout} (skopeo),
 * independently of vaina.
 */
public final class LocalRegistry implements AutoCloseable {
    public static final Path BINARY = Path.of("/usr/bin/docker-registry");
    public static final Path SKOPEO = Path.of("/usr/bin/skopeo");

    private final Path dir;
    private final int port;
    private final Process process;
    private final boolean tls;

    private LocalRegistry(Path dir, int port, Process process, boolean tls) {
        this.dir = dir;
        this.port = port;
        this.process = process;
        this.tls = tls;
    }

    /** A plain-http registry without authentication. */
    public static LocalRegistry start(Path dir) throws IOException {
        return start(dir, "", false);
    }

    /**
     * Starts a registry whose config.yml is the basic one plus {@code extraConfig} (YAML at the top level, e.g.
     * an {@code auth:} section); {@code tls} tells whether {@code extraTls} lines were added under http:.
     */
    public static LocalRegistry start(Path dir, String extraConfig, boolean tls) throws IOException {
        return start(dir, extraConfig, "", tls);
    }

    public static LocalRegistry start(Path dir, String extraConfig, String httpExtra, boolean tls) throws IOException {
        return startOnPort(dir, freePort(), extraConfig, httpExtra, tls);
    }

    /** Like {@link #start(Path, String, String, boolean)} on a given port (tests of clients that came too early). */
    public static LocalRegistry startOnPort(Path dir, int port, String extraConfig, String httpExtra, boolean tls)
            throws IOException {
        require(BINARY, "docker-registry");
        Files.createDirectories(dir);
        String config = "version: 0.1\n"
                + "log:\n  level: info\n  accesslog:\n    disabled: false\n"
                + "storage:\n  filesystem:\n    rootdirectory: " + dir.resolve("storage") + "\n"
                + "  delete:\n    enabled: true\n"
                + "http:\n  addr: 127.0.0.1:" + port + "\n" + httpExtra
                + extraConfig;
        Path configFile = dir.resolve("config.yml");
        Files.writeString(configFile, config, StandardCharsets.UTF_8);
        Process process = new ProcessBuilder(BINARY.toString(), "serve", configFile.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("registry.log").toFile()).start();
        LocalRegistry registry = new LocalRegistry(dir, port, process, tls);
        registry.awaitListening();
        return registry;
    }

    private void awaitListening() throws IOException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("docker-registry exited with " + process.exitValue() + ": " + log());
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                sleep(50);
            }
        }
        close();
        throw new IOException("docker-registry did not listen on 127.0.0.1:" + port + " within 20 s: " + log());
    }

    public String host() {
        return "127.0.0.1:" + port;
    }

    public Path storage() {
        return dir.resolve("storage");
    }

    /** Where the registry keeps a blob's bytes (overwrite it to corrupt the blob). */
    public Path blobData(String digest) {
        String hex = digest.substring("sha256:".length());
        return storage().resolve("docker/registry/v2/blobs/sha256").resolve(hex.substring(0, 2)).resolve(hex).resolve("data");
    }

    public String log() throws IOException {
        Path log = dir.resolve("registry.log");
        return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
    }

    /** Access-log lines (combined log format) of requests whose path contains {@code fragment}. */
    public List<String> accessLines(String method, String fragment) throws IOException {
        List<String> lines = new ArrayList<>();
        for (String line : log().split("\n")) {
            if (line.contains("\"" + method + " ") && line.contains(fragment) && line.contains(" HTTP/1.1\" ")) {
                lines.add(line);
            }
        }
        return lines;
    }

    /**
     * {@code skopeo copy} of {@code oci:<layout>:<tag>} to {@code <name>:<tag>} here; {@code all} copies every
     * image of an index.
     */
    public void copyFromOciLayout(Path layout, String tag, String name, boolean all, String... extraArgs)
            throws IOException {
        require(SKOPEO, "skopeo");
        List<String> command = new ArrayList<>(List.of(SKOPEO.toString(), "--insecure-policy", "copy", "--quiet",
                "--dest-tls-verify=false"));
        if (all) {
            command.add("--all");
        }
        command.addAll(List.of(extraArgs));
        command.add("oci:" + layout + ":" + tag);
        command.add("docker://" + host() + "/" + name + ":" + tag);
        Process skopeo = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(skopeo.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int code;
        try {
            code = skopeo.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted waiting for skopeo", e);
        }
        if (code != 0) {
            throw new IOException(String.join(" ", command) + " failed with " + code + ": " + output);
        }
    }

    public boolean tls() {
        return tls;
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static void require(Path binary, String what) {
        if (!Files.isExecutable(binary)) {
            throw new IllegalStateException(binary + " is missing: install Debian's " + what
                    + " package (scripts/debian-packages.txt) to run the registry tests");
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
