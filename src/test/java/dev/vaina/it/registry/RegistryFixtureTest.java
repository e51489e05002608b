package dev.vaina.it.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vaina.it.support.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Proves the registry fixtures with independent clients only (curl, skopeo, podman), so that a failing
 * vaina test points at vaina and not at its fixtures. Needs no installed vaina and no systemd manager.
 */
class RegistryFixtureTest {

    private static final Duration TOOL = Duration.ofMinutes(2);

    @Test
    void plainRegistry_servesThePushedBusyboxToCurlAndSkopeo() throws Exception {
        try (TestRegistry registry = TestRegistry.plain()) {
            PushedImage image = RegistryImages.pushBusybox(registry, "busybox", "latest");
            Result inspect = skopeo("inspect", "--tls-verify=false", "docker://" + image.reference());
            assertTrue(inspect.stdout().contains("\"Digest\": \"" + image.manifestDigest() + "\""), inspect::describe);
            assertTrue(inspect.stdout().contains("\"Architecture\": \"amd64\""), inspect::describe);
            Result manifest = curl("-H", "Accept: " + OciLayout.MANIFEST,
                    registry.baseUrl() + "/v2/busybox/manifests/latest");
            assertEquals(image.manifestDigest(), TestLayer.sha256(manifest.stdout().getBytes()), manifest::describe);
            Path blob = Files.createTempFile("vaina-it-blob", ".tar.gz");
            try {
                curl("-o", blob.toString(), registry.baseUrl() + "/v2/busybox/blobs/" + image.topLayer().digest());
                assertEquals(image.topLayer().digest(), TestLayer.sha256(Files.readAllBytes(blob)));
            } finally {
                Files.deleteIfExists(blob);
            }
        }
    }

    @Test
    void multiLayerImage_carriesItsWhiteoutsAndPodmanPullsIt() throws Exception {
        try (TestRegistry registry = TestRegistry.plain(); Podman podman = new Podman()) {
            PushedImage image = RegistryImages.pushMultiLayer(registry, "layered", "v1");
            assertEquals(3, image.layers().size());
            Path dir = Tools.worldReadableTempDir("vaina-it-dir");
            try {
                skopeo("copy", "--src-tls-verify=false", "docker://" + image.reference(), "dir:" + dir.resolve("image"));
                String third = Tools.runOrFail(TOOL, "tar", "tzf",
                        dir.resolve("image").resolve(image.layers().get(2).digestHex()).toString()).stdout();
                assertTrue(third.contains(".wh.goodbye.txt") && third.contains("data/.wh..wh..opq"), third);
            } finally {
                Tools.deleteTree(dir);
            }
            podman.run("pull", "--tls-verify=false", image.reference());
            Result layers = podman.run("image", "inspect", "--format", "{{len .RootFS.Layers}}", image.reference());
            assertEquals("3", layers.stdout().strip(), layers::describe);
        }
    }

    @Test
    void multiPlatformIndex_offersAmd64AndArm64() {
        try (TestRegistry registry = TestRegistry.plain(); Podman podman = new Podman()) {
            PushedImage image = RegistryImages.pushMultiPlatform(registry, "multi", "latest");
            Result raw = skopeo("inspect", "--raw", "--tls-verify=false", "docker://" + image.reference());
            assertTrue(raw.stdout().contains(OciLayout.INDEX) && raw.stdout().contains("\"arm64\"")
                    && raw.stdout().contains("\"amd64\""), raw::describe);
            podman.run("pull", "--tls-verify=false", "--platform", "linux/arm64", image.reference());
            Result arch = podman.run("image", "inspect", "--format", "{{.Architecture}}", image.reference());
            assertEquals("arm64", arch.stdout().strip(), arch::describe);
        }
    }

    @Test
    void tlsRegistry_needsItsCaAndTheCaIsEnough() throws Exception {
        try (TestRegistry registry = TestRegistry.builder().tls().start()) {
            RegistryImages.pushBusybox(registry, "busybox", "latest");
            Result untrusted = Tools.run(TOOL, List.of("curl", "-sS", "-o", "/dev/null", registry.baseUrl() + "/v2/"));
            assertTrue(untrusted.exitCode() != 0 && untrusted.stderr().contains("certificate"), untrusted::describe);
            curl("--cacert", registry.caCertificate().toString(), registry.baseUrl() + "/v2/");
            Path certDir = ClientFiles.certDir(registry);
            try {
                skopeo("inspect", "--cert-dir", certDir.toString(), "docker://" + registry.reference("busybox", "latest"));
                Result noCa = Tools.run(TOOL, List.of("skopeo", "inspect",
                        "docker://" + registry.reference("busybox", "latest")));
                assertTrue(noCa.exitCode() != 0 && noCa.stderr().contains("certificate"), noCa::describe);
            } finally {
                Tools.deleteTree(certDir);
            }
        }
    }

    @Test
    void htpasswdRegistry_wantsBasicCredentials() {
        try (TestRegistry registry = TestRegistry.builder().htpasswd("alice", "wonderland").start()) {
            RegistryImages.pushBusybox(registry, "busybox", "latest");
            Result anonymous = Tools.run(TOOL, List.of("curl", "-sS", "-o", "/dev/null", "-w", "%{http_code}",
                    registry.baseUrl() + "/v2/"));
            assertEquals("401", anonymous.stdout(), anonymous::describe);
            Result wrong = Tools.run(TOOL, List.of("curl", "-sS", "-o", "/dev/null", "-w", "%{http_code}",
                    "-u", "alice:wrong", registry.baseUrl() + "/v2/"));
            assertEquals("401", wrong.stdout(), wrong::describe);
            curl("-u", registry.credentials(), registry.baseUrl() + "/v2/");
            skopeo("inspect", "--tls-verify=false", "--creds", registry.credentials(),
                    "docker://" + registry.reference("busybox", "latest"));
            Result noCreds = Tools.run(TOOL, List.of("skopeo", "inspect", "--tls-verify=false",
                    "docker://" + registry.reference("busybox", "latest")));
            assertTrue(noCreds.exitCode() != 0, noCreds::describe);
        }
    }

    @Test
    void tokenRegistry_acceptsTheIssuersTokensAndPodmanPullsWithCredentials() {
        try (TestRegistry registry = TestRegistry.builder().token("bob", "builder", false).start();
                Podman podman = new Podman()) {
            PushedImage image = RegistryImages.pushMultiLayer(registry, "private/layered", "latest");
            Result challenge = Tools.run(TOOL, List.of("curl", "-sS", "-D", "-", "-o", "/dev/null",
                    registry.baseUrl() + "/v2/"));
            assertTrue(challenge.stdout().contains("401") && challenge.stdout().contains("Bearer realm=\""
                    + registry.tokenIssuer().realm() + "\""), challenge::describe);
            Result noCreds = podman.runAllowingFailure("pull", "--tls-verify=false", image.reference());
            assertTrue(noCreds.exitCode() != 0, noCreds::describe);
            Result wrong = podman.runAllowingFailure("pull", "--tls-verify=false", "--creds", "bob:wrong", image.reference());
            assertTrue(wrong.exitCode() != 0, wrong::describe);
            int before = registry.tokenIssuer().requestCount();
            podman.run("pull", "--tls-verify=false", "--creds", registry.credentials(), image.reference());
            int used = registry.tokenIssuer().requestCount() - before;
            // One pull of three layers and a config: the client asks once (or twice), not once per blob.
            assertTrue(used >= 1 && used <= 2, "token requests for one pull: " + used + " "
                    + registry.tokenIssuer().requestLog());
        }
    }

    @Test
    void tokenRegistry_withAnonymousPull_servesWithoutCredentialsButRefusesPush() {
        try (TestRegistry registry = TestRegistry.builder().token("bob", "builder", true).start()) {
            PushedImage image = RegistryImages.pushBusybox(registry, "public/busybox", "latest");
            skopeo("inspect", "--tls-verify=false", "docker://" + image.reference());
            Result push = Tools.run(TOOL, List.of("skopeo", "--insecure-policy", "copy", "--dest-tls-verify=false",
                    "--src-tls-verify=false", "docker://" + image.reference(), "docker://" + registry.reference("public/copy", "x")));
            assertTrue(push.exitCode() != 0, push::describe);
        }
    }

    @Test
    void corruptedAndTruncatedBlobs_failDigestVerificationInSkopeo() {
        try (TestRegistry registry = TestRegistry.plain()) {
            PushedImage corrupt = RegistryImages.pushWithFile(registry, "corrupt", "latest", "marker", "corrupt\n");
            PushedImage truncated = RegistryImages.pushWithFile(registry, "truncated", "latest", "marker", "truncated\n");
            RegistryImages.corruptBlob(registry, corrupt.topLayer().digest());
            RegistryImages.truncateBlob(registry, truncated.topLayer().digest());
            for (PushedImage image : List.of(corrupt, truncated)) {
                Path dir = Tools.worldReadableTempDir("vaina-it-dir");
                try {
                    Result copy = Tools.run(TOOL, List.of("skopeo", "copy", "--src-tls-verify=false",
                            "docker://" + image.reference(), "dir:" + dir.resolve("image")));
                    assertTrue(copy.exitCode() != 0, copy::describe);
                    assertTrue(copy.stderr().contains(image.topLayer().digestHex()), copy::describe);
                } finally {
                    Tools.deleteTree(dir);
                }
            }
        }
    }

    @Test
    void hostileImages_holdTheirEscapingEntries() {
        try (TestRegistry registry = TestRegistry.plain()) {
            PushedImage dotdot = RegistryImages.pushDotDotEscape(registry, "hostile/dotdot", "latest");
            PushedImage symlink = RegistryImages.pushSymlinkEscape(registry, "hostile/symlink", "latest");
            String dotdotEntries = tarListing(registry, dotdot);
            assertTrue(dotdotEntries.contains("../escape"), dotdotEntries);
            String symlinkEntries = tarListing(registry, symlink);
            assertTrue(symlinkEntries.contains("link -> /etc") && symlinkEntries.contains("link/x"), symlinkEntries);
        }
    }

    @Test
    void clientFiles_areReadableByEveryUser() throws Exception {
        try (TestRegistry registry = TestRegistry.builder().tls().start()) {
            Path certDir = ClientFiles.certDir(registry);
            Path conf = ClientFiles.registriesConf("unqualified-search-registries = [\"" + registry.host() + "\"]\n");
            Path auth = ClientFiles.authFile(Map.of(registry.host(), "alice:wonderland"));
            try {
                for (Path file : List.of(certDir.resolve("ca.crt"), conf, auth)) {
                    assertTrue(Files.getPosixFilePermissions(file).contains(java.nio.file.attribute.PosixFilePermission.OTHERS_READ),
                            file::toString);
                }
                assertTrue(Files.readString(auth).contains("\"auth\":\"YWxpY2U6d29uZGVybGFuZA==\""), Files.readString(auth));
                assertFalse(Files.readString(conf).isEmpty());
            } finally {
                Tools.deleteTree(certDir);
                Tools.deleteTree(conf.getParent());
                Tools.deleteTree(auth.getParent());
            }
        }
    }

    private static String tarListing(TestRegistry registry, PushedImage image) {
        Path blob = RegistryImages.blobFile(registry, image.topLayer().digest());
        return Tools.runOrFail(TOOL, "tar", "tvzf", blob.toString()).stdout();
    }

    private static Result skopeo(String... args) {
        List<String> command = new ArrayList<>();
        command.add("skopeo");
        command.addAll(List.of(args));
        return Tools.run(TOOL, command).assertSuccess();
    }

    private static Result curl(String... args) {
        List<String> command = new ArrayList<>(List.of("curl", "-sS", "--fail"));
        command.addAll(List.of(args));
        return Tools.run(TOOL, command).assertSuccess();
    }
}
