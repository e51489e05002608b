package dev.vaina.testsupport;

import dev.vaina.image.ImageRecord;
import dev.vaina.image.ImageStore;
import dev.vaina.spec.ImageConfig;
import dev.vaina.spec.ImageReference;
import dev.vaina.store.StoreLayout;
import java.nio.file.Path;

/**
 * Imports tarballs in a JVM of its own, so tests can run an import as another user or two at once:
 * {@code ImportMain DATA_ROOT rootless|rootful NAME=TARBALL...}. Prints "IMAGE id layer-diff-id" per import.
 */
public final class ImportMain {
    private ImportMain() {
    }

    public static void main(String[] args) throws Exception {
        Path dataRoot = Path.of(args[0]);
        boolean rootless = args[1].equals("rootless");
        ImageStore store = new ImageStore(new StoreLayout(dataRoot, dataRoot.resolve("run"), rootless));
        for (int i = 2; i < args.length; i++) {
            String[] nameAndTar = args[i].split("=", 2);
            ImageRecord image = store.importTarball(Path.of(nameAndTar[1]),
                    ImageReference.parse(nameAndTar[0], ImageReference.LOCAL_REGISTRY), ImageConfig.EMPTY);
            System.out.println("IMAGE " + image.id() + " " + image.layers().get(0));
        }
    }
}
