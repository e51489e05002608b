package dev.vaina.image.registry;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vaina.it.registry.RegistryImages;
import dev.vaina.it.registry.TestRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An insecure registry that answered plain HTTP is asked over http first next time, with no TLS set up; one that
 * turned to https is asked over https and forgotten; a registry not marked insecure never reads the list.
 */
class PlainHttpRegistriesTest {
    @TempDir
    Path dir;

    @Test
    void answeredOverHttp_rememberedAndAskedWithoutTlsNextTime() throws IOException {
        Path file = dir.resolve("run/plain-http-registries");
        PlainHttpRegistries remembered = new PlainHttpRegistries(file);
        try (TestRegistry plain = TestRegistry.plain()) {
            OciLayoutWriter.Image image = RegistryAuthTest.writeImage(dir.resolve("layout"));
            RegistryImages.pushLayout(plain, dir.resolve("layout"), "v1", "plain/app", false);

            RegistryHttp first = insecure(plain.host(), remembered);
            first.ping();
            assertTrue(first.setUpTls(), "a registry not remembered is asked over https first");
            assertEquals("http", first.uri("/v2/").getScheme());
            assertEquals(List.of(plain.host()), Files.readAllLines(file));

            RegistryHttp next = insecure(plain.host(), remembered);
            next.ping();
            assertFalse(next.setUpTls(), "a remembered registry is asked over http with no TLS set up");
            assertEquals("http", next.uri("/v2/").getScheme());

            RegistryClient client = new RegistryClient(RegistryEndpoint.insecure(plain.host()), CredentialsProvider.NONE,
                    RetryPolicy.NONE, List.of(), remembered);
            assertEquals(image.manifest().digest(), client.fetchManifest("plain/app", "v1").digest());
            assertArrayEquals(image.configBytes(), client.fetchBlobBytes("plain/app", image.config().digest(), 1 << 20));

            RegistryHttp secure = new RegistryHttp(RegistryEndpoint.secure(plain.host()), CredentialsProvider.NONE,
                    RetryPolicy.NONE, List.of(), remembered);
            RegistryException e = assertThrows(RegistryException.class, secure::ping);
            assertFalse(e.getMessage().contains("over http"), "a secure registry is never asked over http: "
                    + e.getMessage());
        }
    }

    @Test
    void rememberedButNowTls_askedOverHttpsAndForgotten() throws IOException {
        try (TestRegistry tls = TestRegistry.builder().tls().start()) {
            Path file = dir.resolve("plain-http-registries");
            Files.writeString(file, "other.example:5000\n" + tls.host() + "\n");
            RegistryHttp http = insecure(tls.host(), new PlainHttpRegistries(file));
            http.ping();
            assertEquals("https", http.uri("/v2/").getScheme());
            assertEquals(List.of("other.example:5000"), Files.readAllLines(file));
        }
    }

    @Test
    void rememberedAndGone_bothSchemesNamedInTheError() throws IOException {
        try (TestRegistry plain = TestRegistry.plain()) {
            String host = plain.host();
            plain.close();
            Path file = dir.resolve("plain-http-registries");
            Files.writeString(file, host + "\n");
            RegistryHttp http = insecure(host, new PlainHttpRegistries(file));
            RegistryException e = assertThrows(RegistryException.class, http::ping);
            assertTrue(e.getMessage().startsWith("Tried to ping registry " + host + " but failed because: cannot connect"),
                    e.getMessage());
            assertTrue(e.getMessage().contains("over https") && e.getMessage().contains("over http:"), e.getMessage());
            assertEquals(List.of(host), Files.readAllLines(file), "kept: the registry answered neither scheme");
        }
    }

    private static RegistryHttp insecure(String host, PlainHttpRegistries remembered) throws IOException {
        return new RegistryHttp(RegistryEndpoint.insecure(host), CredentialsProvider.NONE, RetryPolicy.NONE, List.of(),
                remembered);
    }
}
