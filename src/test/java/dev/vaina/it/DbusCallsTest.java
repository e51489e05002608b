package dev.vaina.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vaina.it.support.EachMode;
import dev.vaina.it.support.PrivateManager;
import dev.vaina.it.support.TestImages;
import dev.vaina.it.support.VainaCli;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The calls a command makes to systemd do not grow with the number of containers: each command below makes the
 * same calls among 3 containers as among 15 (6 of them running). They are read off the bus itself (busctl
 * monitor), on a private manager's bus that no other test's commands use.
 */
class DbusCallsTest {
    /** Each a command and its arguments; x and y are the containers they work on. */
    private static final List<List<String>> COMMANDS = List.of(
            List.of("run", "-d", "--name", "x", Images.BUSYBOX, "sleep", "1000"),
            List.of("ps", "-a"),
            List.of("inspect", "x"),
            List.of("stop", "-t", "0", "x"),
            List.of("start", "x"),
            List.of("rm", "-f", "-t", "0", "x"),
            List.of("create", "--name", "y", Images.BUSYBOX, "true"),
            List.of("rm", "y"));
    private static final String MARK = "vaina-dbus-calls-mark";

    @EachMode
    void callsToSystemd_areTheSameAmongFewContainersAsAmongMany(VainaCli base) throws Exception {
        try (PrivateManager manager = PrivateManager.start(base, "dbus-calls")) {
            VainaCli vaina = manager.vaina();
            vaina.run("import", TestImages.busyboxTarball().toString(), Images.BUSYBOX).assertSuccess();
            for (int i = 0; i < 3; i++) {
                vaina.run("create", "--name", "few-" + i, Images.BUSYBOX, "true").assertSuccess();
            }
            Map<String, Map<String, Integer>> few = calls(vaina, manager.bus());
            // run -d makes a call to start its unit: were it 0, the monitor would not see the bus at all.
            assertEquals(1, few.get(String.join(" ", COMMANDS.get(0))).getOrDefault("StartUnit", 0), few::toString);
            // A container that never started has no unit that could have failed: its rm does not ask systemd.
            assertEquals(Map.of(), few.get("rm y"), few::toString);
            for (int i = 0; i < 6; i++) {
                vaina.run("run", "-d", "--name", "running-" + i, Images.BUSYBOX, "sleep", "1000").assertSuccess();
                vaina.run("create", "--name", "made-" + i, Images.BUSYBOX, "true").assertSuccess();
            }
            assertEquals(few, calls(vaina, manager.bus()));
            vaina.run(Duration.ofMinutes(2), "rm", "-a", "-f", "-t", "0").assertSuccess();
        }
    }

    /** Command line to the calls (by method) it made to systemd's manager. */
    private static Map<String, Map<String, Integer>> calls(VainaCli vaina, Path bus) {
        Map<String, Map<String, Integer>> calls = new LinkedHashMap<>();
        for (List<String> command : COMMANDS) {
            List<String> script = new ArrayList<>(List.of("sh", "-c", MONITORED, "monitored", "unix:path=" + bus, MARK,
                    vaina.vainaExecutable().toString()));
            script.addAll(command);
            calls.put(String.join(" ", command), byMethod(vaina.exec(null, Duration.ofMinutes(1), script)
                    .assertSuccess().stdout()));
        }
        return calls;
    }

    /**
     * Runs the command while busctl monitors the bus, and prints what busctl saw from a call of its own made once
     * it was watching to one made after the command: the bus orders what a monitor sees, so every call the
     * command made is in between.
     */
    private static final String MONITORED = """
            address=$1 mark=$2; shift 2
            dir=$(mktemp -d); log=$dir/monitor
            busctl --address="$address" monitor > "$log" 2>&1 & monitor=$!
            trap 'kill $monitor 2>/dev/null; rm -rf "$dir"' EXIT
            marked() {
                busctl --address="$address" call org.freedesktop.DBus /org/freedesktop/DBus org.freedesktop.DBus \
                    NameHasOwner s "$mark-$1" > /dev/null
            }
            seen() {
                for i in $(seq 200); do grep -q "$mark-$1" "$log" && return 0; marked "$1"; sleep 0.05; done
                echo "busctl monitor did not see the call marked $1" >&2; return 1
            }
            seen start || exit 1
            start=$(wc -c < "$log")
            "$@" > /dev/null || { echo "the command failed: $*" >&2; exit 1; }
            seen end || exit 1
            tail -c +$((start + 1)) "$log"
            """;

    /** Method calls to org.freedesktop.systemd1 in busctl monitor's output, by method name. */
    private static Map<String, Integer> byMethod(String monitored) {
        Map<String, Integer> methods = new TreeMap<>();
        for (String message : monitored.split("\u2023")) {
            if (message.contains("Type=method_call") && message.contains("Destination=org.freedesktop.systemd1")) {
                int at = message.indexOf("Member=");
                String member = message.substring(at + "Member=".length()).split("\\s")[0];
                methods.merge(member, 1, Integer::sum);
            }
        }
        return methods;
    }
}
