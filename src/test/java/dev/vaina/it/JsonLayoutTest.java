package dev.vaina.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vaina.it.registry.Podman;
import dev.vaina.it.support.EachMode;
import dev.vaina.it.support.JsonLayout;
import dev.vaina.it.support.Result;
import dev.vaina.it.support.TestImages;
import dev.vaina.it.support.VainaCli;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * vaina's inspect and --format json documents are laid out as Podman 4.3.1 lays out the same kind of object,
 * Podman's output being taken from Podman itself: the same spaces per level, only line shapes Podman prints,
 * and the same text before the value of every member both print ({@code "Status": "running"}).
 */
class JsonLayoutTest {
    private static Podman podman;
    private static String podmanContainer;
    private static String podmanImage;
    private static String podmanImages;
    private static String podmanPs;

    @BeforeAll
    static void podmanDocuments() {
        podman = new Podman();
        podman.run("import", TestImages.busyboxTarball().toString(), "localhost/layout-busybox");
        String id = podman.run("create", "--name", "layout", "--net", "none", "-e", "A=<b>&\"é",
                "localhost/layout-busybox", "sleep", "1000").stdout().strip();
        podmanContainer = podman.run("inspect", id).stdout();
        podmanImage = podman.run("image", "inspect", "localhost/layout-busybox").stdout();
        podmanImages = podman.run("images", "--format", "json").stdout();
        podmanPs = podman.run("ps", "-a", "--format", "json").stdout();
    }

    @AfterAll
    static void removePodmanStore() {
        if (podman != null) {
            podman.close();
        }
    }

    @EachMode
    void containerAndImageInspect_imagesAndPsJson_areLaidOutAsPodmans(VainaCli vaina) {
        String image = Images.busybox(vaina);
        String name = "layout-" + vaina.mode();
        String id = vaina.run("create", "--name", name, "-e", "A=<b>&\"é", image, "sleep", "1000").assertSuccess()
                .stdout().strip();
        try {
            Result container = vaina.run("inspect", id).assertSuccess();
            assertSameLayout(podmanContainer, container, 5);
            assertTrue(container.stdout().contains("\"A=<b>&\\\"é\""), "text as it is, not \\u escapes: "
                    + container.describe());
            assertSameLayout(podmanImage, vaina.run("image", "inspect", image).assertSuccess(), 5);
            assertSameLayout(podmanImages, vaina.run("images", "--format", "json").assertSuccess(), 4);
            assertSameLayout(podmanPs, vaina.run("ps", "-a", "--format", "json").assertSuccess(), 2);
        } finally {
            vaina.run("rm", "-f", "-t", "0", id).assertSuccess();
        }
    }

    private static void assertSameLayout(String reference, Result vainaResult, int spaces) {
        JsonLayout podmans = new JsonLayout(reference);
        JsonLayout ours = new JsonLayout(vainaResult.stdout());
        assertEquals(spaces, podmans.indentUnit, "Podman's own indentation changed:\n" + reference);
        assertEquals(podmans.indentUnit, ours.indentUnit, vainaResult::describe);
        assertEquals(List.of(), ours.misindented, vainaResult::describe);
        // The forms of line Podman prints in any of its documents: which members are empty depends on content.
        Set<String> foreign = new java.util.LinkedHashSet<>(ours.shapes);
        for (String document : List.of(podmanContainer, podmanImage, podmanImages, podmanPs)) {
            foreign.removeAll(new JsonLayout(document).shapes);
        }
        assertEquals(Set.of(), foreign, "line shapes Podman never prints:\n" + vainaResult.describe());
        List<String> shared = new ArrayList<>();
        for (Map.Entry<String, String> member : ours.memberPrefixes.entrySet()) {
            String theirs = podmans.memberPrefixes.get(member.getKey());
            if (theirs != null) {
                assertEquals(theirs, member.getValue(), member.getKey() + " in\n" + vainaResult.describe());
                shared.add(member.getKey());
            }
        }
        assertFalse(shared.size() < 5, "too few members in common to compare: " + shared);
    }
}
