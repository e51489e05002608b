package dev.vaina.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vaina.image.registry.CredentialsProvider;
import dev.vaina.image.registry.OciLayoutWriter;
import dev.vaina.image.registry.Platform;
import dev.vaina.image.registry.PullListener;
import dev.vaina.image.registry.RegistryEndpoint;
import dev.vaina.image.registry.RetryPolicy;
import dev.vaina.it.registry.RegistryImages;
import dev.vaina.it.registry.TestRegistry;
import dev.vaina.spec.ImageReference;
import dev.vaina.store.StoreLayout;
import dev.vaina.testsupport.TarBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A pull killed with SIGKILL mid-download leaves only tmp/ content (the partial blob, the layer extracted so far),
 * and the next pull continues the blob and removes the rest.
 */
class PullCrashTest {
    private static final int BIG = 16 * 1024 * 1024;

    @TempDir
    Path dir;

    /** The pulling process: slowed down by its listener so the test can kill it mid-download. */
    public static void main(String[] args) throws IOException {
        StoreLayout layout = new StoreLayout(Path.of(args[0]), Path.of(args[1]), true);
        ImageReference ref = ImageReference.parse(args[2], "localhost");
        new ImagePuller(new ImageStore(layout), List.of()).pull(ref, RegistryEndpoint.insecure(ref.registry()),
                CredentialsProvider.NONE, Platform.host(), RetryPolicy.NONE, new PullListener() {
                    @Override
                    public void layerProgress(String digest, long bytesSoFar) {
                        try {
                            Thread.sleep(100);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }
                });
    }

    @Test
    void killedMidDownload_leavesOnlyThePartialBlob_andTheNextPullResumes() throws Exception {
        byte[] noise = new byte[BIG];
        new Random(42).nextBytes(noise); // incompressible: the blob is as big as the data
        byte[] tar = new TarBuilder().dir("data", 0755).file("data/noise", noise, 0644, 0, 0).toBytes();
        try (TestRegistry registry = TestRegistry.plain()) {
            OciLayoutWriter layout = new OciLayoutWriter(dir.resolve("layout"));
            OciLayoutWriter.Image image = layout.image("amd64", List.of(tar));
            layout.tag("big", image.manifest());
            RegistryImages.pushLayout(registry, layout.dir(), "big", "test/big", false);
            String digest = image.layers().get(0).digest();

            StoreLayout store = StoreAssertions.layoutIn(dir.resolve("store"), true);
            Path partial = store.tmp().resolve("blobs").resolve(digest.substring(7) + ".partial");
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                    PullCrashTest.class.getName(), store.dataRoot().toString(), store.runRoot().toString(),
                    registry.host() + "/test/big:big")
                    .redirectErrorStream(true).redirectOutput(dir.resolve("child.log").toFile()).start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!(Files.exists(partial) && Files.size(partial) >= 2 * 1024 * 1024)) {
                assertTrue(child.isAlive(), "the pull ended before it could be killed: " + Files.readString(dir.resolve("child.log")));
                assertTrue(System.nanoTime() < deadline, "the download never started");
                Thread.sleep(5);
            }
            child.destroyForcibly(); // SIGKILL: no cleanup code runs
            child.waitFor();

            assertEquals(List.of(), StoreAssertions.children(store.layers()), "no half layer");
            assertEquals(List.of(), StoreAssertions.children(store.images()), "no half record");
            // the layer was being extracted as it arrived: its scratch directory stays until the next pull
            List<String> scratch = StoreAssertions.children(store.tmp());
            assertTrue(scratch.contains("blobs") && scratch.stream().allMatch(n -> n.equals("blobs") || n.contains("-layer-")),
                    scratch.toString());
            long kept = Files.size(partial);
            assertTrue(kept > 0 && kept < image.layers().get(0).size(), "a partial blob of " + kept + " bytes");

            List<Long> resumedAt = new ArrayList<>();
            PulledImage pulled = new ImagePuller(new ImageStore(store), List.of()).pull(
                    ImageReference.parse(registry.host() + "/test/big:big", "localhost"),
                    RegistryEndpoint.insecure(registry.host()), CredentialsProvider.NONE, Platform.host(), RetryPolicy.NONE,
                    new PullListener() {
                        @Override
                        public void layerResumed(String blob, long offset) {
                            resumedAt.add(offset);
                        }
                    });
            assertEquals(List.of(kept), resumedAt, "the download continued where the killed pull stopped");
            assertEquals(BIG, Files.size(new ImageStore(store).layerPaths(pulled.image()).get(0).resolve("data/noise")));
            assertFalse(Files.exists(partial));
            assertEquals(List.of("blobs"), StoreAssertions.children(store.tmp()), "the half-extracted layer was removed");
        }
    }
}
