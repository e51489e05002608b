package dev.vaina.image.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vaina.it.registry.RegistryImages;
import dev.vaina.it.registry.TestRegistry;
import dev.vaina.it.registry.TokenIssuer;
import dev.vaina.testsupport.TarBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** Basic (htpasswd) and Bearer (token) authentication against the real registry. */
class RegistryAuthTest {
    static final String USER = "vaina";
    static final String PASSWORD = "s3cret, with \"quotes\"";

    static OciLayoutWriter.Image writeImage(Path dir) throws IOException {
        OciLayoutWriter layout = new OciLayoutWriter(dir);
        byte[] tar = new TarBuilder().dir("etc", 0755).file("etc/hello.txt", "private\n", 0644).toBytes();
        OciLayoutWriter.Image image = layout.image("amd64", List.of(tar));
        layout.tag("v1", image.manifest());
        return image;
    }

    static RegistryClient client(TestRegistry registry, CredentialsProvider creds) throws IOException {
        return new RegistryClient(RegistryEndpoint.insecure(registry.host()), creds, RetryPolicy.NONE, List.of());
    }

    static CredentialsProvider creds(String user, String password) {
        return host -> Optional.of(new Credentials(user, password));
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class Basic {
        Path dir;
        TestRegistry registry;
        OciLayoutWriter.Image image;

        @BeforeAll
        void start(@TempDir Path tempDir) throws Exception {
            dir = tempDir;
            registry = TestRegistry.builder().htpasswd(USER, PASSWORD).start();
            image = writeImage(dir.resolve("layout"));
            RegistryImages.pushLayout(registry, dir.resolve("layout"), "v1", "private/app", false);
        }

        @AfterAll
        void stop() {
            if (registry != null) {
                registry.close();
            }
        }

        @Test
        void rightPassword_pingsAndPulls() throws IOException {
            RegistryClient client = client(registry, creds(USER, PASSWORD));
            client.ping();
            Manifest manifest = client.fetchManifest("private/app", "v1");
            assertEquals(image.manifest().digest(), manifest.digest());
            Path file = dir.resolve("blob");
            try (var blob = client.openBlob("private/app", image.layers().get(0).digest(), file, PullListener.NONE)) {
                blob.transferTo(java.io.OutputStream.nullOutputStream());
            }
            assertEquals(image.layers().get(0).size(), Files.size(file));
        }

        @Test
        void wrongPassword_pingSaysInvalidUsernamePassword() throws IOException {
            RegistryClient client = client(registry, creds(USER, "wrong"));
            RegistryAuthenticationException e = assertThrows(RegistryAuthenticationException.class, client::ping);
            assertTrue(e.getMessage().contains("invalid username/password"), e.getMessage());
            assertTrue(e.getMessage().contains(registry.host()), e.getMessage());
        }

        @Test
        void noCredentials_pullSaysAuthenticationRequired() throws IOException {
            RegistryClient client = client(registry, CredentialsProvider.NONE);
            client.ping(); // without credentials there is nothing to check
            RegistryAuthenticationException e = assertThrows(RegistryAuthenticationException.class,
                    () -> client.fetchManifest("private/app", "v1"));
            assertTrue(e.getMessage().startsWith("Tried to pull manifest v1 from " + registry.host()
                    + "/private/app but failed because: authentication required"), e.getMessage());
        }
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class Bearer {
        Path dir;
        TokenIssuer tokens;
        TestRegistry registry;
        OciLayoutWriter.Image image;

        @BeforeAll
        void start(@TempDir Path tempDir) throws Exception {
            dir = tempDir;
            registry = TestRegistry.builder().token(USER, PASSWORD, false).start();
            tokens = registry.tokenIssuer();
            image = writeImage(dir.resolve("layout"));
            RegistryImages.pushLayout(registry, dir.resolve("layout"), "v1", "private/app", false);
        }

        @AfterAll
        void stop() {
            if (registry != null) {
                registry.close(); // stops its token issuer too
            }
        }

        @Test
        void rightPassword_oneTokenPerScopeForTheClientsLife() throws IOException {
            RegistryClient client = client(registry, creds(USER, PASSWORD));
            client.ping();
            int before = tokens.requestCount();
            Manifest manifest = client.fetchManifest("private/app", "v1");
            assertEquals(image.manifest().digest(), manifest.digest());
            try (var blob = client.openBlob("private/app", image.layers().get(0).digest(), dir.resolve("blob"),
                    PullListener.NONE)) {
                blob.transferTo(java.io.OutputStream.nullOutputStream());
            }
            byte[] config = client.fetchBlobBytes("private/app", image.config().digest(), 1 << 20);
            assertEquals(image.config().size(), config.length);
            assertEquals(1, tokens.requestCount() - before, "the pull token is cached for the client's life");
            assertTrue(tokens.scopes().contains("repository:private/app:pull"), tokens.scopes().toString());
        }

        @Test
        void accessTokenField_isAcceptedToo() throws IOException {
            tokens.useAccessTokenField(true);
            try {
                RegistryClient client = client(registry, creds(USER, PASSWORD));
                assertEquals(image.manifest().digest(), client.fetchManifest("private/app", "v1").digest());
            } finally {
                tokens.useAccessTokenField(false);
            }
        }

        @Test
        void shortLivedToken_isFetchedAgainAfterExpiresIn() throws Exception {
            tokens.expiresIn(2); // valid for 1 s here: the client renews min(5 s, half the lifetime) early
            try {
                RegistryClient client = client(registry, creds(USER, PASSWORD));
                client.ping();
                int before = tokens.requestCount();
                client.fetchManifest("private/app", "v1");
                client.fetchManifest("private/app", "v1");
                assertEquals(1, tokens.requestCount() - before, "still valid: reused");
                Thread.sleep(2200);
                client.fetchManifest("private/app", "v1");
                assertEquals(2, tokens.requestCount() - before, "expired after expires_in: fetched again");
            } finally {
                tokens.expiresIn(300);
            }
        }

        @Test
        void wrongPassword_saysInvalidUsernamePassword() throws IOException {
            RegistryClient client = client(registry, creds(USER, "wrong"));
            RegistryAuthenticationException e = assertThrows(RegistryAuthenticationException.class, client::ping);
            assertTrue(e.getMessage().contains("invalid username/password"), e.getMessage());
            RegistryAuthenticationException pull = assertThrows(RegistryAuthenticationException.class,
                    () -> client(registry, creds(USER, "wrong")).fetchManifest("private/app", "v1"));
            assertTrue(pull.getMessage().contains("invalid username/password"), pull.getMessage());
        }

        @Test
        void anonymous_tokenWithoutAccess_saysAuthenticationRequired() throws IOException {
            RegistryClient client = client(registry, CredentialsProvider.NONE);
            RegistryAuthenticationException e = assertThrows(RegistryAuthenticationException.class,
                    () -> client.fetchManifest("private/app", "v1"));
            assertTrue(e.getMessage().startsWith("Tried to pull manifest v1 from " + registry.host()
                    + "/private/app but failed because: authentication required"), e.getMessage());
        }

        @Test
        void push_uploadsBlobsAndManifestWithAPushToken() throws IOException {
            RegistryClient client = client(registry, creds(USER, PASSWORD));
            Path layer = dir.resolve("layout/blobs/sha256").resolve(image.layers().get(0).digest().substring(7));
            Path config = dir.resolve("layout/blobs/sha256").resolve(image.config().digest().substring(7));
            assertTrue(client.pushBlob("copy/app", image.layers().get(0).digest(), layer, null), "a new blob is sent");
            assertTrue(client.pushBlob("copy/app", image.config().digest(), config, "private/app"), "mounted");
            assertEquals(false, client.pushBlob("copy/app", image.config().digest(), config, null), "already there");
            byte[] manifest = Files.readAllBytes(dir.resolve("layout/blobs/sha256").resolve(image.manifest().digest().substring(7)));
            assertEquals(image.manifest().digest(), client.putManifest("copy/app", "v2", MediaTypes.OCI_MANIFEST, manifest));
            assertTrue(tokens.scopes().contains("repository:copy/app:pull,push"), tokens.scopes().toString());

            Manifest back = client(registry, creds(USER, PASSWORD)).fetchManifest("copy/app", "v2");
            assertEquals(image.manifest().digest(), back.digest());
            assertTrue(registry.accessLines("POST", "/v2/copy/app/blobs/uploads/?mount=").stream()
                    .anyMatch(l -> l.contains("\" 201 ")), "the config blob was mounted from private/app");
        }
    }
}
