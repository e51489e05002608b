package dev.vaina.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vaina.it.registry.ClientFiles;
import dev.vaina.it.registry.Podman;
import dev.vaina.it.registry.PushedImage;
import dev.vaina.it.registry.RegistryImages;
import dev.vaina.it.registry.TestRegistry;
import dev.vaina.it.registry.Tools;
import dev.vaina.it.support.EachMode;
import dev.vaina.it.support.JsonOutput;
import dev.vaina.it.support.Result;
import dev.vaina.it.support.VainaCli;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A short name that two stored images match, one from a search registry (docker.io, served by a mirror on
 * 127.0.0.1) and one from another registry: Podman's local lookup order (localhost/NAME, then each
 * unqualified-search registry, then any other registry's NAME) picks one and never fails, for every verb that
 * takes an image name. Podman itself is asked first, so the expectation is the reference engine's.
 */
class ShortNameLookupTest {
    private static final Duration PULL = Duration.ofMinutes(3);
    private static final String HUB_CONTENT = "docker.io, from the mirror\n";
    private static final String OTHER_CONTENT = "the other registry\n";

    private static TestRegistry hubMirror;
    private static TestRegistry other;
    private static PushedImage otherImage;
    private static Path conf;

    @BeforeAll
    static void registries() {
        hubMirror = TestRegistry.plain();
        other = TestRegistry.plain();
        RegistryImages.pushWithFile(hubMirror, "library/hello-world", "latest", "origin", HUB_CONTENT);
        otherImage = RegistryImages.pushWithFile(other, "library/hello-world", "latest", "origin", OTHER_CONTENT);
        // docker.io itself is a dead port on 127.0.0.1: nothing leaves this machine.
        conf = ClientFiles.registriesConf("unqualified-search-registries = [\"docker.io\"]\n"
                + "short-name-mode = \"permissive\"\n\n"
                + "[[registry]]\nprefix = \"docker.io\"\nlocation = \"127.0.0.1:" + TestRegistry.unusedPort() + "\"\n"
                + "insecure = true\n\n[[registry.mirror]]\nlocation = \"" + hubMirror.host() + "\"\ninsecure = true\n\n"
                + "[[registry]]\nlocation = \"" + other.host() + "\"\ninsecure = true\n");
    }

    @AfterAll
    static void stop() {
        if (conf != null) {
            Tools.deleteTree(conf.getParent());
        }
        for (TestRegistry registry : new TestRegistry[] {hubMirror, other}) {
            if (registry != null) {
                registry.close();
            }
        }
    }

    @Test
    void podman_prefersTheSearchRegistry_thenTakesTheOtherOne() {
        try (Podman podman = new Podman(conf)) {
            podman.run("pull", "-q", "--tls-verify=false", otherImage.reference());
            podman.run("pull", "-q", "docker.io/library/hello-world:latest");
            assertEquals(HUB_CONTENT, podman.run("run", "--rm", "--net", "none", "hello-world", "cat", "/origin").stdout());
            assertEquals("[docker.io/library/hello-world:latest]\n",
                    podman.run("image", "inspect", "--format", "{{.RepoTags}}", "hello-world").stdout());
            podman.run("rmi", "hello-world");
            assertEquals("[" + otherImage.reference() + "]\n",
                    podman.run("image", "inspect", "--format", "{{.RepoTags}}", "hello-world").stdout());
        }
    }

    @EachMode
    void shortNameMatchingTwoRegistries_resolvesLikePodman_forEveryVerb(VainaCli vaina) {
        vaina.run(PULL, "pull", "-q", "--tls-verify=false", otherImage.reference()).assertSuccess();
        vaina(vaina, "pull", "-q", "hello-world:latest").assertSuccess();
        try {
            String hubId = imageId(vaina, "docker.io/library/hello-world");
            assertEquals(HUB_CONTENT, vaina(vaina, "run", "--rm", "hello-world", "cat", "/origin").assertSuccess().stdout());
            assertEquals(hubId, imageId(vaina, "hello-world"), "image inspect");
            vaina(vaina, "image", "exists", "hello-world").assertSuccess();
            Result create = vaina(vaina, "create", "hello-world", "true").assertSuccess();
            Object imageName = JsonOutput.onlyObject(vaina(vaina, "inspect", create.stdout().strip())).get("ImageName");
            vaina.run("rm", create.stdout().strip()).assertSuccess();
            assertEquals("docker.io/library/hello-world:latest", imageName, "create");
            vaina(vaina, "tag", "hello-world", "localhost/hello-copy").assertSuccess();
            assertEquals(hubId, imageId(vaina, "localhost/hello-copy"), "tag");
            vaina.run("rmi", "localhost/hello-copy").assertSuccess();

            Result rmi = vaina(vaina, "rmi", "hello-world").assertSuccess();
            assertTrue(rmi.stdout().contains("docker.io/library/hello-world:latest"), rmi::describe);
            assertEquals(OTHER_CONTENT, vaina(vaina, "run", "--rm", "hello-world", "cat", "/origin").assertSuccess()
                    .stdout(), "only the other registry's image is left, and a short name finds it");
        } finally {
            vaina.run("rmi", "-f", "docker.io/library/hello-world").succeeded();
            vaina.run("rmi", "-f", otherImage.reference()).assertSuccess();
        }
    }

    /** vaina with the test's registries.conf, as every verb reads it (not only those with --registries-conf). */
    private static Result vaina(VainaCli vaina, String... args) {
        List<String> command = new ArrayList<>(List.of("env", "VAINA_REGISTRIES_CONF=" + conf,
                vaina.vainaExecutable().toString()));
        command.addAll(List.of(args));
        return vaina.exec(null, PULL, command);
    }

    private static String imageId(VainaCli vaina, String name) {
        return (String) JsonOutput.onlyObject(vaina(vaina, "image", "inspect", name)).get("Id");
    }
}
