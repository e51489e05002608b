package dev.vaina.it.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A reboot, as far as vaina can tell: the mode's systemd user manager is stopped (its units the ordinary way,
 * then whatever is left killed), the per-boot state is emptied (the manager's runtime directory, and rootful
 * vaina's run root), and a fresh manager starts, with vaina's boot units (units/, as install.sh installs and
 * enables them) in /run/systemd/user, which is private to this test run. The data directories survive.
 */
public final class Reboot {
    private static final long WAIT_SECONDS = 120;

    private Reboot() {
    }

    public static void of(VainaCli vaina) throws IOException, InterruptedException {
        Path prefix = TestEnvironment.prefix();
        String state = TestEnvironment.require(TestEnvironment.MANAGERS_STATE, "the managers' state directory");
        String runtimeDir = vaina.environment().get("XDG_RUNTIME_DIR");
        String runRoot = vaina.mode() == Mode.ROOTFUL ? "/run/vaina" : "";
        String script = String.join("\n",
                "set -eu",
                "scripts/user-manager.sh stop \"$1\" \"$2\"",
                "find \"$3\" -mindepth 1 -maxdepth 1 -exec rm -rf {} + 2>/dev/null || true",
                "[ -z \"$5\" ] || find \"$5\" -mindepth 1 -maxdepth 1 -exec rm -rf {} + 2>/dev/null || true",
                "install -d -m 0755 /run/systemd/user/default.target.wants",
                "cp \"$4\"/lib/systemd/user/*.service /run/systemd/user/",
                "for unit in vaina-reconcile.service vaina-restart.service; do",
                "    ln -sf ../$unit /run/systemd/user/default.target.wants/$unit",
                "done",
                "scripts/user-manager.sh start \"$1\" \"$2\"",
                "scripts/user-manager.sh wait \"$1\" \"$2\" " + WAIT_SECONDS);
        Process process = new ProcessBuilder(List.of("bash", "-c", script, "reboot", vaina.user(), state, runtimeDir,
                prefix.toString(), runRoot)).redirectErrorStream(true).start();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(WAIT_SECONDS + 60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException("the reboot of " + vaina.user() + "'s manager failed: "
                    + new String(output, StandardCharsets.UTF_8));
        }
    }
}
