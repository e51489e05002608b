package dev.vaina.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vaina.it.registry.BackgroundVaina;
import dev.vaina.it.registry.ClientFiles;
import dev.vaina.it.registry.PushedImage;
import dev.vaina.it.registry.RegistryImages;
import dev.vaina.it.registry.StorePaths;
import dev.vaina.it.registry.TestLayer;
import dev.vaina.it.registry.TestRegistry;
import dev.vaina.it.registry.Tools;
import dev.vaina.it.support.EachMode;
import dev.vaina.it.support.Mode;
import dev.vaina.it.support.Result;
import dev.vaina.it.support.VainaCli;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * {@code vaina pull} (and {@code run --pull}) against Debian's real registry on 127.0.0.1, with test
 * images that skopeo pushed: what Podman's pull does, vaina must do. The fixtures themselves are
 * proved by RegistryFixtureTest with curl, skopeo and podman only.
 */
class PullTest {

    private static final Duration PULL = Duration.ofMinutes(3);
    private static final Pattern IMAGE_ID = Pattern.compile("(?m)^([0-9a-f]{64})$");
    private static final String USER = "alice";
    private static final String PASSWORD = "wonderland";
    private static final long BIG_SEED = 20240101L;
    private static final int BIG_LAYERS = 2;
    private static final int BIG_MIB = 16;

    private static TestRegistry plain;
    private static final List<TestRegistry> registries = new ArrayList<>();
    private static final Map<String, Object> lazy = new ConcurrentHashMap<>();

    @BeforeAll
    static void startRegistry() {
        plain = TestRegistry.plain();
        registries.add(plain);
    }

    @AfterAll
    static void stopRegistries() {
        registries.forEach(TestRegistry::close);
        registries.clear();
    }

    // --- plain pulls ---

    @EachMode
    void pull_printsTryingAndTheImageId_thenTheImageIsListedAndRuns(VainaCli vaina) {
        PushedImage image = image("busybox", () -> RegistryImages.pushBusybox(plain, "busybox", "latest"));
        Result pull = vaina.run(PULL, "pull", "--tls-verify=false", image.reference()).assertSuccess();
        assertTrue((pull.stdout() + pull.stderr()).contains("Trying to pull " + image.reference() + "..."), pull::describe);
        String id = lastImageId(pull);
        assertTrue(pull.stdout().strip().endsWith(id), pull::describe);

        Result images = vaina.run("images").assertSuccess();
        assertTrue(images.stdout().matches("(?s).*" + Pattern.quote(image.repository()) + "\\s+latest\\s+"
                + id.substring(0, 12) + "\\s.*"), images::describe);
        assertEquals("ok\n", vaina.run("run", "--rm", image.reference(), "echo", "ok").assertSuccess().stdout());
        Result digests = vaina.run("images", "--digests").assertSuccess();
        assertTrue(digests.stdout().contains(image.manifestDigest()), digests::describe);
    }

    @EachMode
    void pullQuiet_printsOnlyTheImageId(VainaCli vaina) {
        PushedImage image = image("busybox", () -> RegistryImages.pushBusybox(plain, "busybox", "latest"));
        Result pull = vaina.run(PULL, "pull", "-q", "--tls-verify=false", image.reference()).assertSuccess();
        assertTrue(pull.stdout().matches("[0-9a-f]{64}\n"), pull::describe);
        assertFalse(pull.stderr().contains("Trying to pull"), pull::describe);
    }

    @EachMode
    void pullByDigest_storesTheImageWithItsDigest_andItRuns(VainaCli vaina) {
        PushedImage image = image("bydigest", () -> RegistryImages.pushWithFile(plain, "bydigest", "v1", "marker",
                "by digest\n"));
        Result pull = vaina.run(PULL, "pull", "--tls-verify=false", image.digestReference()).assertSuccess();
        lastImageId(pull);
        Result digests = vaina.run("images", "--digests").assertSuccess();
        assertTrue(digests.stdout().contains(image.manifestDigest()), digests::describe);
        assertEquals("by digest\n", vaina.run("run", "--rm", image.digestReference(), "cat", "/marker")
                .assertSuccess().stdout());
    }

    @EachMode
    void multiLayerImage_isAssembledInOrder_withWhiteoutsAndOpaqueDirectories(VainaCli vaina) {
        PushedImage image = image("layered", () -> RegistryImages.pushMultiLayer(plain, "layered", "latest"));
        vaina.run(PULL, "pull", "-q", "--tls-verify=false", image.reference()).assertSuccess();
        Result run = vaina.run("run", "--rm", image.reference(), "sh", "-c",
                "cat /hello.txt; ls /data; if [ -e /goodbye.txt ]; then echo goodbye present; else echo goodbye absent; fi")
                .assertSuccess();
        assertEquals(RegistryImages.HELLO + "c\ngoodbye absent\n", run.stdout(), run::describe);
    }

    @EachMode
    void pullOfAMissingImage_fails125_namingIt(VainaCli vaina) {
        requirePullCommand(vaina);
        Result pull = vaina.run(PULL, "pull", "--tls-verify=false", plain.reference("no-such-image", "latest"))
                .assertExitCode(125);
        assertTrue(pull.stderr().contains("Error:") && pull.stderr().contains("no-such-image"), pull::describe);
    }

    @EachMode
    void pullFromARegistryThatIsDown_fails125_afterItsRetries(VainaCli vaina) {
        requirePullCommand(vaina);
        String host = "127.0.0.1:" + TestRegistry.unusedPort();
        Result pull = vaina.run(PULL, "pull", "--tls-verify=false", "--retry", "1", "--retry-delay", "100ms",
                host + "/busybox:latest").assertExitCode(125);
        assertTrue(pull.stderr().contains("Error:") && pull.stderr().contains(host), pull::describe);
    }

    // --- registries.conf: short names, rewrites, mirrors ---

    @EachMode
    void shortName_resolvesThroughTheUnqualifiedSearchRegistry(VainaCli vaina) {
        PushedImage image = image("vaina-test/busybox",
                () -> RegistryImages.pushBusybox(plain, "vaina-test/busybox", "latest"));
        Path conf = ClientFiles.searchRegistryConf(plain);
        try {
            Result pull = vaina.run(PULL, "pull", "--registries-conf", conf.toString(), "vaina-test/busybox")
                    .assertSuccess();
            assertTrue((pull.stdout() + pull.stderr()).contains("Trying to pull " + image.reference() + "..."),
                    pull::describe);
            String id = lastImageId(pull);
            Result images = vaina.run("images").assertSuccess();
            assertTrue(images.stdout().matches("(?s).*" + Pattern.quote(image.repository()) + "\\s+latest\\s+"
                    + id.substring(0, 12) + "\\s.*"), images::describe);
        } finally {
            Tools.deleteTree(conf.getParent());
        }
    }

    @EachMode
    void prefixRewrite_pullsDockerIoNamesAndAliasesFromTheLocalRegistry(VainaCli vaina) {
        PushedImage image = image("library/busybox", () -> RegistryImages.pushWithFile(plain, "library/busybox", "latest",
                "origin", "local registry\n"));
        Path conf = ClientFiles.registriesConf("[aliases]\n\"busybox\" = \"docker.io/library/busybox\"\n\n"
                + "[[registry]]\nprefix = \"docker.io\"\nlocation = \"" + plain.host() + "\"\ninsecure = true\n");
        try {
            String id = lastImageId(vaina.run(PULL, "pull", "--registries-conf", conf.toString(),
                    "docker.io/library/busybox").assertSuccess());
            Result images = vaina.run("images").assertSuccess();
            assertTrue(images.stdout().matches("(?s).*docker\\.io/library/busybox\\s+latest\\s+" + id.substring(0, 12)
                    + "\\s.*"), images::describe);
            Result alias = vaina.run(PULL, "pull", "--registries-conf", conf.toString(), "busybox").assertSuccess();
            assertEquals(id, lastImageId(alias), alias::describe);
            assertEquals("local registry\n", vaina.run("run", "--rm", "docker.io/library/busybox", "cat", "/origin")
                    .assertSuccess().stdout());
            assertTrue(image.manifestDigest().startsWith("sha256:"));
        } finally {
            Tools.deleteTree(conf.getParent());
        }
    }

    @EachMode
    void mirror_servesTheImageWhileTheRegistryItMirrorsIsDown(VainaCli vaina) {
        image("vaina-test/mirrored", () -> RegistryImages.pushWithFile(plain, "vaina-test/mirrored", "latest",
                "origin", "mirror\n"));
        // The mirrored registry is a dead port on 127.0.0.1, so nothing ever leaves this machine.
        String down = "127.0.0.1:" + TestRegistry.unusedPort();
        Path conf = ClientFiles.registriesConf("[[registry]]\nprefix = \"docker.io\"\nlocation = \"" + down + "\"\n"
                + "insecure = true\n\n[[registry.mirror]]\nlocation = \"" + plain.host() + "\"\ninsecure = true\n");
        try {
            vaina.run(PULL, "pull", "--registries-conf", conf.toString(), "docker.io/vaina-test/mirrored:latest")
                    .assertSuccess();
            Result images = vaina.run("images").assertSuccess();
            assertTrue(images.stdout().matches("(?s).*docker\\.io/vaina-test/mirrored\\s+latest\\s.*"), images::describe);
            assertEquals("mirror\n", vaina.run("run", "--rm", "docker.io/vaina-test/mirrored", "cat", "/origin")
                    .assertSuccess().stdout());
        } finally {
            Tools.deleteTree(conf.getParent());
        }
    }

    // --- run --pull ---

    @EachMode
    void runPullPolicies_missingPullsOnce_alwaysRefreshes_neverRefuses(VainaCli vaina) {
        String name = "policy-" + vaina.mode();
        PushedImage first = RegistryImages.pushWithFile(plain, name, "latest", "version", "1\n");
        Result missing = vaina.run(PULL, "run", "--rm", "--tls-verify=false", first.reference(), "cat", "/version")
                .assertSuccess();
        assertEquals("1\n", missing.stdout(), missing::describe);

        RegistryImages.pushWithFile(plain, name, "latest", "version", "2\n");
        assertEquals("1\n", vaina.run(PULL, "run", "--rm", "--pull=missing", "--tls-verify=false", first.reference(),
                "cat", "/version").assertSuccess().stdout());
        assertEquals("2\n", vaina.run(PULL, "run", "--rm", "--pull=always", "--tls-verify=false", first.reference(),
                "cat", "/version").assertSuccess().stdout());

        Result never = vaina.run(PULL, "run", "--rm", "--pull=never", plain.reference(name + "-absent", "latest"), "true")
                .assertExitCode(125);
        assertTrue(never.stderr().contains("image not known"), never::describe);
    }

    // --- platforms ---

    @EachMode
    void multiPlatformImage_defaultsToAmd64_platformAndArchChooseArm64_unknownPlatformFails(VainaCli vaina) {
        PushedImage image = image("multi", () -> RegistryImages.pushMultiPlatform(plain, "multi", "latest"));
        vaina.run(PULL, "pull", "-q", "--tls-verify=false", image.reference()).assertSuccess();
        assertEquals("amd64\n", vaina.run("run", "--rm", image.reference(), "cat", RegistryImages.PLATFORM_FILE)
                .assertSuccess().stdout());

        vaina.run(PULL, "pull", "-q", "--tls-verify=false", "--platform", "linux/arm64", image.reference()).assertSuccess();
        assertArchitecture(vaina, image.reference(), "arm64");
        vaina.run(PULL, "pull", "-q", "--tls-verify=false", "--arch", "amd64", image.reference()).assertSuccess();
        assertArchitecture(vaina, image.reference(), "amd64");
        vaina.run(PULL, "pull", "-q", "--tls-verify=false", "--arch", "arm64", image.reference()).assertSuccess();
        assertArchitecture(vaina, image.reference(), "arm64");

        Result s390x = vaina.run(PULL, "pull", "--tls-verify=false", "--platform", "linux/s390x", image.reference())
                .assertExitCode(125);
        assertTrue(s390x.stderr().contains("s390x") && s390x.stderr().contains("linux/amd64")
                && s390x.stderr().contains("linux/arm64"), s390x::describe);
    }

    private static void assertArchitecture(VainaCli vaina, String reference, String architecture) {
        Result inspect = vaina.run("image", "inspect", reference).assertSuccess();
        assertTrue(inspect.stdout().matches("(?s).*\"Architecture\"\\s*:\\s*\"" + architecture + "\".*"), inspect::describe);
    }

    // --- authentication ---

    @EachMode
    void htpasswdRegistry_needsCredentials_fromCredsOrAnAuthFile(VainaCli vaina) {
        TestRegistry registry = registry("htpasswd", () -> TestRegistry.builder().htpasswd(USER, PASSWORD).start());
        PushedImage image = image("htpasswd/busybox", () -> RegistryImages.pushBusybox(registry, "busybox", "latest"));
        Result anonymous = vaina.run(PULL, "pull", "--tls-verify=false", image.reference()).assertExitCode(125);
        assertAuthenticationError(anonymous);
        vaina.run(PULL, "pull", "--tls-verify=false", "--creds", USER + ":" + PASSWORD, image.reference()).assertSuccess();
        Result wrong = vaina.run(PULL, "pull", "--tls-verify=false", "--creds", USER + ":wrong", image.reference())
                .assertExitCode(125);
        assertAuthenticationError(wrong);

        Path auth = ClientFiles.authFile(Map.of(registry.host(), USER + ":" + PASSWORD));
        try {
            vaina.run(PULL, "pull", "--tls-verify=false", "--authfile", auth.toString(), image.reference()).assertSuccess();
        } finally {
            Tools.deleteTree(auth.getParent());
        }
        assertEquals("ok\n", vaina.run("run", "--rm", image.reference(), "echo", "ok").assertSuccess().stdout());
    }

    @EachMode
    void loginAndLogout_storeAndForgetTheCredentials_aWrongPasswordStoresNothing(VainaCli vaina) throws Exception {
        TestRegistry registry = registry("htpasswd", () -> TestRegistry.builder().htpasswd(USER, PASSWORD).start());
        PushedImage image = image("htpasswd/busybox", () -> RegistryImages.pushBusybox(registry, "busybox", "latest"));
        Path dir = ClientFiles.writableDirFor(vaina);
        String auth = dir.resolve("auth.json").toString();
        try {
            Result wrong = vaina.run("login", "--tls-verify=false", "--authfile", auth, "-u", USER, "-p", "wrong",
                    registry.host()).assertExitCode(125);
            assertTrue(wrong.stderr().contains("Error:"), wrong::describe);
            assertFalse(Files.exists(Path.of(auth)) && Files.readString(Path.of(auth)).contains(registry.host()),
                    "a failed login stored credentials for " + registry.host());

            Result login = vaina.run("login", "--tls-verify=false", "--authfile", auth, "-u", USER, "-p", PASSWORD,
                    registry.host()).assertSuccess();
            assertTrue(login.stdout().contains("Login Succeeded!"), login::describe);
            vaina.run(PULL, "pull", "--tls-verify=false", "--authfile", auth, image.reference()).assertSuccess();

            vaina.run("logout", "--authfile", auth, registry.host()).assertSuccess();
            Result after = vaina.run(PULL, "pull", "--tls-verify=false", "--authfile", auth, image.reference())
                    .assertExitCode(125);
            assertAuthenticationError(after);
        } finally {
            Tools.deleteTree(dir);
        }
    }

    @EachMode
    void tokenRegistry_pullsWithCredentials_andReusesOneTokenForAllBlobs(VainaCli vaina) {
        TestRegistry registry = registry("token", () -> TestRegistry.builder().token(USER, PASSWORD, false).start());
        PushedImage image = image("token/layered", () -> RegistryImages.pushMultiLayer(registry, "private/layered", "latest"));
        Result anonymous = vaina.run(PULL, "pull", "--tls-verify=false", image.reference()).assertExitCode(125);
        assertAuthenticationError(anonymous);

        int before = registry.tokenIssuer().requestCount();
        vaina.run(PULL, "pull", "--tls-verify=false", "--creds", USER + ":" + PASSWORD, image.reference()).assertSuccess();
        int requests = registry.tokenIssuer().requestCount() - before;
        // A manifest, a configuration and three layers: one token (two at most) serves them all.
        assertTrue(requests >= 1 && requests <= 2, "token requests for one pull: " + requests + "\n"
                + String.join("\n", registry.tokenIssuer().requestLog()));
        assertEquals(RegistryImages.HELLO, vaina.run("run", "--rm", image.reference(), "cat", "/hello.txt")
                .assertSuccess().stdout());
    }

    private static void assertAuthenticationError(Result result) {
        assertTrue(result.stderr().contains("Error:") && result.stderr().matches(
                "(?is).*(unauthorized|authentication required|authentication failed|access .*denied|credentials).*"), result::describe);
    }

    // --- TLS ---

    @EachMode
    void tlsRegistry_failsWithoutItsCa_worksWithCertDirOrWithoutVerification(VainaCli vaina) {
        TestRegistry registry = registry("tls", () -> TestRegistry.builder().tls().start());
        PushedImage image = image("tls/busybox", () -> RegistryImages.pushBusybox(registry, "busybox", "latest"));
        Result untrusted = vaina.run(PULL, "pull", image.reference()).assertExitCode(125);
        assertTrue(untrusted.stderr().contains("certificate"), untrusted::describe);

        Path certDir = ClientFiles.certDir(registry);
        try {
            vaina.run(PULL, "pull", "--cert-dir", certDir.toString(), image.reference()).assertSuccess();
        } finally {
            Tools.deleteTree(certDir);
        }
        vaina.run(PULL, "pull", "--tls-verify=false", image.reference()).assertSuccess();
        assertEquals("ok\n", vaina.run("run", "--rm", image.reference(), "echo", "ok").assertSuccess().stdout());
    }

    @EachMode
    void tlsRegistry_isTrustedThroughTheDefaultCertsD(VainaCli vaina) throws Exception {
        TestRegistry registry = registry("tls", () -> TestRegistry.builder().tls().start());
        PushedImage image = image("tls/busybox", () -> RegistryImages.pushBusybox(registry, "busybox", "latest"));
        Path certsD = vaina.mode() == Mode.ROOTFUL ? Path.of("/etc/vaina/certs.d")
                : Path.of(vaina.environment().get("XDG_CONFIG_HOME"), "vaina", "certs.d");
        // Only the one directory for this port is ever written; whatever it had to create goes again.
        try (DefaultCertsD ignored = new DefaultCertsD(certsD.resolve(registry.host()), registry.caCertificate())) {
            vaina.run(PULL, "pull", image.reference()).assertSuccess();
        }
    }

    // --- integrity ---

    @EachMode
    void corruptedBlob_failsNamingIt_andLeavesNothing(VainaCli vaina) {
        PushedImage image = image("corrupt", () -> {
            PushedImage pushed = pushTwoOwnLayers("corrupt");
            RegistryImages.corruptBlob(plain, pushed.topLayer().digest());
            return pushed;
        });
        assertFailsAndLeavesNothing(vaina, image, image.topLayer().digestHex());
    }

    @EachMode
    void truncatedBlob_failsNamingIt_andLeavesNothing(VainaCli vaina) {
        PushedImage image = image("truncated", () -> {
            PushedImage pushed = pushTwoOwnLayers("truncated");
            RegistryImages.truncateBlob(plain, pushed.topLayer().digest());
            return pushed;
        });
        assertFailsAndLeavesNothing(vaina, image, image.topLayer().digestHex());
    }

    @EachMode
    void layerWithDotDotEntry_failsAsEscaping_andLeavesNothing(VainaCli vaina) {
        PushedImage image = image("dotdot", () -> RegistryImages.pushDotDotEscape(plain, "hostile/dotdot", "latest"));
        assertFailsAndLeavesNothing(vaina, image, "escapes the layer directory");
    }

    @EachMode
    void layerWritingThroughAnAbsoluteSymlink_failsAsEscaping_andLeavesNothing(VainaCli vaina) {
        PushedImage image = image("symlink", () -> RegistryImages.pushSymlinkEscape(plain, "hostile/symlink", "latest"));
        assertFailsAndLeavesNothing(vaina, image, "escapes the layer directory");
    }

    /** An image of two layers of its own (busybox with a marker, then one more file): nothing in it is shared. */
    private static PushedImage pushTwoOwnLayers(String name) {
        TestLayer base = TestLayer.builder().busyboxRootfs().file("own-base", name + " " + UUID.randomUUID() + "\n").build();
        TestLayer top = TestLayer.builder().file("own-top", name + " " + UUID.randomUUID() + "\n").build();
        return RegistryImages.push(plain, name, "latest", List.of(base, top));
    }

    /**
     * The failed image is nowhere: no image of that repository, none of its own layers in the store. Checked
     * for this image only, since other tests may add images and layers to the same store at the same time.
     */
    private static void assertFailsAndLeavesNothing(VainaCli vaina, PushedImage image, String expectedInError) {
        Result pull = vaina.run(PULL, "pull", "--tls-verify=false", image.reference()).assertExitCode(125);
        assertTrue(pull.stderr().contains("Error:") && pull.stderr().contains(expectedInError), pull::describe);
        Result images = vaina.run("images", "--digests", "--no-trunc").assertSuccess();
        assertFalse(images.stdout().contains(image.repository()), "images after a failed pull:\n" + images.stdout());
        assertEquals(1, vaina.run("image", "exists", image.reference()).exitCode());
        List<String> layers = StorePaths.layerEntries(vaina);
        for (TestLayer layer : image.layers()) {
            String diffIdHex = layer.diffId().substring("sha256:".length());
            assertFalse(layers.contains(diffIdHex), "layer " + layer.diffId() + " of the failed pull is in "
                    + StorePaths.layers(vaina));
        }
    }

    // --- crashes and concurrency ---

    @EachMode
    void pullKilledMidway_leavesAUsableStore_andASecondPullSucceeds(VainaCli vaina) {
        PushedImage image = image("big", () -> RegistryImages.pushBig(plain, "big", "latest", BIG_LAYERS, BIG_MIB,
                BIG_SEED));
        try (BackgroundVaina pull = BackgroundVaina.start(vaina, "pull", "--tls-verify=false", image.reference())) {
            pull.awaitOutput("Trying to pull", Duration.ofSeconds(60));
            awaitScratchFiles(vaina, Duration.ofSeconds(3));
            assertTrue(pull.kill(), "the pull finished before it could be killed; the test image is too small:\n"
                    + pull.stdout() + pull.stderr());
        }
        Result images = vaina.run("images").assertSuccess();
        if (images.stdout().contains(image.repository())) {
            // A pull that got to the end before the kill must have left the whole image.
            assertBigImageIsWhole(vaina, image);
        }
        vaina.run(PULL, "pull", "-q", "--tls-verify=false", image.reference()).assertSuccess();
        assertBigImageIsWhole(vaina, image);
    }

    /**
     * Waits (bounded) until the pull has begun to write into the store's scratch space, so the kill lands
     * in the middle of the download rather than before it; after the bound the kill happens anyway.
     */
    private static void awaitScratchFiles(VainaCli vaina, Duration bound) {
        Path scratch = StorePaths.dataRoot(vaina).resolve("tmp");
        long deadline = System.nanoTime() + bound.toNanos();
        while (System.nanoTime() < deadline) {
            try (var entries = Files.list(scratch)) {
                if (entries.findAny().isPresent()) {
                    return;
                }
            } catch (java.io.IOException e) {
                // Not there yet.
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static void assertBigImageIsWhole(VainaCli vaina, PushedImage image) {
        Result sums = vaina.run("run", "--rm", image.reference(), "sha256sum", "/big-1.bin", "/big-2.bin").assertSuccess();
        for (int i = 1; i <= BIG_LAYERS; i++) {
            assertTrue(sums.stdout().contains(RegistryImages.bigFileSha256(BIG_SEED, i, BIG_MIB) + "  /big-" + i + ".bin"),
                    sums::describe);
        }
    }

    @EachMode
    void twoConcurrentPulls_ofImagesSharingALayer_bothSucceedAndRun(VainaCli vaina) {
        // A base layer new to this run, so both pulls really fetch it at the same time.
        TestLayer base = TestLayer.builder().busyboxRootfs().file("shared-base", UUID.randomUUID() + "\n").build();
        String suffix = vaina.mode().label();
        PushedImage a = RegistryImages.push(plain, "shared/a-" + suffix, "latest",
                List.of(base, TestLayer.builder().file("which", "a\n").build()));
        PushedImage b = RegistryImages.push(plain, "shared/b-" + suffix, "latest",
                List.of(base, TestLayer.builder().file("which", "b\n").build()));
        try (BackgroundVaina pullA = BackgroundVaina.start(vaina, "pull", "-q", "--tls-verify=false", a.reference());
                BackgroundVaina pullB = BackgroundVaina.start(vaina, "pull", "-q", "--tls-verify=false", b.reference())) {
            pullA.await(PULL).assertSuccess();
            pullB.await(PULL).assertSuccess();
        }
        assertEquals("a\n", vaina.run("run", "--rm", a.reference(), "cat", "/which").assertSuccess().stdout());
        assertEquals("b\n", vaina.run("run", "--rm", b.reference(), "cat", "/which").assertSuccess().stdout());
    }

    // --- helpers ---

    /** A test that expects a failure must not pass because the command itself is missing. */
    private static void requirePullCommand(VainaCli vaina) {
        vaina.run("pull", "--help").assertSuccess();
    }

    private static String lastImageId(Result pull) {
        Matcher matcher = IMAGE_ID.matcher(pull.stdout());
        String id = null;
        while (matcher.find()) {
            id = matcher.group(1);
        }
        assertTrue(id != null, () -> "no 64-hex image id on a line of its own\n" + pull.describe());
        return id;
    }

    /** An image pushed once per test JVM (both modes pull the same one). */
    private static PushedImage image(String key, Supplier<PushedImage> push) {
        return (PushedImage) lazy.computeIfAbsent("image:" + key, k -> push.get());
    }

    /** A registry variant started once per test JVM, stopped after the class. */
    private static TestRegistry registry(String key, Supplier<TestRegistry> start) {
        return (TestRegistry) lazy.computeIfAbsent("registry:" + key, k -> {
            TestRegistry registry = start.get();
            synchronized (registries) {
                registries.add(registry);
            }
            return registry;
        });
    }

    /**
     * Puts the test CA at DIR/ca.crt where vaina looks by default (/etc/vaina/certs.d/HOST:PORT or the
     * rootless user's $XDG_CONFIG_HOME/vaina/certs.d/HOST:PORT) and removes it, and every directory it
     * had to create, at close.
     */
    private static final class DefaultCertsD implements AutoCloseable {
        private final List<Path> created = new ArrayList<>();

        DefaultCertsD(Path hostDir, Path caCertificate) throws java.io.IOException {
            List<Path> missing = new ArrayList<>();
            for (Path dir = hostDir; dir != null && !Files.exists(dir); dir = dir.getParent()) {
                missing.add(0, dir);
            }
            for (Path dir : missing) {
                Files.createDirectory(dir);
                Files.setPosixFilePermissions(dir, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
                created.add(0, dir);
            }
            Path ca = hostDir.resolve("ca.crt");
            Tools.writeWorldReadable(ca, Files.readString(caCertificate));
            created.add(0, ca);
        }

        @Override
        public void close() throws java.io.IOException {
            for (Path path : created) {
                Files.deleteIfExists(path);
            }
        }
    }
}
