package dev.vaina.oci;

import java.util.Locale;
import java.util.Map;

/**
 * A machine architecture under its two names in seccomp profiles: libseccomp's (archMap, OCI
 * "architectures") and Go's (a rule's includes.arches / excludes.arches).
 */
public record SeccompArch(String scmpName, String goName) {
    private static final Map<String, SeccompArch> BY_JAVA_NAME = Map.of(
            "amd64", new SeccompArch("SCMP_ARCH_X86_64", "amd64"),
            "x86_64", new SeccompArch("SCMP_ARCH_X86_64", "amd64"),
            "aarch64", new SeccompArch("SCMP_ARCH_AARCH64", "arm64"),
            "ppc64le", new SeccompArch("SCMP_ARCH_PPC64LE", "ppc64le"),
            "s390x", new SeccompArch("SCMP_ARCH_S390X", "s390x"),
            "riscv64", new SeccompArch("SCMP_ARCH_RISCV64", "riscv64"));

    /** The architecture this JVM runs on. */
    public static SeccompArch host() {
        String javaName = System.getProperty("os.arch").toLowerCase(Locale.ROOT);
        SeccompArch arch = BY_JAVA_NAME.get(javaName);
        if (arch == null) {
            throw new RuntimeSpecException("no seccomp architecture known for os.arch \"" + javaName
                    + "\": supported are " + String.join(", ", BY_JAVA_NAME.keySet()));
        }
        return arch;
    }
}
