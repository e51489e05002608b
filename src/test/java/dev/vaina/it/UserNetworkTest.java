package dev.vaina.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vaina.it.support.EachMode;
import dev.vaina.it.support.Mode;
import dev.vaina.it.support.ModePodman;
import dev.vaina.it.support.Result;
import dev.vaina.it.support.VainaCli;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
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
        if (vaina.mode() == Mode.ROOTFUL) {
            // Rootless, containers cannot join named networks yet (they are refused at create).
            steps.addAll(steps.indexOf(List.of("network", "rm", "missing-" + suffix)), List.of(
                List.of("create", "--name", "user-" + suffix, "--network", net, ModePodman.BUSYBOX, "true"),
                List.of("network", "rm", net),
                List.of("network", "connect", other, "user-" + suffix),
                List.of("network", "connect", other, "user-" + suffix),
                List.of("network", "connect", "missing-" + suffix, "user-" + suffix),
                List.of("network", "disconnect", other, "user-" + suffix),
                List.of("network", "disconnect", other, "user-" + suffix)));
        }
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
            vaina.run("rm", "-f", "user-" + suffix);
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
     * out, and once the last container goes the bridges, aardvark-dns and the namespaces are gone.
     */
    @Test
    void containersOnOneNetwork_resolveEachOther_otherNetworksAreIsolated_nothingLeft() throws Exception {
        VainaCli vaina = VainaCli.forMode(Mode.ROOTFUL);
        String image = Images.busybox(vaina);
        String suffix = Integer.toString(ThreadLocalRandom.current().nextInt(1_000_000));
        String front = "front-" + suffix;
        String back = "back-" + suffix;
        String server = "srv-" + suffix;
        List<String> ids = new ArrayList<>();
        vaina.run("network", "create", front).assertSuccess();
        vaina.run("network", "create", "--internal", back).assertSuccess();
        String frontBridge = field(vaina, front, "{{.NetworkInterface}}");
        String backBridge = field(vaina, back, "{{.NetworkInterface}}");
        try {
            ids.add(vaina.run("run", "-d", "--name", server, "--network", front, "--network-alias", "db", image, "sh",
                    "-c", "mkdir /www && echo hello > /www/index.html && exec httpd -f -p 80 -h /www")
                    .assertSuccess().stdout().strip());
            // busybox's nslookup asks the container's resolver (aardvark-dns) itself; the address it gets is then fetched.
            Result byName = vaina.run("run", "--rm", "--network", front, image, "sh", "-c",
                    "cat /etc/resolv.conf; for n in " + server + " db; do a=$(" + lookup("$n") + "); [ -n \"$a\" ] ||"
                            + " { nslookup $n; exit 2; }; timeout 5 wget -q -O - http://$a/ || exit 1; done").assertSuccess();
            String gateway = field(vaina, front, "{{range .Subnets}}{{.Gateway}}{{end}}");
            assertTrue(byName.stdout().contains("nameserver " + gateway + "\n"), byName::describe);
            assertTrue(byName.stdout().contains("hello\nhello\n"), byName::describe);
            assertTrue(systemctl(vaina, "is-active", "vaina-aardvark-dns.service").equals("active"),
                    "aardvark-dns runs in its own unit");
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
            vaina.run("network", "disconnect", back, server).assertSuccess();
            Result gone = vaina.run("run", "--rm", "--network", back, image, "nslookup", "web");
            assertFalse(gone.succeeded(), gone::describe);
        } finally {
            vaina.run("rm", "-f", server).assertSuccess();
        }
        assertFalse(linkExists(frontBridge), "bridge " + frontBridge + " is left");
        assertFalse(linkExists(backBridge), "bridge " + backBridge + " is left");
        assertFalse(Files.exists(Path.of("/run/vaina/netns", ids.get(0))), "the network namespace file is left");
        assertEquals("", pgrep("aardvark-dns --config /run/vaina"), "aardvark-dns is left");
        vaina.run("network", "rm", front, back).assertSuccess();
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
            vaina.run("rm", "-f", name).assertSuccess();
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

    private static String pgrep(String pattern) throws Exception {
        Process pgrep = new ProcessBuilder("pgrep", "-a", "-f", pattern).redirectErrorStream(true).start();
        String out = new String(pgrep.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        pgrep.waitFor();
        return out.lines().filter(l -> !l.contains("pgrep")).reduce("", (a, b) -> a + b + "\n");
    }
}
