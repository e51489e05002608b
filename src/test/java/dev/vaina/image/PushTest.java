package dev.vaina.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vaina.image.registry.CredentialsProvider;
import dev.vaina.image.registry.Credentials;
import dev.vaina.image.registry.MediaTypes;
import dev.vaina.image.registry.Platform;
import dev.vaina.image.registry.PullListener;
import dev.vaina.image.registry.RegistryAuthenticationException;
import dev.vaina.image.registry.RegistryClient;
import dev.vaina.image.registry.RegistryEndpoint;
import dev.vaina.image.registry.RetryPolicy;
import dev.vaina.it.registry.RegistryImages;
import dev.vaina.it.registry.TestRegistry;
import dev.vaina.it.registry.Tools;
import dev.vaina.it.support.Result;
import dev.vaina.spec.ImageConfig;
import dev.vaina.spec.ImageReference;
import dev.vaina.store.Json;
import dev.vaina.store.StoreLayout;
import dev.vaina.testsupport.BusyboxRootfs;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pushes to Debian's real registry and checks the result with independent clients only: skopeo reads the
 * manifest and config, podman pulls the image into a private store and runs it.
 */
class PushTest {
    private static final RetryPolicy QUICK = new RetryPolicy(1, Duration.ofMillis(50));
    private static final Duration TOOL = Duration.ofMinutes(3);

    static TestRegistry registry;

    @TempDir
    Path dir;

    @BeforeAll
    static void startRegistry() {
        registry = TestRegistry.plain();
    }

    @AfterAll
    static void stopRegistry() {
        if (registry != null) {
            registry.close();
        }
    }

    private ImageStore store() {
        return new ImageStore(new StoreLayout(dir.resolve("data"), dir.resolve("run"), !RunningUser.isRoot()));
    }

    private static RegistryClient client(TestRegistry target, CredentialsProvider credentials) throws IOException {
        return new RegistryClient(RegistryEndpoint.insecure(target.host()), credentials, QUICK, List.of());
    }

    private ImageRecord importBusybox(ImageStore store) throws IOException {
        Path tarball = BusyboxRootfs.writeTar(Files.createDirectories(dir.resolve("rootfs")));
        return store.importTarball(tarball, ImageReference.parse("localhost/busybox", "localhost"),
                new ImageConfig(List.of("PATH=/bin"), null, List.of("sh"), null, null, null));
    }

    private PushResult push(ImageStore store, ImageRecord image, TestRegistry target, String name, PushFormat format,
            CredentialsProvider credentials, PushListener listener) throws IOException {
        return new ImagePusher(store).push(image, ImageReference.parse(target.host() + "/" + name, "localhost"),
                client(target, credentials), format, listener);
    }

    @Test
    void push_importedBusybox_skopeoSeesItsLayersAndConfig_andPodmanRunsIt() throws Exception {
        ImageStore store = store();
        ImageRecord image = importBusybox(store);
        Events events = new Events();
        PushResult pushed = push(store, image, registry, "pushed/busybox:1", PushFormat.OCI, CredentialsProvider.NONE, events);

        String reference = registry.reference("pushed/busybox", "1");
        Map<String, Object> inspect = skopeoJson("inspect", "--tls-verify=false", "docker://" + reference);
        assertEquals(pushed.manifestDigest(), inspect.get("Digest"));
        assertEquals(pushed.layerDigests(), inspect.get("Layers"));
        Map<String, Object> manifest = skopeoJson("inspect", "--raw", "--tls-verify=false", "docker://" + reference);
        assertEquals(MediaTypes.OCI_MANIFEST, manifest.get("mediaType"));
        assertEquals(pushed.configDigest(), ((Map<?, ?>) manifest.get("config")).get("digest"));
        assertEquals(MediaTypes.OCI_LAYER_GZIP, ((Map<?, ?>) ((List<?>) manifest.get("layers")).get(0)).get("mediaType"));
        // the diff_id the config lists must be the sha256 of the pushed blob, gunzipped: checked on a copy skopeo made
        Path copy = dir.resolve("skopeo-copy");
        Tools.run(TOOL, List.of("skopeo", "copy", "--src-tls-verify=false", "docker://" + reference, "dir:" + copy))
                .assertSuccess();
        String layerHex = pushed.layerDigests().get(0).substring("sha256:".length());
        String diffId;
        try (InputStream in = new GZIPInputStream(Files.newInputStream(copy.resolve(layerHex)))) {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            in.transferTo(new DigestOutputStream(OutputStream.nullOutputStream(), sha256));
            diffId = HexFormat.of().formatHex(sha256.digest());
        }
        Map<String, Object> config = skopeoJson("inspect", "--config", "--tls-verify=false", "docker://" + reference);
        assertEquals(List.of("sha256:" + diffId), ((Map<?, ?>) config.get("rootfs")).get("diff_ids"));
        assertEquals(pushed.configDigest().equals("sha256:" + image.id()), diffId.equals(image.layers().get(0)),
                "the image keeps its id exactly when its layer archives to its recorded diff_id");
        assertEquals(((Map<?, ?>) Json.compact().mapFrom(store.configJson(image)).get("config")).get("Cmd"),
                ((Map<?, ?>) config.get("config")).get("Cmd"), "the rest of the config travels unchanged");
        assertEquals(2, pushed.blobsUploaded());
        assertEquals(List.of("started", "layer " + diffId + " uploaded", "config uploaded",
                "manifest " + pushed.manifestDigest()), events.seen);

        Path podman = dir.resolve("podman");
        Podman.run(podman, "pull", "--tls-verify=false", reference);
        assertEquals("ok\n", Podman.run(podman, "run", "--rm", "--network", "none", reference, "echo", "ok"));
        assertEquals(List.of(), scratch(store), "scratch files are deleted");
    }

    @Test
    void push_pulledMultiLayerImage_keepsWhiteoutsAndOpaqueDirectories() throws Exception {
        RegistryImages.pushMultiLayer(registry, "source/layered", "latest");
        ImageStore store = store();
        ImageRecord image = new ImagePuller(store, List.of()).pull(
                ImageReference.parse(registry.reference("source/layered", "latest"), "localhost"),
                RegistryEndpoint.insecure(registry.host()), CredentialsProvider.NONE, Platform.host(), QUICK,
                PullListener.NONE).image();
        PushResult pushed = push(store, image, registry, "pushed/layered:v2s2", PushFormat.V2S2, CredentialsProvider.NONE,
                PushListener.NONE);

        String reference = registry.reference("pushed/layered", "v2s2");
        Map<String, Object> manifest = skopeoJson("inspect", "--raw", "--tls-verify=false", "docker://" + reference);
        assertEquals(MediaTypes.DOCKER_MANIFEST, manifest.get("mediaType"));
        assertEquals(pushed.configDigest(), ((Map<?, ?>) manifest.get("config")).get("digest"));
        Map<String, Object> inspect = skopeoJson("inspect", "--tls-verify=false", "docker://" + reference);
        assertEquals(pushed.layerDigests(), inspect.get("Layers"));
        assertEquals(3, pushed.layerDigests().size());

        Path podman = dir.resolve("podman");
        Podman.run(podman, "pull", "--tls-verify=false", reference);
        String out = Podman.run(podman, "run", "--rm", "--network", "none", reference, "sh", "-c",
                "cat /hello.txt; ls /data; if [ -e /goodbye.txt ]; then echo goodbye present; else echo goodbye absent; fi");
        assertEquals(RegistryImages.HELLO + "c\ngoodbye absent\n", out);
    }

    @Test
    void pushAgain_uploadsNoBlob() throws Exception {
        ImageStore store = store();
        ImageRecord image = importBusybox(store);
        Events firstEvents = new Events();
        PushResult first = push(store, image, registry, "pushed/again:1", PushFormat.OCI, CredentialsProvider.NONE,
                firstEvents);
        int uploadsBefore = uploads("pushed/again");
        Events events = new Events();
        PushResult second = push(store, image, registry, "pushed/again:2", PushFormat.OCI, CredentialsProvider.NONE,
                events);
        assertEquals(0, second.blobsUploaded());
        assertEquals(first.manifestDigest(), second.manifestDigest(), "the same image gives the same bytes");
        assertEquals(uploadsBefore, uploads("pushed/again"), "the registry saw no upload:\n" + registry.log());
        String diffId = firstEvents.seen.get(1).split(" ")[1];
        assertEquals(List.of("started", "layer " + diffId + " present", "config present",
                "manifest " + second.manifestDigest()), events.seen);
        Map<String, Object> inspect = skopeoJson("inspect", "--tls-verify=false",
                "docker://" + registry.reference("pushed/again", "2"));
        assertEquals(second.manifestDigest(), inspect.get("Digest"));
    }

    @Test
    void pushToHtpasswdRegistry_needsCredentials() throws Exception {
        try (TestRegistry secured = TestRegistry.builder().htpasswd("alice", "wonderland").start()) {
            ImageStore store = store();
            ImageRecord image = importBusybox(store);
            RegistryAuthenticationException refused = assertThrows(RegistryAuthenticationException.class,
                    () -> push(store, image, secured, "private/busybox:1", PushFormat.OCI, CredentialsProvider.NONE,
                            PushListener.NONE));
            assertTrue(refused.getMessage().contains("authentication required")
                    && refused.getMessage().contains(secured.host()), refused.getMessage());
            assertThrows(RegistryAuthenticationException.class, () -> push(store, image, secured, "private/busybox:1",
                    PushFormat.OCI, host -> Optional.of(new Credentials("alice", "wrong")), PushListener.NONE));
            assertEquals(List.of(), scratch(store), "scratch files are deleted after a failure too");

            PushResult pushed = push(store, image, secured, "private/busybox:1", PushFormat.OCI,
                    host -> Optional.of(new Credentials("alice", "wonderland")), PushListener.NONE);
            Map<String, Object> inspect = skopeoJson("inspect", "--tls-verify=false", "--creds", "alice:wonderland",
                    "docker://" + secured.reference("private/busybox", "1"));
            assertEquals(pushed.manifestDigest(), inspect.get("Digest"));
        }
    }

    /** Blob uploads the registry's access log shows for {@code repository}. */
    private static int uploads(String repository) {
        Pattern put = Pattern.compile("\"(PUT|PATCH) /v2/" + Pattern.quote(repository) + "/blobs/uploads/");
        return (int) registry.log().lines().filter(line -> put.matcher(line).find()).count();
    }

    private List<Path> scratch(ImageStore store) throws IOException {
        Path tmp = store.layout().tmp();
        if (!Files.isDirectory(tmp)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(tmp)) {
            return entries.filter(p -> p.getFileName().toString().contains("push")).toList();
        }
    }

    private static Map<String, Object> skopeoJson(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of("skopeo"));
        command.addAll(List.of(args));
        Result result = Tools.run(TOOL, command).assertSuccess();
        return Json.compact().mapFrom(result.stdout().getBytes(StandardCharsets.UTF_8));
    }

    private static final class Events implements PushListener {
        final List<String> seen = new ArrayList<>();

        @Override
        public void started(String destination) {
            seen.add("started");
        }

        @Override
        public void layerDone(String diffIdHex, boolean alreadyPresent) {
            seen.add("layer " + diffIdHex + (alreadyPresent ? " present" : " uploaded"));
        }

        @Override
        public void configDone(String digest, boolean alreadyPresent) {
            seen.add("config" + (alreadyPresent ? " present" : " uploaded"));
        }

        @Override
        public void manifestWritten(String digest) {
            seen.add("manifest " + digest);
        }
    }
}
