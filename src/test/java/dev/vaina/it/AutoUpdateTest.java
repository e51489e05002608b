package dev.vaina.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vaina.it.registry.PushedImage;
import dev.vaina.it.registry.RegistryImages;
import dev.vaina.it.registry.TestLayer;
import dev.vaina.it.registry.TestRegistry;
import dev.vaina.it.support.EachMode;
import dev.vaina.it.support.Engines;
import dev.vaina.it.support.Mode;
import dev.vaina.it.support.ReferencePodman;
import dev.vaina.it.support.Result;
import dev.vaina.it.support.VainaCli;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * `vaina auto-update` against the real registry on 127.0.0.1: a new image pushed under the container's tag moves
 * the container to it (and restarts its unit), --dry-run only reports it, and an image that cannot start is
 * rolled back. The registry is plain HTTP, so every command that reaches it says --tls-verify=false.
 */
class AutoUpdateTest {
    private static final Duration PULL = Duration.ofMinutes(3);
    private static TestRegistry registry;

    @BeforeAll
    static void startRegistry() {
        registry = TestRegistry.plain();
    }

    @AfterAll
    static void stopRegistry() {
        registry.close();
    }

    @EachMode
    void registryPolicy_dryRunReports_updateMovesTheContainer_aBrokenImageIsRolledBack(VainaCli vaina) {
        String m = vaina.mode().label();
        String name = "au-" + m;
        String unit = "container-" + name + ".service";
        PushedImage first = RegistryImages.pushWithFile(registry, "autoupdate-" + m, "latest", "version", "1\n");
        String reference = first.reference();
        vaina.run(PULL, "pull", "-q", "--tls-verify=false", reference).assertSuccess();
        vaina.run("run", "-d", "--name", name, "--label", "io.containers.autoupdate=registry", reference,
                "sleep", "1000").assertSuccess();
        try {
            Result unchanged = vaina.run(PULL, "auto-update", "--tls-verify=false").assertSuccess();
            assertEquals(List.of("UNIT", "CONTAINER", "IMAGE", "POLICY", "UPDATED"), words(unchanged.stdout(), 0),
                    unchanged::describe);
            String oldId = id(vaina, name);
            assertEquals(List.of(unit, oldId.substring(0, 12), "(" + name + ")", reference, "registry", "false"),
                    words(unchanged.stdout(), 1), unchanged::describe);

            RegistryImages.pushWithFile(registry, "autoupdate-" + m, "latest", "version", "2\n");
            Result dryRun = vaina.run(PULL, "auto-update", "--dry-run", "--tls-verify=false", "--format",
                    "{{.Unit}} {{.Policy}} {{.Updated}}").assertSuccess();
            assertEquals(unit + " registry pending\n", dryRun.stdout(), dryRun::describe);
            assertEquals(oldId, id(vaina, name), "a dry run changes nothing");
            assertEquals("1\n", version(vaina, name));

            Result update = vaina.run(PULL, "auto-update", "--tls-verify=false", "--format", "{{.Unit}} {{.Updated}}")
                    .assertSuccess();
            assertEquals(unit + " true\n", update.stdout(), update::describe);
            assertEquals("2\n", version(vaina, name), "the container runs on the new image");
            String secondId = id(vaina, name);
            assertNotEquals(oldId, secondId);
            assertEquals("active\n", vaina.systemctl("is-active", unit).stdout());

            // An image without a shell or sleep: the container cannot start on it, so it goes back to the last one.
            RegistryImages.push(registry, "autoupdate-" + m, "latest",
                    List.of(TestLayer.builder().file("version", "3\n").build()));
            Result rolledBack = vaina.run(PULL, "auto-update", "--tls-verify=false", "--format",
                    "{{.Unit}} {{.Updated}}");
            assertEquals(0, rolledBack.exitCode(), rolledBack::describe);
            assertEquals(unit + " rolled back\n", rolledBack.stdout(), rolledBack::describe);
            assertEquals("2\n", version(vaina, name), "the container runs on the image it ran on before");
            assertEquals("active\n", vaina.systemctl("is-active", unit).stdout());
        } finally {
            vaina.run("rm", "-f", "-t", "0", name);
        }
    }

    /** A definition file's unit makes its container at each start: auto-update pulls and restarts the unit. */
    @EachMode
    void definitionFile_autoUpdateKey_theRestartedUnitMakesTheContainerOnTheNewImage(VainaCli vaina) throws Exception {
        DefinitionFilesTest.installGenerator();
        String m = vaina.mode().label();
        String name = "aud-" + m;
        PushedImage first = RegistryImages.pushWithFile(registry, "autoupdate-def-" + m, "latest", "version", "1\n");
        vaina.run(PULL, "pull", "-q", "--tls-verify=false", first.reference()).assertSuccess();
        DefinitionFilesTest.write(vaina, name + ".container", "[Container]\nImage=" + first.reference()
                + "\nContainerName=" + name + "\nAutoUpdate=registry\nExec=sleep 1000\n");
        try {
            vaina.systemctl("daemon-reload").assertSuccess();
            vaina.systemctl("start", name).assertSuccess();
            assertEquals("1\n", version(vaina, name));
            RegistryImages.pushWithFile(registry, "autoupdate-def-" + m, "latest", "version", "2\n");
            Result update = vaina.run(PULL, "auto-update", "--tls-verify=false", "--format", "{{.Unit}} {{.Updated}}")
                    .assertSuccess();
            assertEquals(name + ".service true\n", update.stdout(), update::describe);
            assertEquals("2\n", version(vaina, name), "the unit made its container on the new image");
            assertEquals("active\n", vaina.systemctl("is-active", name).stdout());
        } finally {
            vaina.systemctl("stop", name);
            DefinitionFilesTest.remove(vaina, name + ".container");
        }
    }

    @EachMode
    void localPolicy_aNewImageOfTheNameInTheStoreMovesTheContainer(VainaCli vaina) {
        String m = vaina.mode().label();
        String name = "aul-" + m;
        String image = "localhost/autoupdate-local-" + m + ":latest";
        vaina.run("tag", Images.busybox(vaina), image).assertSuccess();
        vaina.run("run", "-d", "--name", name, "--label", "io.containers.autoupdate=local", image, "sleep", "1000")
                .assertSuccess();
        try {
            assertEquals("false\n", vaina.run("auto-update", "--format", "{{.Updated}}").assertSuccess().stdout());
            String oldId = id(vaina, name);
            vaina.run("commit", name, image).assertSuccess();
            assertEquals("true\n", vaina.run("auto-update", "--format", "{{.Updated}}").assertSuccess().stdout());
            assertNotEquals(oldId, id(vaina, name));
            assertEquals(vaina.run("image", "inspect", "--format", "{{.Id}}", image).assertSuccess().stdout(),
                    vaina.run("inspect", "--format", "{{.Image}}", name).assertSuccess().stdout());
        } finally {
            vaina.run("rm", "-f", "-t", "0", name);
            vaina.run("rmi", image);
        }
    }

    /** With no labelled container, Podman prints nothing at all and exits 0: so does vaina. */
    @Test
    @Tag(Engines.ROOTFUL_ONLY)
    void nothingToUpdate_printsNothingAsPodman() throws Exception {
        VainaCli vaina = VainaCli.forMode(Mode.ROOTFUL);
        Result ours = vaina.run("--root", "/tmp/vaina-autoupdate-empty", "auto-update");
        try (ReferencePodman podman = ReferencePodman.start()) {
            Result theirs = podman.run("auto-update");
            assertEquals(theirs.exitCode(), ours.exitCode(), ours::describe);
            assertEquals(theirs.stdout(), ours.stdout(), ours::describe);
        }
        vaina.exec(List.of("rm", "-rf", "/tmp/vaina-autoupdate-empty"));
    }

    private static String id(VainaCli vaina, String name) {
        return vaina.run("inspect", "--format", "{{.Id}}", name).assertSuccess().stdout().strip();
    }

    private static String version(VainaCli vaina, String name) {
        return vaina.run("exec", name, "cat", "/version").assertSuccess().stdout();
    }

    private static List<String> words(String table, int line) {
        List<String> lines = table.lines().toList();
        assertTrue(lines.size() > line, table);
        return List.of(lines.get(line).trim().split("\\s+"));
    }
}
