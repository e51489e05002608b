package dev.vaina.it;

import dev.vaina.it.support.TestImages;
import dev.vaina.it.support.VainaCli;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** The busybox test image, imported once per mode and JVM. */
final class Images {
    static final String BUSYBOX = "localhost/busybox:latest";
    private static final Set<String> IMPORTED = ConcurrentHashMap.newKeySet();

    private Images() {
    }

    static String busybox(VainaCli vaina) {
        if (IMPORTED.add(vaina.mode().label())) {
            vaina.run("import", TestImages.busyboxTarball().toString(), BUSYBOX).assertSuccess();
        }
        return BUSYBOX;
    }
}
