package dev.vaina.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vaina.it.registry.TestRegistry;
import dev.vaina.it.registry.Tools;
import dev.vaina.it.support.EachMode;
import dev.vaina.it.support.Result;
import dev.vaina.it.support.TestImages;
import dev.vaina.it.support.VainaCli;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * {@code vaina push} through the installed CLI, against Debian's real registry on 127.0.0.1: an image pushed,
 * removed locally and pulled back runs; skopeo, an independent client, reads what was pushed.
 */
class PushCommandTest {
    private static final Duration PUSH = Duration.ofMinutes(3);
    private static final Pattern DIGEST = Pattern.compile("\"Digest\":\\s*\"(sha256:[0-9a-f]{64})\"");

    private static TestRegistry plain;

    @BeforeAll
    static void startRegistry() {
        plain = TestRegistry.plain();
    }

    @AfterAll
    static void stopRegistry() {
        if (plain != null) {
            plain.close();
        }
    }

    /** A busybox image of this test's own, so removing it does not disturb other tests' images. */
    private static String importSource(VainaCli vaina, String name) {
        vaina.run("import", TestImages.busyboxTarball().toString(), name).assertSuccess();
        return name;
    }

    @EachMode
    void push_thenRmiAndPullBack_theImageRuns(VainaCli vaina) throws IOException {
        String source = importSource(vaina, "localhost/pushsrc-" + vaina.mode().label() + ":latest");
        String target = plain.reference("pushed-" + vaina.mode().label(), "1");
        Path digestDir = writableDir();
        Path digestFile = digestDir.resolve("digest");
        try {
            Result push = vaina.run(PUSH, "push", "--tls-verify=false", "--digestfile", digestFile.toString(),
                    source, target).assertSuccess();
            assertEquals("", push.stdout(), push::describe);
            assertTrue(push.stderr().matches("(?s)Getting image source signatures\n"
                    + "Copying blob [0-9a-f]{12} done\n"
                    + "Copying config [0-9a-f]{10} done\n"
                    + "Writing manifest to image destination\n"), push::describe);

            String digest = Files.readString(digestFile);
            assertEquals(digest, skopeoDigest(target), "--digestfile holds the manifest digest the registry serves");

            vaina.run("rmi", source).assertSuccess();
            vaina.run(PUSH, "pull", "-q", "--tls-verify=false", target).assertSuccess();
            assertEquals("ok\n", vaina.run("run", "--rm", target, "echo", "ok").assertSuccess().stdout());
            Result digests = vaina.run("images", "--digests").assertSuccess();
            assertTrue(digests.stdout().contains(digest), digests::describe);
        } finally {
            vaina.run("rmi", "-f", target);
            Tools.deleteTree(digestDir);
        }
    }

    @EachMode
    void pushAgain_skipsEveryBlob_andV2s2WithDockerPrefixIsDockerSchema2(VainaCli vaina) {
        String source = importSource(vaina, "localhost/pushsrc2-" + vaina.mode().label() + ":latest");
        String target = plain.reference("pushed2-" + vaina.mode().label(), "v2s2");
        try {
            vaina.run(PUSH, "push", "-q", "--tls-verify=false", "--format", "v2s2", source, "docker://" + target)
                    .assertSuccess();
            Result again = vaina.run(PUSH, "push", "--tls-verify=false", "--format=v2s2", source, target).assertSuccess();
            assertTrue(again.stderr().matches("(?s).*Copying blob [0-9a-f]{12} skipped: already exists\n.*"),
                    again::describe);
            Result raw = Tools.run(PUSH, List.of("skopeo", "inspect", "--raw", "--tls-verify=false", "docker://" + target))
                    .assertSuccess();
            assertTrue(raw.stdout().contains("application/vnd.docker.distribution.manifest.v2+json"), raw::describe);
            assertTrue(raw.stdout().contains("application/vnd.docker.image.rootfs.diff.tar.gzip"), raw::describe);
        } finally {
            vaina.run("rmi", "-f", source);
        }
    }

    @EachMode
    void pushQuiet_printsNothing_andPushOfAnUnknownImageFails125(VainaCli vaina) {
        String source = importSource(vaina, "localhost/pushsrc3-" + vaina.mode().label() + ":latest");
        try {
            Result quiet = vaina.run(PUSH, "push", "-q", "--tls-verify=false", source,
                    plain.reference("pushed3-" + vaina.mode().label(), "q")).assertSuccess();
            assertEquals("", quiet.stdout() + quiet.stderr(), quiet::describe);
        } finally {
            vaina.run("rmi", "-f", source);
        }
        Result missing = vaina.run("push", "--tls-verify=false", "localhost/no-such-image",
                plain.reference("never", "1")).assertExitCode(125);
        assertTrue(missing.stderr().contains("no-such-image"), missing::describe);
    }

    private static String skopeoDigest(String reference) {
        Result inspect = Tools.run(PUSH, List.of("skopeo", "inspect", "--tls-verify=false", "docker://" + reference))
                .assertSuccess();
        Matcher matcher = DIGEST.matcher(inspect.stdout());
        assertTrue(matcher.find(), inspect::describe);
        return matcher.group(1);
    }

    /** A directory the rootless test user may write to (for --digestfile). */
    private static Path writableDir() throws IOException {
        Path dir = Tools.worldReadableTempDir("vaina-it-push");
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxrwxrwx"));
        return dir;
    }
}
