package dev.vaina.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vaina.it.support.EachMode;
import dev.vaina.it.support.Mode;
import dev.vaina.it.support.Result;
import dev.vaina.it.support.TestImages;
import dev.vaina.it.support.VainaCli;
import java.io.IOException;
import java.io.InputStream;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/** Published ports, --network modes and what a networked container leaves behind (nothing). */
class NetworkTest {
    /** busybox's httpd serving one page on port 80 (or the port given), in the foreground. */
    private static String[] httpd(String image, String address, String page) {
        return new String[] {image, "sh", "-c", "mkdir -p /www && echo " + page + " > /www/index.html && exec httpd -f -p "
                + address + " -h /www"};
    }

    @EachMode
    void publishedPort_reachesTheServerFromTheHost_onLoopbackAndAnotherAddress(VainaCli vaina) throws Exception {
        String image = Images.busybox(vaina);
        int port = freePort();
        String name = "web-" + vaina.mode();
        String id = vaina.run(concat(List.of("run", "-d", "--name", name, "-p", port + ":80"),
                httpd(image, "80", "hello-" + vaina.mode()))).assertSuccess().stdout().strip();
        try {
            assertEquals("hello-" + vaina.mode() + "\n", httpGet("127.0.0.1", port));
            assertEquals("hello-" + vaina.mode() + "\n", httpGet(otherHostAddress(), port));
            assertEquals("80/tcp -> 0.0.0.0:" + port + "\n", vaina.run("port", name).assertSuccess().stdout());
            assertEquals("0.0.0.0:" + port + "\n", vaina.run("port", name, "80").assertSuccess().stdout());
            Result ps = vaina.run("ps").assertSuccess();
            assertTrue(ps.stdout().contains("0.0.0.0:" + port + "->80/tcp"), ps::describe);
            assertEquals("0.0.0.0:" + port + "->80/tcp\n", vaina.run("ps", "--filter", "name=" + name, "--format",
                    "{{.Ports}}").assertSuccess().stdout());
            Result inspect = vaina.run("inspect", name).assertSuccess();
            assertTrue(inspect.stdout().replaceAll("\\s", "").contains("\"80/tcp\":[{\"HostIp\":\"\",\"HostPort\":\""
                    + port + "\"}]"), inspect::describe);
        } finally {
            vaina.run("rm", "-f", "-t", "0", name).assertSuccess();
        }
        assertNothingLeft(vaina, id, port);
    }

    @EachMode
    void slirp4netns_runOption_publishesAPort_andItsDnsForwarder(VainaCli vaina) throws Exception {
        helperPublishes(vaina, "slirp4netns", "nameserver 10.0.2.3\n");
    }

    @EachMode
    void pasta_runOption_publishesAPort(VainaCli vaina) throws Exception {
        helperPublishes(vaina, "pasta", "nameserver ");
    }

    private static void helperPublishes(VainaCli vaina, String helper, String resolver) throws Exception {
        String image = Images.busybox(vaina);
        int port = freePort();
        String name = helper + "-" + vaina.mode();
        String id = vaina.run(concat(List.of("run", "-d", "--name", name, "--network", helper, "-p", port + ":80"),
                httpd(image, "80", "via-" + helper))).assertSuccess().stdout().strip();
        try {
            assertEquals("via-" + helper + "\n", httpGet("127.0.0.1", port));
            Result resolv = vaina.run("run", "--rm", "--network", helper, image, "cat", "/etc/resolv.conf")
                    .assertSuccess();
            assertTrue(resolv.stdout().contains(resolver), resolv::describe);
        } finally {
            vaina.run("rm", "-f", "-t", "0", name).assertSuccess();
        }
        assertNothingLeft(vaina, id, port);
    }

    /** README's example: busybox's httpd serving /etc, on a host port chosen at create. */
    @EachMode
    void emptyHostPort_getsAFreePort_thatPortReports(VainaCli vaina) throws Exception {
        String image = Images.busybox(vaina);
        String name = "random-" + vaina.mode();
        String id = vaina.run("run", "-d", "--name", name, "-p", "80", "--expose", "90", "-P", image, "httpd", "-f",
                "-p", "80", "-h", "/etc").assertSuccess().stdout().strip();
        try {
            String published = vaina.run("port", name, "80/tcp").assertSuccess().stdout().strip();
            assertTrue(published.startsWith("0.0.0.0:"), published);
            int port = Integer.parseInt(published.substring("0.0.0.0:".length()));
            assertEquals(id.substring(0, 12) + "\n", httpGet("127.0.0.1", port, "/hostname"));
            // -P published the --expose port on another free port.
            Result all = vaina.run("port", name).assertSuccess();
            assertTrue(all.stdout().matches("(?s)80/tcp -> 0\\.0\\.0\\.0:" + port + "\n90/tcp -> 0\\.0\\.0\\.0:\\d+\n"),
                    all::describe);
            Result missing = vaina.run("port", name, "99").assertExitCode(125);
            assertTrue(missing.stderr().contains("failed to find published port \"99\""), missing::describe);
        } finally {
            vaina.run("rm", "-f", "-t", "0", name).assertSuccess();
        }
        assertNothingLeft(vaina, id, 0);
    }

    @EachMode
    void networkNone_hasOnlyLoopback(VainaCli vaina) {
        Result links = vaina.run("run", "--rm", "--network", "none", Images.busybox(vaina), "ip", "-o", "link")
                .assertSuccess();
        List<String> names = links.stdout().lines().map(line -> line.split(":")[1].strip()).toList();
        assertEquals(List.of("lo"), names, links::describe);
    }

    @EachMode
    void networkHost_seesTheHostsInterfaces(VainaCli vaina) throws Exception {
        Result links = vaina.run("run", "--rm", "--net", "host", Images.busybox(vaina), "ip", "-o", "link")
                .assertSuccess();
        String external = NetworkInterface.getByInetAddress(InetAddress.getByName(otherHostAddress())).getName();
        assertTrue(links.stdout().contains(": " + external + ":") || links.stdout().contains(": " + external + "@"),
                links::describe);
    }

    @EachMode
    void networkContainer_sharesTheOthersLoopback(VainaCli vaina) {
        String image = Images.busybox(vaina);
        String name = "netowner-" + vaina.mode();
        vaina.run(concat(List.of("run", "-d", "--name", name), httpd(image, "127.0.0.1:8080", "shared"))).assertSuccess();
        try {
            Result fetched = null;
            for (int attempt = 0; attempt < 50; attempt++) {
                fetched = vaina.run("run", "--rm", "--network", "container:" + name, image, "wget", "-q", "-O", "-",
                        "http://127.0.0.1:8080/");
                if (fetched.succeeded()) {
                    break;
                }
                sleep(100);
            }
            assertEquals("shared\n", fetched.assertSuccess().stdout());
        } finally {
            vaina.run("rm", "-f", "-t", "0", name).assertSuccess();
        }
    }

    @EachMode
    void portInUse_fails126_namingThePort_andLeavesNothing(VainaCli vaina) throws Exception {
        String image = Images.busybox(vaina);
        String name = "busy-" + vaina.mode();
        try (ServerSocket taken = new ServerSocket()) {
            taken.setReuseAddress(true);
            taken.bind(new InetSocketAddress("0.0.0.0", 0));
            int port = taken.getLocalPort();
            Result run = vaina.run("run", "--name", name, "-p", port + ":80", image, "true").assertExitCode(126);
            assertTrue(run.stderr().contains(Integer.toString(port)), run::describe);
            RunTest.assertNoContainer(vaina, name);
            assertNoHelperOrRule(vaina, name, port);
        }
    }

    @EachMode
    void badPortSpecs_fail125_beforeAnythingIsCreated(VainaCli vaina) {
        String image = Images.busybox(vaina);
        String name = "badport-" + vaina.mode();
        for (List<String> spec : List.of(
                List.of("99999:80", "port numbers must be between 1 and 65535 (inclusive), got 99999"),
                List.of("80:abc", "invalid port number: strconv.Atoi: parsing \"abc\": invalid syntax"),
                List.of("8080-8082:80-81", "host and container port ranges have different lengths: 3 vs 2"))) {
            Result run = vaina.run("run", "--name", name, "-p", spec.get(0), image, "true").assertExitCode(125);
            assertTrue(run.stderr().contains(spec.get(1)), run::describe);
            RunTest.assertNoContainer(vaina, name);
        }
    }

    @EachMode
    void monitorKilled_nextCommandLeavesNothing(VainaCli vaina) throws Exception {
        String image = Images.busybox(vaina);
        int port = freePort();
        String name = "killed-" + vaina.mode();
        String id = vaina.run(concat(List.of("run", "-d", "--name", name, "-p", port + ":80"), httpd(image, "80", "k")))
                .assertSuccess().stdout().strip();
        try {
            assertEquals("k\n", httpGet("127.0.0.1", port));
            String monitor = vaina.run("inspect", "--format", "{{.State.ConmonPid}}", name).stdout().strip();
            if (!monitor.matches("\\d+")) {
                String json = vaina.run("inspect", name).assertSuccess().stdout();
                monitor = json.replaceAll("(?s).*\"ConmonPid\"\\s*:\\s*(\\d+).*", "$1");
            }
            new ProcessBuilder("kill", "-KILL", monitor).start().waitFor();
            waitForExit(vaina, name);
            vaina.run("ps", "-a").assertSuccess();
        } finally {
            vaina.run("rm", "-f", "-t", "0", name).assertSuccess();
        }
        assertNothingLeft(vaina, id, port);
    }

    /**
     * netavark fails after the runtime has created the container (the create runs while netavark works): the start
     * fails with netavark's words, and neither the created container, its monitor nor its namespace is left.
     */
    @EachMode
    void aNetworkNetavarkRefuses_failsTheStartAfterTheCreate_andLeavesNothingRunning(VainaCli vaina) throws Exception {
        String image = Images.busybox(vaina);
        String network = "tinymtu-" + vaina.mode();
        String name = "tinymtu-" + vaina.mode();
        // Linux refuses an MTU below 68; vaina passes the option on, and netavark fails making the bridge.
        vaina.run("network", "create", "--opt", "mtu=60", network).assertSuccess();
        try {
            String id = vaina.run("create", "--name", name, "--network", network, image, "sleep", "100")
                    .assertSuccess().stdout().strip();
            Result start = vaina.run("start", name).assertExitCode(125);
            assertTrue(start.stderr().contains("netavark setup failed"), start::describe);
            assertEquals("exited 125\n", vaina.run("inspect", "--format", "{{.State.Status}} {{.State.ExitCode}}",
                    name).assertSuccess().stdout());
            String runtimeRoot = vaina.mode() == Mode.ROOTFUL ? "/run/vaina/runtime"
                    : vaina.environment().get("XDG_RUNTIME_DIR") + "/vaina/runtime";
            Result runtime = vaina.exec(List.of("runc", "--root", runtimeRoot, "list", "-q"));
            assertFalse(runtime.stdout().contains(id), "the runtime still knows the container: " + runtime.describe());
            assertNothingLeft(vaina, id, 0);
        } finally {
            vaina.run("rm", "-f", "-t", "0", name);
            vaina.run("network", "rm", network).assertSuccess();
        }
    }

    @EachMode
    void etcFiles_nameTheContainerTheHostAndTheResolvers(VainaCli vaina) {
        String image = Images.busybox(vaina);
        Result hosts = vaina.run("run", "--rm", "--name", "etc-" + vaina.mode(), "--hostname", "box",
                "--add-host", "db.example:10.1.2.3", "--dns", "10.9.9.9", "--dns-search", "example.org",
                "--dns-option", "ndots:2", image, "sh", "-c", "cat /etc/hosts /etc/resolv.conf").assertSuccess();
        String out = hosts.stdout();
        assertTrue(out.contains("10.1.2.3\tdb.example"), hosts::describe);
        assertTrue(out.contains("\tbox etc-" + vaina.mode()), hosts::describe);
        assertTrue(out.contains("\thost.containers.internal"), hosts::describe);
        assertTrue(out.contains("nameserver 10.9.9.9\n") && out.contains("search example.org\n")
                && out.contains("options ndots:2\n"), hosts::describe);
    }

    /**
     * Rootful, every store shares the host's bridges and firewall chains: a container of a private store
     * (--root, --runroot) on the default network takes an address that no container of the default store has,
     * and its network setup waits for the same lock as theirs (two netavark setups at once race on the chains
     * they both create when they find none: "Chain already exists"). The first container of a store makes its
     * directory of namespace files a mount point under a lock (two that both did would stack two mounts, and the
     * second hides the first's namespace file). The private run root is a long path, under which the monitor's
     * sockets still fit.
     */
    @Test
    void privateStore_sharesTheHostsNetworkState_andTakesTurns() throws Exception {
        VainaCli vaina = VainaCli.forMode(Mode.ROOTFUL);
        String image = Images.busybox(vaina);
        String suffix = Integer.toString(ThreadLocalRandom.current().nextInt(1_000_000));
        String shared = "host-state-" + suffix;
        String first = "own-store-" + suffix;
        String second = "own-store2-" + suffix;
        Path dir = Files.createTempDirectory("vaina-private-store.");
        List<String> store = List.of("--root", dir.resolve("data").toString(), "--runroot", dir.resolve("run").toString());
        try {
            vaina.run(store, "import", TestImages.busyboxTarball().toString(), Images.BUSYBOX).assertSuccess();
            vaina.run("run", "-d", "--name", shared, image, "sleep", "1000").assertSuccess();
            Files.createDirectories(dir.resolve("run"));
            assertWaitsForLock(fcntlLock(dir.resolve("run/netns.lock")), () -> vaina.run(store, "run", "-d", "--name",
                    first, Images.BUSYBOX, "sleep", "1000"));
            // netavark holds its lock itself (flock(1)'s descriptor, inherited), not the JVM that starts it.
            assertWaitsForLock(flock(Path.of("/run/vaina/networks/netavark/netavark.lock")), () -> vaina.run(store,
                    "run", "-d", "--name", second, Images.BUSYBOX, "sleep", "1000"));
            String template = "{{.NetworkSettings.IPAddress}}";
            List<String> addresses = List.of(
                    vaina.run("inspect", "--format", template, shared).assertSuccess().stdout().strip(),
                    vaina.run(store, "inspect", "--format", template, first).assertSuccess().stdout().strip(),
                    vaina.run(store, "inspect", "--format", template, second).assertSuccess().stdout().strip());
            assertTrue(addresses.stream().allMatch(a -> a.startsWith("10.87.")), addresses::toString);
            assertEquals(3, new java.util.HashSet<>(addresses).size(), "containers on one bridge share an address: "
                    + addresses);
        } finally {
            vaina.run(store, "rm", "-f", "-t", "0", first, second);
            vaina.run("rm", "-f", "-t", "0", shared);
            // The run root's netns directory is a mount point of its own, like /run/netns.
            vaina.exec(List.of("sh", "-c", "umount \"$1/run/netns\" 2>/dev/null; rm -rf \"$1\"", "sh", dir.toString()));
        }
    }

    /** A lock on a file, held by this test until closed. */
    private interface HeldLock extends AutoCloseable {
        @Override
        void close() throws Exception;
    }

    /** {@code command} waits while the lock {@code take} takes is held by another process, and succeeds once it is not. */
    private static void assertWaitsForLock(java.util.concurrent.Callable<HeldLock> take,
            java.util.concurrent.Callable<Result> command) throws Exception {
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<Result> run;
            try (HeldLock held = take.call()) {
                run = pool.submit(command);
                // A run -d takes about a second here; one that waits for the lock is still waiting.
                Thread.sleep(5000);
                assertFalse(run.isDone(), () -> "went ahead while the lock was held");
            }
            run.get().assertSuccess();
        } finally {
            pool.shutdownNow();
        }
    }

    /** A POSIX record lock (fcntl), the kind the JVM's FileLock takes. */
    private static java.util.concurrent.Callable<HeldLock> fcntlLock(Path file) {
        return () -> {
            FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = channel.lock();
            return () -> {
                lock.release();
                channel.close();
            };
        };
    }

    /** A flock(2) lock, held by a flock(1) whose shell waits for its input to end. */
    private static java.util.concurrent.Callable<HeldLock> flock(Path file) {
        return () -> {
            Files.createDirectories(file.getParent());
            Process holder = new ProcessBuilder("flock", file.toString(), "sh", "-c", "echo held; cat >/dev/null")
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
            String first = new java.io.BufferedReader(new java.io.InputStreamReader(holder.getInputStream(),
                    StandardCharsets.UTF_8)).readLine();
            assertEquals("held", first, "flock(1) did not take " + file);
            return () -> {
                holder.getOutputStream().close();
                assertEquals(0, holder.waitFor(), "flock(1) on " + file);
            };
        };
    }

    private static void waitForExit(VainaCli vaina, String name) {
        for (int attempt = 0; attempt < 100; attempt++) {
            Result ps = vaina.run("ps", "--filter", "name=^" + name + "$", "--format", "json").assertSuccess();
            if (!ps.stdout().contains("\"running\"")) {
                return;
            }
            sleep(100);
        }
    }

    /** No helper process, netns, firewall rule or taken port of the container is left. */
    static void assertNothingLeft(VainaCli vaina, String id, int port) throws Exception {
        assertNoHelperOrRule(vaina, id, port);
        assertFalse(Files.exists(Path.of("/run/vaina/netns", id)), "the network namespace file is still there");
        if (port > 0) {
            try (ServerSocket again = new ServerSocket()) {
                again.setReuseAddress(true);
                again.bind(new InetSocketAddress("0.0.0.0", port));
            }
        }
    }

    private static void assertNoHelperOrRule(VainaCli vaina, String idOrName, int port) throws Exception {
        Process pgrep = new ProcessBuilder("pgrep", "-a", "-f", "(pasta|slirp4netns|vaina).*" + idOrName)
                .redirectErrorStream(true).start();
        String processes = new String(pgrep.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        pgrep.waitFor();
        assertEquals("", processes.lines().filter(l -> !l.contains("pgrep")).reduce("", (a, b) -> a + b + "\n"),
                "processes of the container are left");
        if (vaina.mode() == Mode.ROOTFUL && port > 0) {
            Process save = new ProcessBuilder("iptables-save").redirectErrorStream(true).start();
            String rules = new String(save.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            save.waitFor();
            assertFalse(rules.contains("--dport " + port + " "), "a firewall rule for port " + port + " is left");
        }
    }

    static String httpGet(String host, int port) throws IOException {
        return httpGet(host, port, "/");
    }

    static String httpGet(String host, int port, String path) throws IOException {
        IOException last = null;
        for (int attempt = 0; attempt < 50; attempt++) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(host, port), 2000);
                socket.setSoTimeout(5000);
                socket.getOutputStream().write(("GET " + path + " HTTP/1.0\r\nHost: " + host + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                InputStream in = socket.getInputStream();
                String response = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                int body = response.indexOf("\r\n\r\n");
                if (response.startsWith("HTTP/1.") && body > 0) {
                    return response.substring(body + 4);
                }
                last = new IOException("not an HTTP response: " + response);
            } catch (IOException e) {
                last = e;
            }
            sleep(100);
        }
        throw last;
    }

    /** The host's first non-loopback IPv4 address. */
    static String otherHostAddress() throws IOException {
        for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (!nic.isUp() || nic.isLoopback() || nic.getName().startsWith("vaina") || nic.getName().startsWith("podman")
                    || nic.getName().startsWith("veth")) {
                continue;
            }
            for (InetAddress address : Collections.list(nic.getInetAddresses())) {
                if (address instanceof Inet4Address) {
                    return address.getHostAddress();
                }
            }
        }
        throw new IOException("the host has no non-loopback IPv4 address to test with");
    }

    /**
     * A host port for a test to publish: free now, and below the kernel's ephemeral range, from which the outgoing
     * connections of tests running beside take their local ports (a listener cannot bind a port one of them holds).
     */
    static int freePort() {
        int ephemeralLow = 32768;
        try {
            ephemeralLow = Integer.parseInt(Files.readString(Path.of("/proc/sys/net/ipv4/ip_local_port_range"))
                    .strip().split("\\s+")[0]);
        } catch (IOException | RuntimeException e) {
            // Linux's default, then.
        }
        int low = 10000;
        int high = Math.max(low + 1000, ephemeralLow);
        for (int attempt = 0; attempt < 100; attempt++) {
            int port = low + ThreadLocalRandom.current().nextInt(high - low);
            try (ServerSocket probe = new ServerSocket()) {
                probe.bind(new InetSocketAddress("0.0.0.0", port));
                return port;
            } catch (IOException taken) {
                // Another one.
            }
        }
        throw new IllegalStateException("no free port between " + low + " and " + high);
    }

    private static String[] concat(List<String> first, String[] rest) {
        String[] all = new String[first.size() + rest.length];
        for (int i = 0; i < first.size(); i++) {
            all[i] = first.get(i);
        }
        System.arraycopy(rest, 0, all, first.size(), rest.length);
        return all;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
