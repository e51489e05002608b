package dev.vaina.oci;

import dev.vaina.spec.VolumeMount;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The user's -v bind mounts and the launcher's own bind mounts as OCI mount entries. */
public final class VolumeMounts {
    private static final Set<String> PROPAGATION = Set.of("rprivate", "private", "rshared", "shared", "rslave", "slave");
    private static final Set<String> PASSED_THROUGH = Set.of("ro", "nosuid", "suid", "nodev", "dev", "noexec", "exec");

    private VolumeMounts() {
    }

    public static Map<String, Object> of(VolumeMount volume) {
        Path source = Path.of(volume.source());
        if (!Files.exists(source)) {
            throw new RuntimeSpecException("cannot mount volume " + volume + ": the host path " + source
                    + " does not exist");
        }
        List<String> options = new ArrayList<>();
        options.add(volume.options().contains("bind") ? "bind" : "rbind");
        volume.options().stream().filter(PROPAGATION::contains).findFirst()
                .ifPresentOrElse(options::add, () -> options.add("rprivate"));
        // z and Z relabel for SELinux, which vaina does not manage; rw is the default.
        volume.options().stream().filter(PASSED_THROUGH::contains).forEach(options::add);
        return DefaultMounts.mount(volume.destination(), "bind", source.toString(), options);
    }

    public static Map<String, Object> of(BindMount bind) {
        if (!Files.exists(bind.source())) {
            throw new RuntimeSpecException("cannot bind " + bind.source() + " to " + bind.destination()
                    + " in the container: the host path does not exist");
        }
        List<String> options = new ArrayList<>(List.of("bind", "rprivate"));
        if (bind.readOnly()) {
            options.add("ro");
        }
        return DefaultMounts.mount(bind.destination(), "bind", bind.source().toString(), options);
    }
}
