package dev.vaina.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.vaina.spec.ImageConfig;
import dev.vaina.spec.ImageReference;
import dev.vaina.store.StoreLayout;
import dev.vaina.testsupport.BusyboxRootfs;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageStoreTaggingTest {
    @TempDir
    Path dir;

    @Test
    void tag_movesTheNameFromAnotherImage_andUntagLeavesADanglingImage() throws IOException {
        StoreLayout layout = StoreAssertions.layoutIn(dir, false);
        ImageStore store = new ImageStore(layout);
        Path tarball = BusyboxRootfs.writeTar(dir);
        ImageRecord a = store.importTarball(tarball, ImageReference.parse("a", "localhost"), ImageConfig.EMPTY);
        ImageRecord b = store.importTarball(tarball, ImageReference.parse("b", "localhost"), ImageConfig.EMPTY);
        ImageReference shared = ImageReference.parse("shared:1", "localhost");

        assertEquals(List.of("localhost/a:latest", "localhost/shared:1"), store.tag(a, shared).repoTags());
        assertEquals(List.of("localhost/b:latest", "localhost/shared:1"), store.tag(b, shared).repoTags());
        assertEquals(List.of("localhost/a:latest"), store.require(a.id()).repoTags());
        assertEquals(b.id(), store.require("shared:1").id());

        assertEquals(List.of(), store.untag(store.require(a.id()), "localhost/a:latest").repoTags());
        assertEquals(List.of(), store.require(a.id()).repoTags(), "the image stays, untagged");
        assertThrows(ImageNotFoundException.class, () -> store.untag(store.require(a.id()), "localhost/a:latest"));
        store.remove(store.require(a.id()));
        assertThrows(ImageNotFoundException.class, () -> store.tag(a, shared));
    }
}
