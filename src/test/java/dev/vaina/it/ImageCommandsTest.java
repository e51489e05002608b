package dev.vaina.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.jr.ob.JSON;
import dev.vaina.it.support.EachMode;
import dev.vaina.it.support.JsonOutput;
import dev.vaina.it.support.ModePodman;
import dev.vaina.it.support.Result;
import dev.vaina.it.support.TestImages;
import dev.vaina.it.support.VainaCli;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The image verbs as a user sees them: rmi, tag, image inspect/exists/prune, images filters, save and load.
 * Every test works on images of its own names, so the shared busybox image of other tests is never touched.
 */
class ImageCommandsTest {

    private static String importAs(VainaCli vaina, String name) {
        String out = vaina.run("import", TestImages.busyboxTarball().toString(), name).assertSuccess().stdout();
        assertTrue(out.strip().matches("sha256:[0-9a-f]{64}"), out);
        return out.strip().substring("sha256:".length());
    }

    @EachMode
    void rmi_ofAnImageInUse_isRefusedWithExit2_andForceRemovesTheContainerFirst(VainaCli vaina) {
        String image = "localhost/ic-inuse-" + vaina.mode() + ":latest";
        String id = importAs(vaina, image);
        String name = "ic-inuse-" + vaina.mode();
        String container = vaina.run("create", "--name", name, image, "true").assertSuccess().stdout().strip();
        try {
            Result refused = vaina.run("rmi", image).assertExitCode(2);
            assertTrue(refused.stderr().contains("image used by " + container
                    + ": image is in use by a container"), refused::describe);
            assertEquals(0, vaina.run("image", "exists", image).exitCode());

            Result forced = vaina.run("rmi", "-f", image).assertSuccess();
            assertTrue(forced.stdout().contains("Untagged: " + image + "\n"), forced::describe);
            assertTrue(forced.stdout().contains("Deleted: " + id + "\n"), forced::describe);
            RunTest.assertNoContainer(vaina, name);
            assertEquals(1, vaina.run("image", "exists", id).exitCode());
        } finally {
            vaina.run("rm", "-f", "-t", "0", name);
            vaina.run("rmi", "-f", id);
        }
    }

    @EachMode
    void rmi_untagsASharedName_deletesTheLastOne_andReportsUnknownImagesWithExit1(VainaCli vaina) {
        String image = "localhost/ic-tags-" + vaina.mode() + ":latest";
        String other = "localhost/ic-tags-other-" + vaina.mode() + ":2";
        String id = importAs(vaina, image);
        vaina.run("tag", image, other).assertSuccess();

        Result byIdWithTwoTags = vaina.run("rmi", id.substring(0, 12)).assertExitCode(125);
        assertTrue(byIdWithTwoTags.stderr().contains("by ID with more than one tag"), byIdWithTwoTags::describe);

        Result untag = vaina.run("image", "rm", other).assertSuccess();
        assertEquals("Untagged: " + other + "\n", untag.stdout());
        assertEquals(0, vaina.run("image", "exists", image).exitCode());
        assertEquals(1, vaina.run("image", "exists", other).exitCode());

        Result delete = vaina.run("rmi", image).assertSuccess();
        assertEquals("Untagged: " + image + "\nDeleted: " + id + "\n", delete.stdout());
        assertEquals(1, vaina.run("image", "exists", id).exitCode());
        assertEquals("", vaina.run("image", "exists", id).stdout());

        Result unknown = vaina.run("rmi", "ic-nosuch").assertExitCode(1);
        assertTrue(unknown.stderr().contains("ic-nosuch: image not known"), unknown::describe);
    }

    /**
     * untag as Podman's: names taken off one by one or all at once, the image kept without a name; an unknown name,
     * an invalid one and an unknown image refused with Podman's exit code (and its message for the first and last).
     * A list with an unknown name takes none off (Podman takes off those before it): not compared.
     */
    @EachMode
    void untag_takesNamesOff_asPodmanDoes(VainaCli vaina) {
        String image = "localhost/ic-untag-" + vaina.mode();
        String id = importAs(vaina, image + ":base");
        try (ModePodman podman = ModePodman.start(vaina)) {
            podman.run("import", TestImages.busyboxTarball().toString(), image + ":base").assertSuccess();
            List<List<String>> steps = List.of(
                    List.of("tag", image + ":base", image + ":1", "ic-untag-short:2"),
                    List.of("untag", image + ":base", "ic-untag-nosuch"),
                    List.of("untag", image + ":base", "Bad Name"),
                    List.of("untag", image + ":base", image + ":1"),
                    List.of("untag", image + ":base", "ic-untag-short:2"),
                    List.of("tag", image + ":base", image + ":3"),
                    List.of("untag", image + ":3"),
                    List.of("untag", "ic-untag-nosuch-image"));
            for (List<String> step : steps) {
                Result theirs = podman.run(step.toArray(String[]::new));
                Result ours = vaina.run(step.toArray(String[]::new));
                assertEquals(theirs.exitCode(), ours.exitCode(), step + ": " + theirs.describe() + ours.describe());
                assertEquals(theirs.stdout(), ours.stdout(), step + ": " + ours.describe());
                if (!step.contains("Bad Name")) {
                    assertEquals(theirs.stderr(), ours.stderr(), step + ": " + ours.describe());
                }
                assertEquals(tags(podman.run("images", "--format", "{{.Repository}}:{{.Tag}}").assertSuccess()),
                        tags(vaina.run("images", "--format", "{{.Repository}}:{{.Tag}}").assertSuccess()), step.toString());
            }
            // Without a name, the image is still there, found by its id.
            assertEquals(List.of(), inspect(vaina, id).get("RepoTags"));
        } finally {
            vaina.run("rmi", "-f", id);
        }
    }

    /** The names of a listing that belong to this test, sorted. */
    private static List<String> tags(Result images) {
        return images.stdout().lines().filter(l -> l.contains("ic-untag")).sorted().toList();
    }

    @EachMode
    void tag_validatesEveryName_andMovesANameFromAnotherImage(VainaCli vaina) {
        String first = importAs(vaina, "localhost/ic-tag-a-" + vaina.mode());
        String second = importAs(vaina, "localhost/ic-tag-b-" + vaina.mode());
        String shared = "ic-tag-shared-" + vaina.mode() + ":v1";
        try {
            vaina.run("tag", first, shared).assertSuccess();
            assertTrue(inspect(vaina, shared).get("Id").equals(first));
            vaina.run("image", "tag", second, shared).assertSuccess();
            assertEquals(second, inspect(vaina, shared).get("Id"));
            assertEquals(List.of("localhost/ic-tag-a-" + vaina.mode() + ":latest"), inspect(vaina, first).get("RepoTags"));

            Result bad = vaina.run("tag", first, "ic-ok-" + vaina.mode(), "Bad:Name").assertExitCode(125);
            assertTrue(bad.stderr().contains("invalid reference format"), bad::describe);
            assertEquals(1, vaina.run("image", "exists", "ic-ok-" + vaina.mode()).exitCode(),
                    "no name is added when one of them is invalid");
            vaina.run("tag", "ic-nosuch", "ic-whatever").assertExitCode(125);
        } finally {
            vaina.run("rmi", "-f", first);
            vaina.run("rmi", "-f", second);
        }
    }

    @EachMode
    void imageInspect_printsPodmansShape(VainaCli vaina) {
        String image = "localhost/ic-inspect-" + vaina.mode() + ":latest";
        String id = importAs(vaina, image);
        try {
            Map<String, Object> json = inspect(vaina, image);
            assertEquals(id, json.get("Id"));
            assertEquals(List.of(image), json.get("RepoTags"));
            assertTrue(json.containsKey("RepoDigests") && json.containsKey("Digest") && json.containsKey("Created"));
            assertTrue(json.get("Config") instanceof Map, json::toString);
            assertTrue(json.get("Architecture") instanceof String && "linux".equals(json.get("Os")), json::toString);
            assertTrue(((Number) json.get("Size")).longValue() > 1000, json::toString);
            Map<?, ?> rootfs = (Map<?, ?>) json.get("RootFS");
            assertEquals("layers", rootfs.get("Type"));
            List<?> layers = (List<?>) rootfs.get("Layers");
            assertEquals(1, layers.size());
            assertTrue(layers.get(0).toString().matches("sha256:[0-9a-f]{64}"), layers::toString);

            Result unknown = vaina.run("image", "inspect", "ic-nosuch").assertExitCode(125);
            assertTrue(unknown.stderr().contains("ic-nosuch: image not known"), unknown::describe);
        } finally {
            vaina.run("rmi", "-f", id);
        }
    }

    @EachMode
    void images_filtersQuietAndJson(VainaCli vaina) throws Exception {
        String prefix = "ic-filter-" + vaina.mode();
        String older = importAs(vaina, "localhost/" + prefix + "-one");
        String newer = importAs(vaina, "localhost/" + prefix + "-two:v2");
        try {
            Result byReference = vaina.run("images", "-q", "--no-trunc", "--filter", "reference=" + prefix + "-*")
                    .assertSuccess();
            assertEquals("sha256:" + newer + "\nsha256:" + older + "\n", byReference.stdout());
            assertEquals(newer.substring(0, 12) + "\n", vaina.run("images", "-q", "--filter",
                    "reference=localhost/" + prefix + "-two:v2").assertSuccess().stdout());
            assertEquals(newer.substring(0, 12) + "\n", vaina.run("image", "ls", "-q", "--filter",
                    "reference=" + prefix + "-*", "--filter", "since=" + older).assertSuccess().stdout());
            assertEquals(older.substring(0, 12) + "\n", vaina.run("images", "-q", "--filter",
                    "reference=" + prefix + "-*", "--filter", "before=" + newer).assertSuccess().stdout());
            assertFalse(vaina.run("images", "-q", "--filter", "dangling=true").assertSuccess().stdout()
                    .contains(older.substring(0, 12)));

            Result json = vaina.run("images", "--format", "json", "--filter", "reference=*" + prefix + "-two*")
                    .assertSuccess();
            List<?> list = JSON.std.listFrom(json.stdout());
            assertEquals(1, list.size(), json::describe);
            Map<?, ?> entry = (Map<?, ?>) list.get(0);
            assertEquals(newer, entry.get("Id"));
            assertEquals(List.of("localhost/" + prefix + "-two:v2"), entry.get("RepoTags"));
            assertEquals(List.of("localhost/" + prefix + "-two:v2"), entry.get("Names"));

            Result digests = vaina.run("images", "--digests", "--filter", "reference=" + prefix + "-one").assertSuccess();
            assertTrue(digests.stdout().startsWith("REPOSITORY") && digests.stdout().contains("DIGEST"), digests::describe);
            vaina.run("images", "--filter", "colour=blue").assertExitCode(125);
        } finally {
            vaina.run("rmi", "-f", older);
            vaina.run("rmi", "-f", newer);
        }
    }

    @EachMode
    void imagePrune_removesDanglingImages_andWithAllEveryUnusedOne(VainaCli vaina) throws Exception {
        String name = "localhost/ic-prune-" + vaina.mode() + ":latest";
        String first = importAs(vaina, name);
        String second = importAs(vaina, name); // takes the name: the first image is now dangling
        try {
            Result dangling = vaina.run("images", "-q", "--no-trunc", "--filter", "dangling=true").assertSuccess();
            assertTrue(dangling.stdout().contains("sha256:" + first), dangling::describe);
            Result prune = vaina.run("image", "prune", "-f").assertSuccess();
            assertTrue(prune.stdout().contains(first + "\n"), prune::describe);
            assertEquals(1, vaina.run("image", "exists", first).exitCode());
            assertEquals(0, vaina.run("image", "exists", second).exitCode());
        } finally {
            vaina.run("rmi", "-f", first);
            vaina.run("rmi", "-f", second);
        }

        // -a removes tagged images too: in a store of its own, so other tests' images stay
        Path root = sharedTempDir("vaina-ic-prune-root");
        Path runRoot = sharedTempDir("vaina-ic-prune-run");
        String[] store = {"--root", root.toString(), "--runroot", runRoot.toString()};
        String kept = vaina.run(concat(store, "import", TestImages.busyboxTarball().toString(), "ic-all"))
                .assertSuccess().stdout().strip().substring(7);
        Result all = vaina.run(concat(store, "image", "prune", "-a", "-f")).assertSuccess();
        assertEquals(kept + "\n", all.stdout());
        assertEquals("", vaina.run(concat(store, "images", "-q")).assertSuccess().stdout());
    }

    @EachMode
    void saveThenLoad_inBothFormats_givesARunnableImage(VainaCli vaina) throws Exception {
        String image = "localhost/ic-save-" + vaina.mode() + ":latest";
        String id = importAs(vaina, image);
        Path dir = sharedTempDir("vaina-ic-save");
        Path docker = dir.resolve("docker.tar");
        Path oci = dir.resolve("oci.tar");
        vaina.run("save", "-o", docker.toString(), image).assertSuccess();
        vaina.run("image", "save", "--format", "oci-archive", "-o", oci.toString(), image).assertSuccess();
        vaina.run("rmi", id).assertSuccess();

        Result load = vaina.run("load", "-i", docker.toString()).assertSuccess();
        assertEquals("Loaded image: " + image + "\n", load.stdout());
        assertEquals("saved and loaded\n", vaina.run("run", "--rm", image, "echo", "saved and loaded").assertSuccess().stdout());
        String loadedId = (String) inspect(vaina, image).get("Id");
        vaina.run("rmi", image).assertSuccess();

        Result fromStdin = vaina.exec(List.of("sh", "-c", "gzip -c " + oci + " | " + vaina.vainaExecutable() + " load"))
                .assertSuccess();
        assertEquals("Loaded image: " + image + "\n", fromStdin.stdout());
        assertEquals(loadedId, inspect(vaina, image).get("Id"), "both formats carry the same config");
        assertEquals("app\n", vaina.run("run", "--rm", "--user", "app", image, "sh", "-c", "id -un").assertSuccess().stdout());
        vaina.run("rmi", image).assertSuccess();

        Result broken = vaina.run("load", "-i", dir.resolve("missing.tar").toString()).assertExitCode(125);
        assertTrue(broken.stderr().contains("Tried to load images from"), broken::describe);
    }

    @EachMode
    void podmansArchive_loadsAndRuns(VainaCli vaina) throws Exception {
        Path dir = sharedTempDir("vaina-ic-podman");
        Path archive = PodmanArchive.busybox(dir, "localhost/ic-podman:latest");
        Result load = vaina.run("load", "-i", archive.toString()).assertSuccess();
        assertEquals("Loaded image: localhost/ic-podman:latest\n", load.stdout());
        try {
            assertEquals("made by podman\n", vaina.run("run", "--rm", "localhost/ic-podman", "echo", "made by podman")
                    .assertSuccess().stdout());
        } finally {
            vaina.run("rmi", "-f", "localhost/ic-podman");
        }
    }

    /**
     * history shows a layer's size as the layer was stored: its tar stream's whole length, what follows the archive's
     * end included, as Podman counts it. Kept beside the layer (image.LayerSizes), where it was measured again by
     * writing the layer's tree as a tar, every file read, which gave the size without that padding.
     */
    @EachMode
    void history_showsEachLayersSizeAsStored_asPodmanDoes(VainaCli vaina) throws Exception {
        Path dir = sharedTempDir("vaina-ic-history");
        Path padded = dir.resolve("padded.tar");
        byte[] tar = Files.readAllBytes(TestImages.busyboxTarball());
        Files.write(padded, Arrays.copyOf(tar, tar.length + (1 << 20))); // a MiB of zeros after the archive's end
        Files.setPosixFilePermissions(padded, PosixFilePermissions.fromString("rw-r--r--"));
        String name = "localhost/ic-history-" + vaina.mode();
        try (ModePodman podman = ModePodman.start(vaina)) {
            vaina.run("import", padded.toString(), name).assertSuccess();
            podman.run("import", padded.toString(), name).assertSuccess();
            String theirs = podman.run("history", "--format", "{{.Size}}", name).assertSuccess().stdout();
            assertEquals(theirs, vaina.run("history", "--format", "{{.Size}}", name).assertSuccess().stdout());
            assertFalse(theirs.equals(podman.run("history", "--format", "{{.Size}}", ModePodman.BUSYBOX).assertSuccess()
                    .stdout()), "the padding counts: " + theirs);
        } finally {
            vaina.run("rmi", name);
            dev.vaina.store.FileTrees.delete(dir);
        }
    }

    private static Map<String, Object> inspect(VainaCli vaina, String image) {
        return JsonOutput.onlyObject(vaina.run("image", "inspect", image));
    }

    /** A fresh directory every test user may write to (the rootless user writes archives into it). */
    static Path sharedTempDir(String prefix) throws IOException {
        Path dir = Files.createTempDirectory(prefix);
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxrwxrwx"));
        return dir;
    }

    private static String[] concat(String[] first, String... rest) {
        List<String> all = new ArrayList<>(List.of(first));
        all.addAll(List.of(rest));
        return all.toArray(String[]::new);
    }

    /** A docker-archive made by Podman (as the user running the tests, in a private store), readable by all. */
    static final class PodmanArchive {
        private PodmanArchive() {
        }

        static Path busybox(Path dir, String name) throws IOException, InterruptedException {
            // Podman refuses a runroot of more than 50 characters: its store gets a short path of its own.
            Path store = Files.createTempDirectory("vp");
            Path archive = dir.resolve("podman.tar");
            try {
                podman(store, "import", TestImages.busyboxTarball().toString(), name);
                podman(store, "save", "-o", archive.toString(), name);
            } finally {
                dev.vaina.store.FileTrees.delete(store);
            }
            Files.setPosixFilePermissions(archive, PosixFilePermissions.fromString("rw-r--r--"));
            return archive;
        }

        private static void podman(Path store, String... args) throws IOException, InterruptedException {
            List<String> command = new ArrayList<>(List.of("podman", "--root", store.resolve("root").toString(),
                    "--runroot", store.resolve("run").toString(), "--storage-driver", "vfs"));
            command.addAll(List.of(args));
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (process.waitFor() != 0) {
                throw new AssertionError("podman (the independent implementation this test checks against) failed: "
                        + String.join(" ", command) + "\n" + output);
            }
        }
    }
}
