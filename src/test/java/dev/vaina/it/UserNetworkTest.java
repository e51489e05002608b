package dev.vaina.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vaina.it.support.EachMode;
import dev.vaina.it.support.Mode;
import dev.vaina.it.support.ModePodman;
import dev.vaina.it.support.Result;
import dev.vaina.it.support.VainaCli;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Named networks: the network verbs against Podman's output and exit codes, and, rootful, containers on
 * them: names resolved through aardvark-dns, isolation between networks, published ports, static addresses,
 * and nothing left once the last container goes.
 */
class UserNetworkTest {

    /** The network verbs, run on the same input by vaina and Podman: the same exit codes, messages and layout. */
    @EachMode
    void networkVerbs_behaveAsPodmans(VainaCli vaina) {
        String suffix = vaina.mode() + "-" + ThreadLocalRandom.current().nextInt(1_000_000);
        String net = "nv-" + suffix;
        String other = "nw-" + suffix;
        // One third octet per run: the explicit subnet must be free for both engines.
        String subnet = "10.199." + ThreadLocalRandom.current().nextInt(256) + ".0/24";
        Images.busybox(vaina);
        List<List<String>> steps = new ArrayList<>(List.of(
                List.of("network", "create", net),
                List.of("network", "create", net),
                List.of("network", "create", "bad name"),
                List.of("network", "create", "--subnet", "10.99.0.0", other),
                List.of("network", "create", "--subnet", "300.1.0.0/24", other),
                List.of("network", "create", "--gateway", "10.1.1.1", other),
                List.of("network", "create", "--subnet", "10.98.0.0/24", "--gateway", "10.97.0.1", other),
                List.of("network", "create", "-d", "macvlan2", other),
                List.of("network", "create", "--subnet", subnet, "--label", "team=a", "--internal", other),
                List.of("network", "ls", "-q", "--filter", "name=^n[vw]-" + suffix + "$"),
                List.of("network", "ls", "--filter", "label=team=a", "--format", "{{.Name}} {{.Driver}} {{.Labels}}"),
                List.of("network", "ls", "--filter", "foo=bar"),
                List.of("network", "exists", net),
                List.of("network", "exists", "missing-" + suffix),
                List.of("network", "inspect", "missing-" + suffix),
                List.of("network", "inspect", "--format", "{{.Name}} {{.Internal}} {{.DNSEnabled}}", other),
                List.of("network", "rm", "missing-" + suffix),
                List.of("network", "rm", "-f", net),
                List.of("ps", "-a", "--filter", "name=user-" + suffix, "--format", "{{.Names}}")));
        steps.addAll(steps.indexOf(List.of("network", "rm", "missing-" + suffix)), List.of(
            List.of("create", "--name", "user-" + suffix, "--network", net, ModePodman.BUSYBOX, "true"),
            List.of("network", "rm", net),
            List.of("network", "connect", other, "user-" + suffix),
            List.of("network", "connect", other, "user-" + suffix),
            List.of("network", "connect", "missing-" + suffix, "user-" + suffix),
            List.of("network", "disconnect", other, "user-" + suffix),
            List.of("network", "disconnect", other, "user-" + suffix)));
        List<Result> ours = runAll(steps, vaina::run);
        List<Result> theirs;
        try (ModePodman podman = ModePodman.start(vaina)) {
            theirs = runAll(steps, podman::run);
            Result inspect = podman.run("network", "inspect", other);
            Result ourInspect = vaina.run("network", "inspect", other).assertSuccess();
            assertEquals(keys(inspect.stdout()), keys(ourInspect.stdout()), ourInspect::describe);
            assertTrue(ourInspect.stdout().contains("\"subnet\": \"" + subnet + "\""), ourInspect::describe);
            String[] prune = {"network", "prune", "-f", "--filter", "label=team=a"};
            assertEquals(podman.run(prune).assertSuccess().stdout(), vaina.run(prune).assertSuccess().stdout());
            assertEquals(1, vaina.run("network", "exists", other).exitCode());
            // --ignore (newer Podman's, which .network definition files use): an existing network is no error.
            String ignored = "ni-" + suffix;
            assertEquals(ignored + "\n", vaina.run("network", "create", "--ignore", ignored).assertSuccess().stdout());
            assertEquals(ignored + "\n", vaina.run("network", "create", "--ignore", ignored).assertSuccess().stdout());
            vaina.run("network", "rm", ignored).assertSuccess();
        } finally {
            vaina.run("rm", "-f", "-t", "0", "user-" + suffix);
            vaina.run("network", "rm", "-f", net, other);
        }
        List<String> differences = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            String expected = theirs.get(i).exitCode() + " " + withoutIds(theirs.get(i).stdout()) + " " + message(theirs.get(i));
            String actual = ours.get(i).exitCode() + " " + withoutIds(ours.get(i).stdout()) + " " + message(ours.get(i));
            if (!expected.equals(actual)) {
                differences.add(String.join(" ", steps.get(i)) + "\npodman: " + expected + "\nvaina:  " + actual);
            }
        }
        assertEquals("", String.join("\n", differences));
    }

    /** The default network is listed under vaina's name and cannot be removed. */
    @EachMode
    void defaultNetwork_isListed_andCannotBeRemoved(VainaCli vaina) {
        Result ls = vaina.run("network", "ls").assertSuccess();
        assertTrue(ls.stdout().matches("(?s)NETWORK ID {4}NAME {8}DRIVER\n.*[0-9a-f]{12}  vaina {7}bridge\n.*"),
                ls::describe);
        Result rm = vaina.run("network", "rm", "vaina").assertExitCode(125);
        assertEquals("Error: default network vaina cannot be removed\n", rm.stderr());
        Result inspect = vaina.run("network", "inspect", "vaina").assertSuccess();
        assertTrue(inspect.stdout().contains("\"network_interface\": \"vaina0\""), inspect::describe);
        assertTrue(inspect.stdout().contains("\"subnet\": \"10.87.0.0/16\""), inspect::describe);
    }

    /**
     * Two containers on one network reach each other by name and alias through aardvark-dns (which runs in a
     * unit of its own), a container on another network cannot reach them, an internal network has no route
     * out, a container on a network reaches a server on the host, and once the last container goes the bridges,
     * aardvark-dns, the namespaces (and, rootless, their holder) are gone.
     */
    @EachMode
    void containersOnOneNetwork_resolveEachOther_otherNetworksAreIsolated_nothingLeft(VainaCli vaina) throws Exception {
        String image = Images.busybox(vaina);
        String suffix = Integer.toString(ThreadLocalRandom.current().nextInt(1_000_000));
        String front = "front-" + suffix;
        String back = "back-" + suffix;
        String server = "srv-" + suffix;
        List<String> ids = new ArrayList<>();
        long holder = 0;
        vaina.run("network", "create", front).assertSuccess();
        vaina.run("network", "create", "--internal", back).assertSuccess();
        String frontBridge = field(vaina, front, "{{.NetworkInterface}}");
        String backBridge = field(vaina, back, "{{.NetworkInterface}}");
        try (HostServer host = HostServer.start("from the host " + suffix)) {
            ids.add(vaina.run("run", "-d", "--name", server, "--network", front, "--network-alias", "db", image, "sh",
                    "-c", "mkdir /www && echo hello > /www/index.html && exec httpd -f -p 80 -h /www")
                    .assertSuccess().stdout().strip());
            holder = holderPid(vaina);
            // busybox's nslookup asks the container's resolver (aardvark-dns) itself; the address it gets is then fetched.
            Result byName = vaina.run("run", "--rm", "--network", front, image, "sh", "-c",
                    "cat /etc/resolv.conf; for n in " + server + " db; do a=$(" + lookup("$n") + "); [ -n \"$a\" ] ||"
                            + " { nslookup $n; exit 2; }; timeout 5 wget -q -O - http://$a/ || exit 1; done").assertSuccess();
            String gateway = field(vaina, front, "{{range .Subnets}}{{.Gateway}}{{end}}");
            assertTrue(byName.stdout().contains("nameserver " + gateway + "\n"), byName::describe);
            assertTrue(byName.stdout().contains("hello\nhello\n"), byName::describe);
            assertTrue(systemctl(vaina, "is-active", "vaina-aardvark-dns.service").equals("active"),
                    "aardvark-dns runs in its own unit");
            // The outside: a server on the host, through the network's route out.
            Result outside = vaina.run("run", "--rm", "--network", front, image, "timeout", "5", "wget", "-q", "-O", "-",
                    "http://host.containers.internal:" + host.port() + "/");
            assertEquals("from the host " + suffix, outside.assertSuccess().stdout().strip(), outside::describe);
            String serverIp = vaina.run("exec", server, "sh", "-c", "ip -o -4 addr show eth0 | awk '{print $4}'")
                    .assertSuccess().stdout().strip().replaceAll("/.*", "");
            assertTrue(serverIp.matches("10\\.\\d+\\.\\d+\\.\\d+"), serverIp);
            // Another network: no name, and no route through the host to the server's address.
            Result isolated = vaina.run("run", "--rm", "--network", back, image, "sh", "-c",
                    "ip route; timeout 5 wget -q -O - http://" + serverIp + "/");
            assertFalse(isolated.succeeded(), isolated::describe);
            assertFalse(isolated.stdout().contains("default"), "an internal network has no default route: "
                    + isolated.describe());
            // Connected at run time to the second network, the server answers there too.
            vaina.run("network", "connect", "--alias", "web", back, server).assertSuccess();
            vaina.run("run", "--rm", "--network", back, image, "sh", "-c", "a=$(" + lookup("web") + "); [ -n \"$a\" ] &&"
                    + " timeout 5 wget -q -O - http://$a/").assertSuccess();
            // The running container's own files name its new address and the new network's DNS server.
            String backIp = vaina.run("exec", server, "sh", "-c", "ip -o -4 addr show eth1 | awk '{print $4}'")
                    .assertSuccess().stdout().strip().replaceAll("/.*", "");
            String backGateway = field(vaina, back, "{{range .Subnets}}{{.Gateway}}{{end}}");
            Result connected = vaina.run("exec", server, "cat", "/etc/hosts", "/etc/resolv.conf").assertSuccess();
            assertTrue(connected.stdout().contains("\n" + backIp + "\t"), connected::describe);
            assertTrue(connected.stdout().contains("nameserver " + backGateway + "\n"), connected::describe);
            assertTrue(connected.stdout().contains("nameserver " + gateway + "\n"), connected::describe);
            vaina.run("network", "disconnect", back, server).assertSuccess();
            Result gone = vaina.run("run", "--rm", "--network", back, image, "nslookup", "web");
            assertFalse(gone.succeeded(), gone::describe);
            Result disconnected = vaina.run("exec", server, "cat", "/etc/hosts", "/etc/resolv.conf").assertSuccess();
            assertFalse(disconnected.stdout().contains("\n" + backIp + "\t"), disconnected::describe);
            assertFalse(disconnected.stdout().contains("nameserver " + backGateway + "\n"), disconnected::describe);
            assertTrue(disconnected.stdout().contains("nameserver " + gateway + "\n"), disconnected::describe);
        } finally {
            vaina.run("rm", "-f", "-t", "0", server).assertSuccess();
        }
        assertNothingLeft(vaina, ids.get(0), holder, frontBridge, backBridge);
        vaina.run("network", "rm", front, back).assertSuccess();
    }

    /**
     * What a container on a named network leaves once it is gone: no bridge, no namespace file, no aardvark-dns;
     * rootless, the holder of the networks' namespaces stops with the last container (and its namespaces, which
     * held the bridges and firewall rules, go with it).
     */
    private static void assertNothingLeft(VainaCli vaina, String id, long holder, String... bridges) throws Exception {
        Path runRoot = runRoot(vaina);
        if (vaina.mode() == Mode.ROOTLESS) {
            for (int attempt = 0; attempt < 100 && !systemctl(vaina, "is-active", "vaina-netns.service")
                    .matches("inactive|failed|unknown"); attempt++) {
                Thread.sleep(100);
            }
            assertTrue(systemctl(vaina, "is-active", "vaina-netns.service").matches("inactive|failed|unknown"),
                    "the holder stops with the last container");
            assertFalse(Files.exists(runRoot.resolve("networks/holder.pid")), "the holder's PID file is left");
            assertFalse(ProcessHandle.of(holder).map(ProcessHandle::isAlive).orElse(false), "the holder is left");
            assertEquals("", pgrep("pasta .*--pid " + runRoot.resolve("networks/pasta.pid"), vaina.user()), "the holder's pasta is left");
        }
        for (String bridge : bridges) {
            assertFalse(linkExists(bridge), "bridge " + bridge + " is left");
        }
        assertFalse(Files.exists(runRoot.resolve("netns").resolve(id)), "the network namespace file is left");
        assertEquals("", pgrep("aardvark-dns --config " + runRoot, null), "aardvark-dns is left");
    }

    /**
     * inspect's NetworkSettings of a running container on a named network, against Podman's for the same
     * commands: the same layout, the same values where they do not depend on the engine (the prefix length, the
     * aliases but the id, the empty top-level address of a container on a named network), an address in the
     * network's subnet that the container has, and the same through --format.
     */
    @EachMode
    void inspect_showsTheContainersNetworks_asPodmans(VainaCli vaina) throws Exception {
        Images.busybox(vaina);
        String suffix = Integer.toString(ThreadLocalRandom.current().nextInt(1_000_000));
        String net = "ni" + suffix; // no dash: a template names it as a field
        String name = "insp-" + suffix;
        List<List<String>> steps = List.of(List.of("network", "create", net),
                List.of("run", "-d", "--name", name, "--network", net, "--network-alias", "dbx", ModePodman.BUSYBOX,
                        "sleep", "1000"));
        String format = "{{.NetworkSettings.Networks." + net + ".IPPrefixLen}} [{{.NetworkSettings.IPAddress}}]"
                + " {{len .NetworkSettings.Networks}} {{index .NetworkSettings.Networks." + net + ".Aliases 0}}";
        try (ModePodman podman = ModePodman.start(vaina)) {
            try {
                for (List<String> step : steps) {
                    vaina.run(step.toArray(String[]::new)).assertSuccess();
                    podman.run(step.toArray(String[]::new)).assertSuccess();
                }
                Map<String, Object> ours = networkSettings(vaina.run("inspect", name).assertSuccess());
                Map<String, Object> theirs = networkSettings(podman.run("inspect", name).assertSuccess());
                assertEquals(layout(theirs), layout(ours));
                Map<String, Object> network = entry(ours, net);
                Map<String, Object> reference = entry(theirs, net);
                for (String key : List.of("EndpointID", "IPPrefixLen", "IPv6Gateway", "NetworkID", "DriverOpts", "Links")) {
                    assertEquals(reference.get(key), network.get(key), key);
                }
                assertEquals(List.of("dbx", "ID"), withoutIds((List<?>) network.get("Aliases")));
                assertEquals(withoutIds((List<?>) reference.get("Aliases")), withoutIds((List<?>) network.get("Aliases")));
                for (String key : List.of("IPAddress", "Gateway", "MacAddress", "EndpointID")) {
                    assertEquals(theirs.get(key), ours.get(key), "top-level " + key);
                }
                String subnet = field(vaina, net, "{{range .Subnets}}{{.Subnet}}{{end}}");
                String address = (String) network.get("IPAddress");
                assertTrue(address.startsWith(subnet.substring(0, subnet.lastIndexOf('.') + 1)), address);
                assertEquals(field(vaina, net, "{{range .Subnets}}{{.Gateway}}{{end}}"), network.get("Gateway"));
                Result nic = vaina.run("exec", name, "ip", "-o", "link", "show", "eth0").assertSuccess();
                assertTrue(nic.stdout().contains("link/ether " + network.get("MacAddress") + " "), nic::describe);
                Result addr = vaina.run("exec", name, "ip", "-o", "-4", "addr", "show", "eth0").assertSuccess();
                assertTrue(addr.stdout().contains(" " + address + "/24 "), addr::describe);
                assertEquals(podman.run("inspect", "--format", format, name).assertSuccess().stdout(),
                        vaina.run("inspect", "--format", format, name).assertSuccess().stdout());
                assertEquals(address + "\n", vaina.run("inspect", "--format", "{{.NetworkSettings.Networks." + net
                        + ".IPAddress}}", name).assertSuccess().stdout());
            } finally {
                podman.run("rm", "-f", "-t", "0", name);
                podman.run("network", "rm", net);
            }
        } finally {
            vaina.run("rm", "-f", "-t", "0", name);
            vaina.run("network", "rm", net);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> networkSettings(Result inspect) throws IOException {
        List<Object> all = com.fasterxml.jackson.jr.ob.JSON.std.listFrom(inspect.stdout());
        return (Map<String, Object>) ((Map<String, Object>) all.get(0)).get("NetworkSettings");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> entry(Map<String, Object> settings, String network) {
        return (Map<String, Object>) ((Map<String, Object>) settings.get("Networks")).get(network);
    }

    /** The keys, in order, of the settings and of each network's entry. */
    @SuppressWarnings("unchecked")
    private static List<String> layout(Map<String, Object> settings) {
        List<String> keys = new ArrayList<>(settings.keySet());
        ((Map<String, Object>) settings.get("Networks")).forEach((name, entry) ->
                keys.add(name + ": " + ((Map<String, Object>) entry).keySet()));
        return keys;
    }

    private static List<String> withoutIds(List<?> aliases) {
        return aliases.stream().map(alias -> String.valueOf(alias).matches("[0-9a-f]{12}") ? "ID" : String.valueOf(alias))
                .toList();
    }

    /**
     * A SIGKILL of a container's monitor, and rootless of the holder of the networks' namespaces, is repaired at
     * once or by the next command: nothing is left (no namespace file, no holder, no aardvark-dns, no bridge),
     * and the next container on the network starts. Rootless, a UDP port on a named network is refused before
     * anything is made.
     */
    @EachMode
    void killedMonitorOrHolder_leavesNothing_andTheNetworkWorksAgain(VainaCli vaina) throws Exception {
        String image = Images.busybox(vaina);
        String suffix = Integer.toString(ThreadLocalRandom.current().nextInt(1_000_000));
        String net = "kill-" + suffix;
        String name = "killed-" + suffix;
        vaina.run("network", "create", net).assertSuccess();
        String bridge = field(vaina, net, "{{.NetworkInterface}}");
        try {
            if (vaina.mode() == Mode.ROOTLESS) {
                Result ports = vaina.run("run", "--rm", "--name", name, "--network", net, "-p", NetworkTest.freePort()
                        + ":53/udp", image, "true").assertExitCode(125);
                assertTrue(ports.stderr().contains("published UDP ports are not available to rootless containers on"
                        + " named networks"), ports::describe);
                assertEquals("", vaina.run("ps", "-a", "-q", "--filter", "name=^" + name + "$").stdout().strip());
            }
            String id = vaina.run("run", "-d", "--name", name, "--network", net, image, "sleep", "1000").assertSuccess()
                    .stdout().strip();
            long holder = holderPid(vaina);
            String monitor = vaina.run("inspect", "--format", "{{.State.ConmonPid}}", name).assertSuccess().stdout().strip();
            new ProcessBuilder("kill", "-KILL", monitor).start().waitFor();
            awaitNotRunning(vaina, name);
            assertNothingLeft(vaina, id, holder, bridge);
            if (vaina.mode() == Mode.ROOTLESS) {
                vaina.run("start", name).assertSuccess();
                holder = holderPid(vaina);
                new ProcessBuilder("kill", "-KILL", Long.toString(holder)).start().waitFor();
                awaitNotRunning(vaina, name);
                assertNothingLeft(vaina, id, holder, bridge);
            }
            Result again = vaina.run("run", "--rm", "--network", net, image, "sh", "-c", "nslookup " + name + "; true");
            again.assertSuccess();
            vaina.run("rm", "-f", name).assertSuccess();
            assertNothingLeft(vaina, id, 0, bridge);
        } finally {
            vaina.run("rm", "-f", "-t", "0", name);
            vaina.run("network", "rm", net).assertSuccess();
        }
    }

    private static void awaitNotRunning(VainaCli vaina, String name) throws InterruptedException {
        for (int attempt = 0; attempt < 100 && vaina.run("ps", "-q", "--filter", "name=^" + name + "$")
                .assertSuccess().stdout().strip().length() > 0; attempt++) {
            Thread.sleep(100);
        }
        assertEquals("", vaina.run("ps", "-q", "--filter", "name=^" + name + "$").stdout().strip(),
                name + " still runs");
    }

    /**
     * A published port of a container on a named network, rootless forwarded by the monitor into the holder's
     * network namespace: a GET from the host reaches the server, which other containers still reach by name;
     * port, ps and inspect show the mapping; a port in use fails the next run with 126 and leaves nothing; the
     * port is free again at once after rm -f and after a SIGKILL of the monitor; a pod's port reaches its members.
     */
    @EachMode
    void publishedPort_onANamedNetwork_reachesTheServer_andIsFreedAtOnce(VainaCli vaina) throws Exception {
        String image = Images.busybox(vaina);
        String suffix = Integer.toString(ThreadLocalRandom.current().nextInt(1_000_000));
        String net = "fwd-" + suffix;
        String name = "fwdweb-" + suffix;
        String busy = "fwdbusy-" + suffix;
        String pod = "fwdpod-" + suffix;
        int port = NetworkTest.freePort();
        // A body much larger than the forwarder's buffers too, so that a slow reader makes it wait.
        String serve = "echo hello from " + suffix + " > /index.html && seq 1 200000 > /big && exec httpd -f -v -p 80 -h /";
        vaina.run("network", "create", net).assertSuccess();
        try {
            vaina.run("run", "-d", "--name", name, "--network", net, "-p", port + ":80", image, "sh", "-c", serve)
                    .assertSuccess();
            assertEquals("hello from " + suffix + "\n", NetworkTest.httpGet("127.0.0.1", port));
            assertEquals("hello from " + suffix + "\n", NetworkTest.httpGet(NetworkTest.otherHostAddress(), port));
            if (vaina.mode() == Mode.ROOTLESS) {
                // The connection reaches the server from the holder's side of the bridge, its gateway (which httpd
                // logs as [::ffff:GATEWAY]:PORT).
                String gateway = field(vaina, net, "{{range .Subnets}}{{.Gateway}}{{end}}");
                Result log = vaina.run("logs", name).assertSuccess();
                assertTrue((log.stdout() + log.stderr()).contains(":" + gateway + "]:"), log::describe);
            }
            String big = NetworkTest.httpGet("127.0.0.1", port, "/big");
            assertEquals(IntStream.rangeClosed(1, 200000).mapToObj(n -> n + "\n").collect(Collectors.joining()), big,
                    "the body of /big, " + big.length() + " characters");
            Result byName = vaina.run("run", "--rm", "--network", net, image, "timeout", "5", "wget", "-q", "-O", "-",
                    "http://" + name + "/").assertSuccess();
            assertEquals("hello from " + suffix + "\n", byName.stdout(), byName::describe);
            assertEquals("80/tcp -> 0.0.0.0:" + port + "\n", vaina.run("port", name).assertSuccess().stdout());
            assertEquals("0.0.0.0:" + port + "->80/tcp\n", vaina.run("ps", "--filter", "name=^" + name + "$",
                    "--format", "{{.Ports}}").assertSuccess().stdout());
            Result inspect = vaina.run("inspect", name).assertSuccess();
            assertTrue(inspect.stdout().replaceAll("\\s", "").contains("\"80/tcp\":[{\"HostIp\":\"\",\"HostPort\":\""
                    + port + "\"}]"), inspect::describe);

            Result taken = vaina.run("run", "--name", busy, "--network", net, "-p", port + ":80", image, "true")
                    .assertExitCode(126);
            assertTrue(taken.stderr().contains(Integer.toString(port)), taken::describe);
            RunTest.assertNoContainer(vaina, busy);
            assertEquals("hello from " + suffix + "\n", NetworkTest.httpGet("127.0.0.1", port));

            vaina.run("rm", "-f", name).assertSuccess();
            assertPortFree(port);
            vaina.run("run", "-d", "--name", name, "--network", net, "-p", port + ":80", image, "sh", "-c", serve)
                    .assertSuccess();
            assertEquals("hello from " + suffix + "\n", NetworkTest.httpGet("127.0.0.1", port));
            String monitor = vaina.run("inspect", "--format", "{{.State.ConmonPid}}", name).assertSuccess().stdout().strip();
            new ProcessBuilder("kill", "-KILL", monitor).start().waitFor();
            awaitNotRunning(vaina, name);
            assertPortFree(port);
            vaina.run("rm", "-f", name).assertSuccess();

            // A pod's port is its infra container's, whose monitor forwards it to the address the members share.
            vaina.run("pod", "create", "--name", pod, "--network", net, "-p", port + ":80").assertSuccess();
            vaina.run("run", "-d", "--pod", pod, "--name", name, image, "sh", "-c", serve).assertSuccess();
            assertEquals("hello from " + suffix + "\n", NetworkTest.httpGet("127.0.0.1", port));
            vaina.run("pod", "rm", "-f", pod).assertSuccess();
            assertPortFree(port);
        } finally {
            vaina.run("pod", "rm", "-f", "-t", "0", pod);
            vaina.run("rm", "-f", "-t", "0", name);
            vaina.run("rm", "-f", "-t", "0", busy);
            vaina.run("network", "rm", net).assertSuccess();
        }
    }

    /**
     * Rootless on a named network the monitor forwards the published ports itself (a thread, a selector, the
     * connections' buffers): its memory, measured as {@link MonitorMemoryBudgetTest} measures a plain one, once
     * each has forwarded a request, so that all of it is loaded. Here, not there: the tests of this class, which
     * stop the user's holder of named networks, must not run beside other containers on named networks.
     */
    @Test
    void tenForwardingMonitors_stayWithinTheirBudget() throws IOException {
        VainaCli vaina = VainaCli.forMode(Mode.ROOTLESS);
        String net = "budget-net-" + ThreadLocalRandom.current().nextInt(1_000_000);
        List<String> names = new ArrayList<>();
        vaina.run("network", "create", net).assertSuccess();
        try {
            for (int i = 0; i < 10; i++) {
                String name = net + "-" + i;
                names.add(name);
                int port = NetworkTest.freePort();
                vaina.run("run", "-d", "--stop-timeout", "0", "--name", name, "--network", net, "-p", port + ":80",
                        Images.busybox(vaina), "sh", "-c", "echo " + i + " > /index.html && exec httpd -f -p 80 -h /")
                        .assertSuccess();
                assertEquals(i + "\n", NetworkTest.httpGet("127.0.0.1", port));
            }
            // Each relays its published port in threads of its own: measured 13.5-14.1 MiB.
            MonitorMemoryBudgetTest.assertWithinBudget(vaina, names, "forwarding", 16 * 1024);
        } finally {
            for (String name : names) {
                vaina.run("rm", "-f", "-t", "0", name);
            }
            vaina.run("network", "rm", net);
        }
    }

    /** Nothing listens on {@code port} any more: the host can bind it. */
    private static void assertPortFree(int port) throws IOException {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress("0.0.0.0", port));
        }
    }

    /**
     * A published port of a container on a named network, its static address and MAC address, and what a SIGKILL
     * of its monitor leaves once the next command has run: nothing.
     */
    @Test
    void publishedPort_andStaticIp_onANamedNetwork() throws Exception {
        VainaCli vaina = VainaCli.forMode(Mode.ROOTFUL);
        String image = Images.busybox(vaina);
        String suffix = Integer.toString(ThreadLocalRandom.current().nextInt(1_000_000));
        String net = "pub-" + suffix;
        String name = "pubweb-" + suffix;
        vaina.run("network", "create", net).assertSuccess();
        String subnet = field(vaina, net, "{{range .Subnets}}{{.Subnet}}{{end}}");
        String bridge = field(vaina, net, "{{.NetworkInterface}}");
        String ip = subnet.substring(0, subnet.lastIndexOf('.')) + ".50";
        int port = NetworkTest.freePort();
        try {
            vaina.run("run", "-d", "--name", name, "--network", net, "--ip", ip, "--mac-address", "02:42:0a:59:00:77", "-p",
                    port + ":80", image, "sh", "-c",
                    "echo static > /index.html && exec httpd -f -p 80 -h /").assertSuccess();
            assertEquals("static\n", NetworkTest.httpGet("127.0.0.1", port));
            Result addr = vaina.run("exec", name, "ip", "-o", "-4", "addr", "show", "eth0").assertSuccess();
            assertTrue(addr.stdout().contains(" " + ip + "/24 "), addr::describe);
            Result link = vaina.run("exec", name, "ip", "-o", "link", "show", "eth0").assertSuccess();
            assertTrue(link.stdout().contains("link/ether 02:42:0a:59:00:77 "), link::describe);
            Result taken = vaina.run("run", "--rm", "--network", net, "--ip", ip, image, "true");
            assertFalse(taken.succeeded(), taken::describe);
            assertTrue(taken.stderr().contains("requested ip address " + ip + " is already allocated"), taken::describe);
            Result outside = vaina.run("create", "--network", net, "--ip", "192.0.2.1", image, "true")
                    .assertExitCode(125);
            assertTrue(outside.stderr().contains("not in any subnet on network " + net), outside::describe);
            // The monitor killed with SIGKILL: the next command repairs, freeing the address, the bridge and the namespace.
            String id = vaina.run("ps", "-q", "--no-trunc", "--filter", "name=^" + name + "$").assertSuccess().stdout().strip();
            String monitor = vaina.run("inspect", name).assertSuccess().stdout()
                    .replaceAll("(?s).*\"ConmonPid\"\\s*:\\s*(\\d+).*", "$1");
            new ProcessBuilder("kill", "-KILL", monitor).start().waitFor();
            for (int attempt = 0; attempt < 100 && vaina.run("ps", "-q", "--filter", "name=^" + name + "$")
                    .assertSuccess().stdout().strip().length() > 0; attempt++) {
                Thread.sleep(100);
            }
            assertFalse(Files.exists(Path.of("/run/vaina/netns", id)), "the network namespace file is left");
            assertFalse(linkExists(bridge), "bridge " + bridge + " is left");
            vaina.run("run", "--rm", "--network", net, "--ip", ip, image, "true").assertSuccess();
        } finally {
            vaina.run("rm", "-f", "-t", "0", name).assertSuccess();
            vaina.run("network", "rm", net).assertSuccess();
        }
    }

    private static List<Result> runAll(List<List<String>> steps, Function<String[], Result> engine) {
        List<Result> results = new ArrayList<>();
        for (List<String> step : steps) {
            results.add(engine.apply(step.toArray(String[]::new)));
        }
        return results;
    }

    /** The error message with the engine's own network name and the engine's name put aside. */
    private static String message(Result result) {
        return result.stderr().replace("podman", "vaina").replaceAll(" \\([^)]*\\)\\. Use -f", ". Use -f").strip();
    }

    /** A shell command printing the IPv4 address busybox's nslookup finds for {@code name}. */
    private static String lookup(String name) {
        return "nslookup " + name + " | awk '/^Name/ {f=1} f && match($0, /10\\.[0-9.]+/) {print substr($0, RSTART, RLENGTH); exit}'";
    }

    private static String withoutIds(String text) {
        return text.replaceAll("[0-9a-f]{64}", "ID");
    }

    /** The keys of inspect's JSON, in order, one level deep where they nest. */
    private static List<String> keys(String json) {
        List<String> keys = new ArrayList<>();
        for (String line : json.lines().toList()) {
            String trimmed = line.strip();
            if (trimmed.startsWith("\"") && trimmed.contains("\":")) {
                keys.add(" ".repeat(line.indexOf('"')) + trimmed.substring(0, trimmed.indexOf("\":") + 1));
            }
        }
        return keys;
    }

    private static String field(VainaCli vaina, String network, String template) {
        return vaina.run("network", "inspect", "--format", template, network).assertSuccess().stdout().strip();
    }

    private static String systemctl(VainaCli vaina, String... args) {
        return vaina.systemctl(args).stdout().strip();
    }

    private static boolean linkExists(String name) {
        return Files.exists(Path.of("/sys/class/net", name));
    }

    /** The PID of the holder of rootless named networks' namespaces; 0 rootful, where there is none. */
    private static long holderPid(VainaCli vaina) throws IOException {
        if (vaina.mode() == Mode.ROOTFUL) {
            return 0;
        }
        long pid = Long.parseLong(Files.readString(runRoot(vaina).resolve("networks/holder.pid")).strip());
        assertTrue(pid > 0 && ProcessHandle.of(pid).isPresent(), "the holder runs");
        return pid;
    }

    /** The store's run root: the default one of the mode's user. */
    private static Path runRoot(VainaCli vaina) {
        return vaina.mode() == Mode.ROOTFUL ? Path.of("/run/vaina")
                : Path.of(vaina.environment().get("XDG_RUNTIME_DIR"), "vaina");
    }

    /** @param user only that user's processes, or null for anyone's */
    private static String pgrep(String pattern, String user) throws Exception {
        List<String> command = new ArrayList<>(List.of("pgrep", "-a", "-f", pattern));
        if (user != null) {
            command.addAll(1, List.of("-u", user));
        }
        Process pgrep = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(pgrep.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        pgrep.waitFor();
        return out.lines().filter(l -> !l.contains("pgrep")).reduce("", (a, b) -> a + b + "\n");
    }
}
