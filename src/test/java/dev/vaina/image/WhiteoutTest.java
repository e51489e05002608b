package dev.vaina.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.vaina.store.StoreLayout;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.UserDefinedFileAttributeView;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** As root: OCI whiteouts become overlayfs whiteouts, and a real overlay mount of the two layers honours them. */
class WhiteoutTest {
    @TempDir
    Path dir;

    @Test
    void whiteoutAndOpaqueDirectory_hideLowerContentInARealOverlayMount() throws Exception {
        StoreLayout layout = StoreAssertions.layoutIn(dir, false);
        LayerExtractor extractor = new LayerExtractor(layout);
        Layer lower = extract(extractor, OverlayLayers.lower().write(dir.resolve("lower.tar")));
        Layer upper = extract(extractor, OverlayLayers.upper().write(dir.resolve("upper.tar")));

        Path whiteout = upper.path().resolve("doomed");
        assertEquals(0020000, LayerExtractorTest.fileType(whiteout), "a character device");
        assertEquals(0L, Files.getAttribute(whiteout, "unix:rdev"), "device 0/0");
        assertEquals("y", opaqueXattr(upper.path().resolve("d")));
        assertFalse(Files.exists(upper.path().resolve("d/.wh..wh..opq"), LinkOption.NOFOLLOW_LINKS));
        assertFalse(Files.exists(upper.path().resolve(".wh.doomed"), LinkOption.NOFOLLOW_LINKS));

        Path mountPoint = Files.createDirectory(dir.resolve("merged"));
        String merged = OverlayLayers.mergedListing(List.of("unshare", "--mount", "--propagation", "private"),
                List.of(upper.path(), lower.path()), mountPoint);

        assertEquals(OverlayLayers.EXPECTED_MERGED, merged);
    }

    private static Layer extract(LayerExtractor extractor, Path tarball) throws IOException {
        try (InputStream in = Files.newInputStream(tarball)) {
            return extractor.extract(in);
        }
    }

    static String opaqueXattr(Path directory) throws IOException {
        UserDefinedFileAttributeView view = Files.getFileAttributeView(directory, UserDefinedFileAttributeView.class);
        ByteBuffer value = ByteBuffer.allocate(view.size(LayerExtractor.OPAQUE_XATTR));
        view.read(LayerExtractor.OPAQUE_XATTR, value);
        return new String(value.array(), StandardCharsets.UTF_8);
    }
}
