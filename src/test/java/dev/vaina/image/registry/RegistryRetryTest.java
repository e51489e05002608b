package dev.vaina.image.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vaina.it.registry.TestRegistry;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** Transient failures are retried per the policy; without retries the first failure is final. */
class RegistryRetryTest {
    @Test
    void connectionRefused_isRetriedUntilTheRegistryAnswers() throws Exception {
        int port = TestRegistry.unusedPort();
        CompletableFuture<TestRegistry> late = CompletableFuture.supplyAsync(() -> {
            try {
                Thread.sleep(800);
                return TestRegistry.builder().port(port).start();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        try {
            RegistryClient client = new RegistryClient(RegistryEndpoint.insecure("127.0.0.1:" + port),
                    CredentialsProvider.NONE, new RetryPolicy(5, Duration.ofMillis(400)), List.of());
            long start = System.nanoTime();
            client.ping();
            assertTrue(System.nanoTime() - start >= Duration.ofMillis(400).toNanos(), "at least one wait happened");
        } finally {
            late.get().close();
        }
    }

    @Test
    void connectionRefused_withoutRetries_failsAtOnce() throws IOException {
        int port = TestRegistry.unusedPort();
        RegistryClient client = new RegistryClient(RegistryEndpoint.secure("127.0.0.1:" + port), CredentialsProvider.NONE,
                RetryPolicy.NONE, List.of());
        RegistryException e = assertThrows(RegistryException.class, client::ping);
        assertEquals("Tried to ping registry 127.0.0.1:" + port + " but failed because: cannot connect to 127.0.0.1:"
                + port + " over https: connection refused", e.getMessage());
    }
}
