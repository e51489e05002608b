package dev.vaina.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vaina.it.support.EachMode;
import dev.vaina.it.support.Interactive;
import dev.vaina.it.support.ModePodman;
import dev.vaina.it.support.Result;
import dev.vaina.it.support.VainaCli;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * An attached client's keys and signals: the detach keys (ctrl-p,ctrl-q unless --detach-keys says otherwise)
 * leave the container running and the client exits 0; --sig-proxy (the default) passes the client's signals
 * on to the container; bad keys are refused as Podman refuses them, before anything is made.
 */
class DetachAndSignalsTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @EachMode
    void detachKeys_leaveTheContainerRunning(VainaCli vaina) {
        String name = "das-detach-" + vaina.mode().label();
        try {
            try (Interactive run = vaina.startInteractive("run", "-it", "--name", name, Images.busybox(vaina), "sh")) {
                run.send("echo $((6*7))\n");
                run.expect("42", WAIT);
                run.send("\u0010\u0011");
                assertEquals(0, run.waitFor(WAIT), run::output);
            }
            assertRunning(vaina, name);
            try (Interactive attach = vaina.startInteractive("attach", "--detach-keys", "ctrl-a,x", name)) {
                attach.send("echo $((7*8))\n");
                attach.expect("56", WAIT);
                // ctrl-a then ctrl-c is input after all (ctrl-c clears the shell's line); ctrl-a,x detaches
                attach.send("\u0001\u0003\u0001x");
                assertEquals(0, attach.waitFor(WAIT), attach::output);
            }
            assertRunning(vaina, name);
            try (Interactive attach = vaina.startInteractive("attach", "--detach-keys", "", name)) {
                attach.send("echo $((8*9))\n");
                attach.expect("72", WAIT);
                attach.send("\u0010\u0011\u0003"); // ctrl-c clears what the keys did to the shell's line
                attach.send("exit 4\n");
                assertEquals(4, attach.waitFor(WAIT), "without detach keys, ctrl-p,ctrl-q is the shell's: "
                        + attach.output());
            }
        } finally {
            vaina.run("rm", "-f", "-t", "0", name);
        }
    }

    /** Podman's run makes the container before it checks the keys (and exits 126); vaina's makes nothing. */
    @EachMode
    void badDetachKeys_areRefusedAsInPodman_andNothingIsMade(VainaCli vaina) {
        String name = "das-bad-" + vaina.mode().label();
        try (ModePodman podman = ModePodman.start(vaina)) {
            for (String keys : List.of("foo", "ctrl-1", "ctrl-a,,x")) {
                Result theirs = podman.run("run", "--name", name + keys.length(), "--detach-keys", keys, ModePodman.BUSYBOX,
                        "true").assertExitCode(126);
                Result ours = vaina.run("run", "--name", name, "--detach-keys", keys, Images.busybox(vaina), "true")
                        .assertExitCode(126);
                assertEquals(errors(theirs), errors(ours), ours::describe);
                Result started = vaina.run("start", "-a", "--detach-keys", keys, "das-nosuch").assertExitCode(125);
                assertEquals(errors(theirs), errors(started), started::describe);
            }
            vaina.run("container", "exists", name).assertExitCode(1);
        }
    }

    /** The client gets SIGTERM; the container's shell traps it, and its exit code is the client's. */
    @EachMode
    void sigProxy_passesTheClientsSignalsToTheContainer(VainaCli vaina) {
        String name = "das-sig-" + vaina.mode().label();
        String vainaCli = vaina.vainaExecutable().toString();
        String script = "\"$1\" run --name \"$2\" \"$3\" sh -c 'trap \"echo got TERM; exit 7\" TERM; echo ready;"
                + " while :; do sleep 0.1; done' > \"$4\" 2>&1 & client=$!;"
                + " for i in $(seq 600); do grep -q ready \"$4\" && break; sleep 0.1; done;"
                + " kill -TERM $client; wait $client; echo \"client=$?\"; cat \"$4\"";
        String output = vaina.exec(List.of("mktemp", "-u", "/tmp/das-sig.XXXXXX")).assertSuccess().stdout().strip();
        try {
            Result result = vaina.exec(List.of("sh", "-c", script, "sh", vainaCli, name, Images.busybox(vaina), output))
                    .assertSuccess();
            assertTrue(result.stdout().startsWith("client=7\n"), result::describe);
            assertTrue(result.stdout().contains("got TERM"), result::describe);
            Result noProxy = vaina.exec(List.of("sh", "-c", script.replace("run --name", "run --sig-proxy=false --name"),
                    "sh", vainaCli, name + "-off", Images.busybox(vaina), output)).assertSuccess();
            assertTrue(noProxy.stdout().startsWith("client=143\n"),
                    "--sig-proxy=false: the signal ends the client, which does not wait for the container: " + noProxy.describe());
        } finally {
            vaina.run("rm", "-f", "-t", "0", name, name + "-off");
            vaina.exec(List.of("rm", "-f", output));
        }
    }

    private static void assertRunning(VainaCli vaina, String name) {
        Result state = vaina.run("inspect", "--format", "{{.State.Status}}", name).assertSuccess();
        assertEquals("running\n", state.stdout(), state::describe);
    }

    private static String errors(Result result) {
        return Arrays.stream(result.stderr().split("\n")).filter(line -> line.startsWith("Error:"))
                .collect(Collectors.joining("\n"));
    }
}
