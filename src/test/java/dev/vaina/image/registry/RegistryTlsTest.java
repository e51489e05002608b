package dev.vaina.image.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vaina.it.registry.RegistryImages;
import dev.vaina.it.registry.TestRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** https with a CA made here: trusted through a certs.d directory, refused without it, ignored with tlsVerify=false. */
class RegistryTlsTest {
    static Path dir;
    static TestRegistry registry;
    static OciLayoutWriter.Image image;
    static Path certsRoot;

    @BeforeAll
    static void start(@TempDir Path tempDir) throws Exception {
        dir = tempDir;
        registry = TestRegistry.builder().tls().start();
        image = RegistryAuthTest.writeImage(dir.resolve("layout"));
        RegistryImages.pushLayout(registry, dir.resolve("layout"), "v1", "tls/app", false);
        certsRoot = dir.resolve("certs.d");
        Files.createDirectories(certsRoot.resolve(registry.host()));
        Files.copy(registry.caCertificate(), certsRoot.resolve(registry.host()).resolve("ca.crt"));
    }

    @AfterAll
    static void stop() {
        if (registry != null) {
            registry.close();
        }
    }

    @Test
    void caInCertsD_verifies() throws IOException {
        RegistryClient client = new RegistryClient(RegistryEndpoint.secure(registry.host()), CredentialsProvider.NONE,
                RetryPolicy.NONE, List.of(dir.resolve("no-such-root"), certsRoot));
        client.ping();
        assertEquals(image.manifest().digest(), client.fetchManifest("tls/app", "v1").digest());
    }

    @Test
    void withoutTheCa_failsNamingTls() throws IOException {
        RegistryClient client = new RegistryClient(RegistryEndpoint.secure(registry.host()), CredentialsProvider.NONE,
                RetryPolicy.NONE, List.of());
        RegistryException e = assertThrows(RegistryException.class, () -> client.fetchManifest("tls/app", "v1"));
        assertTrue(e.getMessage().contains("TLS handshake with " + registry.host() + " failed"), e.getMessage());
        assertTrue(e.getMessage().contains("certs.d/" + registry.host()), e.getMessage());
    }

    @Test
    void tlsVerifyFalse_acceptsTheUnknownCa() throws IOException {
        RegistryClient client = new RegistryClient(new RegistryEndpoint(registry.host(), false, false),
                CredentialsProvider.NONE, RetryPolicy.NONE, List.of());
        assertEquals(image.manifest().digest(), client.fetchManifest("tls/app", "v1").digest());
    }

    @Test
    void plainHttpRegistry_onlyReachedWhenMarkedInsecure() throws IOException {
        try (TestRegistry plain = TestRegistry.plain()) {
            RegistryClient secure = new RegistryClient(RegistryEndpoint.secure(plain.host()), CredentialsProvider.NONE,
                    RetryPolicy.NONE, List.of());
            RegistryException e = assertThrows(RegistryException.class, secure::ping);
            assertTrue(e.getMessage().startsWith("Tried to ping registry " + plain.host() + " but failed because:"),
                    e.getMessage());
            RegistryClient insecure = new RegistryClient(RegistryEndpoint.insecure(plain.host()), CredentialsProvider.NONE,
                    RetryPolicy.NONE, List.of());
            insecure.ping(); // https first, then http
        }
    }
}
