package dev.vaina.image.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
    static LocalRegistry registry;
    static OciLayoutWriter.Image image;
    static Path certsRoot;

    @BeforeAll
    static void start(@TempDir Path tempDir) throws Exception {
        dir = tempDir;
        Path pki = Files.createDirectories(dir.resolve("pki"));
        Openssl.run(pki, "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "ca.key", "-out", "ca.crt",
                "-days", "2", "-subj", "/CN=vaina test CA");
        Openssl.run(pki, "req", "-newkey", "rsa:2048", "-nodes", "-keyout", "server.key", "-out", "server.csr",
                "-subj", "/CN=127.0.0.1");
        Files.writeString(pki.resolve("ext.cnf"), "subjectAltName=IP:127.0.0.1\n");
        Openssl.run(pki, "x509", "-req", "-in", "server.csr", "-CA", "ca.crt", "-CAkey", "ca.key", "-CAcreateserial",
                "-out", "server.crt", "-days", "2", "-extfile", "ext.cnf");
        registry = LocalRegistry.start(dir.resolve("registry"), "", "  tls:\n    certificate: " + pki.resolve("server.crt")
                + "\n    key: " + pki.resolve("server.key") + "\n", true);
        image = RegistryAuthTest.writeImage(dir.resolve("layout"));
        registry.copyFromOciLayout(dir.resolve("layout"), "v1", "tls/app", false);
        certsRoot = dir.resolve("certs.d");
        Files.createDirectories(certsRoot.resolve(registry.host()));
        Files.copy(pki.resolve("ca.crt"), certsRoot.resolve(registry.host()).resolve("ca.crt"));
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
        try (LocalRegistry plain = LocalRegistry.start(dir.resolve("plain"))) {
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
