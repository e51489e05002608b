package dev.vaina.oci;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.jr.ob.JSON;
import dev.vaina.spec.json.JsonOutput;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SeccompProfileTest {
    private static final Path FIXTURES = Path.of("src/test/resources/fixtures/oci");
    private static final SeccompArch X86_64 = new SeccompArch("SCMP_ARCH_X86_64", "amd64");
    private static final SeccompArch S390X = new SeccompArch("SCMP_ARCH_S390X", "s390x");
    private static final KernelVersion KERNEL_6_1 = new KernelVersion(6, 1);

    @Test
    void installedProfile_convertsExactlyAsPodmanDoesForTheDefaultCapabilities() throws IOException {
        Map<String, Object> ours = SeccompProfile.load(SeccompProfile.DEFAULT_PATH)
                .toOci(X86_64, Capabilities.DEFAULT, KERNEL_6_1);
        // Written by podman 4.3.1 (containers/common 0.50.1) on this machine for `podman init`.
        Map<String, Object> podman = JSON.std.mapFrom(FIXTURES.resolve("podman-4.3.1-seccomp-default-caps.json").toFile());
        assertEquals(JSON.std.asString(podman), JSON.std.asString(JSON.std.mapFrom(JSON.std.asString(ours))));
    }

    @Test
    void installedProfile_readByVainasReader_convertsToWhatJacksonJrsReadingConvertedTo() throws IOException {
        byte[] text = Files.readAllBytes(SeccompProfile.DEFAULT_PATH);
        SeccompProfile ours = SeccompProfile.load(SeccompProfile.DEFAULT_PATH);
        SeccompProfile jacksons = new SeccompProfile(SeccompProfile.DEFAULT_PATH, JSON.std.mapFrom(text));
        List<String> admin = new ArrayList<>(Capabilities.DEFAULT);
        admin.addAll(List.of("CAP_SYS_ADMIN", "CAP_SYS_BOOT", "CAP_BPF"));
        SeccompArch arm64 = new SeccompArch("SCMP_ARCH_AARCH64", "arm64");
        for (SeccompArch arch : List.of(X86_64, S390X, arm64, SeccompArch.host())) {
            for (List<String> caps : List.of(Capabilities.DEFAULT, admin, List.<String>of())) {
                for (KernelVersion kernel : List.of(new KernelVersion(4, 4), KERNEL_6_1)) {
                    Map<String, Object> expected = jacksons.toOci(arch, caps, kernel);
                    Map<String, Object> actual = ours.toOci(arch, caps, kernel);
                    // equals tells an Integer from a Long: the numbers were read as the same classes too.
                    assertEquals(expected, actual, arch + " " + caps + " " + kernel);
                    assertEquals(JSON.std.asString(expected), JsonOutput.compact().value(actual).toString());
                }
            }
        }
    }

    @Test
    void invalidProfile_failsNamingTheFileAndWhatIsWrong(@TempDir Path dir) throws IOException {
        Path trailingComma = Files.writeString(dir.resolve("comma.json"), "{\"defaultAction\": \"SCMP_ACT_ERRNO\",}");
        RuntimeSpecException e = assertThrows(RuntimeSpecException.class, () -> SeccompProfile.load(trailingComma));
        assertEquals("the seccomp profile " + trailingComma + ": expected a property name at offset 35, found '}'",
                e.getMessage());
        Path array = Files.writeString(dir.resolve("array.json"), "[]");
        e = assertThrows(RuntimeSpecException.class, () -> SeccompProfile.load(array));
        assertEquals("the seccomp profile " + array + ": expected a JSON object, found an array", e.getMessage());
    }

    @Test
    void installedProfile_x86_64_includesItsSubArchitecturesAndAmd64OnlyCalls() {
        Map<String, Object> oci = installed(Capabilities.DEFAULT);
        assertEquals(List.of("SCMP_ARCH_X86_64", "SCMP_ARCH_X86", "SCMP_ARCH_X32"), oci.get("architectures"));
        assertEquals(38, oci.get("defaultErrnoRet"));
        assertTrue(rulesFor(oci, "arch_prctl").stream().anyMatch(r -> r.get("action").equals("SCMP_ACT_ALLOW")));
        assertTrue(rulesFor(oci, "s390_pci_mmio_read").isEmpty(), "s390-only call kept on x86_64");
        assertTrue(rulesFor(oci, "sync_file_range2").isEmpty(), "ppc64le-only call kept on x86_64");
    }

    @Test
    void installedProfile_capabilityRules_followTheCapabilitySet() {
        Map<String, Object> withChroot = installed(Capabilities.DEFAULT);
        assertEquals(List.of("SCMP_ACT_ALLOW"), actions(withChroot, "chroot"));
        assertEquals(List.of("SCMP_ACT_ERRNO"), actions(withChroot, "bpf"));
        assertEquals(1, rulesFor(withChroot, "bpf").get(0).get("errnoRet"));

        List<String> withoutChroot = new ArrayList<>(Capabilities.DEFAULT);
        withoutChroot.remove("CAP_SYS_CHROOT");
        withoutChroot.add("CAP_SYS_ADMIN");
        Map<String, Object> admin = installed(withoutChroot);
        assertEquals(List.of("SCMP_ACT_ERRNO"), actions(admin, "chroot"));
        assertEquals(List.of("SCMP_ACT_ALLOW"), actions(admin, "bpf"));
    }

    @Test
    void installedProfile_allowsCloneAndRebootUnconditionally() {
        // containers-common 0.50 leaves clone to the user namespace and reboot to the kernel, which
        // refuses it without CAP_SYS_BOOT in the container's PID namespace; Docker's profile differs.
        Map<String, Object> oci = installed(List.of());
        assertEquals(List.of("SCMP_ACT_ALLOW"), actions(oci, "reboot"));
        assertEquals(List.of("SCMP_ACT_ALLOW"), actions(oci, "clone"));
    }

    @Test
    void dockerStyleProfile_rebootNeedsCapSysBoot() {
        assertEquals(List.of(), actions(dockerStyle(X86_64, Capabilities.DEFAULT), "reboot"));
        List<String> withBoot = new ArrayList<>(Capabilities.DEFAULT);
        withBoot.add("CAP_SYS_BOOT");
        assertEquals(List.of("SCMP_ACT_ALLOW"), actions(dockerStyle(X86_64, withBoot), "reboot"));
    }

    @Test
    void dockerStyleProfile_cloneFlagsAreCheckedOnTheArgumentTheArchitectureUses() {
        Map<String, Object> x86 = dockerStyle(X86_64, Capabilities.DEFAULT);
        assertEquals(1, rulesFor(x86, "clone").size());
        assertEquals(List.of(Map.of("index", 0, "value", 2114060288, "op", "SCMP_CMP_MASKED_EQ")),
                rulesFor(x86, "clone").get(0).get("args"));
        assertEquals(38, rulesFor(x86, "clone3").get(0).get("errnoRet"));

        Map<String, Object> s390 = dockerStyle(S390X, Capabilities.DEFAULT);
        assertEquals(List.of("SCMP_ARCH_S390X", "SCMP_ARCH_S390"), s390.get("architectures"));
        assertEquals(1, ((Map<?, ?>) ((List<?>) rulesFor(s390, "clone").get(0).get("args")).get(0)).get("index"));
    }

    @Test
    void dockerStyleProfile_capSysAdminReplacesTheFlagFilterWithAPlainAllow() {
        List<String> admin = new ArrayList<>(Capabilities.DEFAULT);
        admin.add("CAP_SYS_ADMIN");
        Map<String, Object> oci = dockerStyle(X86_64, admin);
        assertEquals(1, rulesFor(oci, "clone").size());
        assertFalse(rulesFor(oci, "clone").get(0).containsKey("args"));
        assertEquals(List.of("SCMP_ACT_ALLOW"), actions(oci, "clone3"));
    }

    @Test
    void dockerStyleProfile_minKernelIncludesAndExcludes() {
        Map<String, Object> modern = dockerStyle(X86_64, List.of());
        assertTrue(rulesFor(modern, "futuristic").isEmpty());
        assertTrue(rulesFor(modern, "legacy_only").isEmpty());
        Map<String, Object> old = SeccompProfile.load(FIXTURES.resolve("seccomp-docker-style.json"))
                .toOci(X86_64, List.of(), new KernelVersion(4, 4));
        assertEquals(List.of("SCMP_ACT_ALLOW"), actions(old, "legacy_only"));
        assertEquals(List.of("SCMP_ACT_LOG"), actions(old, "single_name"));
    }

    @Test
    void missingProfile_failsWithTheWayOut() {
        RuntimeSpecException e = assertThrows(RuntimeSpecException.class,
                () -> SeccompProfile.load(Path.of("/nonexistent/seccomp.json")));
        assertTrue(e.getMessage().contains("/nonexistent/seccomp.json") && e.getMessage().contains("unconfined"),
                e.getMessage());
    }

    @Test
    void hostArchitecture_isKnown() {
        Map<String, Object> oci = SeccompProfile.load(SeccompProfile.DEFAULT_PATH)
                .toOci(SeccompArch.host(), Capabilities.DEFAULT, KernelVersion.host());
        assertEquals(SeccompArch.host().scmpName(), ((List<?>) oci.get("architectures")).get(0));
    }

    private static Map<String, Object> installed(List<String> caps) {
        return SeccompProfile.load(SeccompProfile.DEFAULT_PATH).toOci(X86_64, caps, KERNEL_6_1);
    }

    private static Map<String, Object> dockerStyle(SeccompArch arch, List<String> caps) {
        return SeccompProfile.load(FIXTURES.resolve("seccomp-docker-style.json")).toOci(arch, caps, KERNEL_6_1);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> rulesFor(Map<String, Object> oci, String syscall) {
        return ((List<Map<String, Object>>) oci.get("syscalls")).stream()
                .filter(rule -> ((List<?>) rule.get("names")).contains(syscall))
                .toList();
    }

    private static List<Object> actions(Map<String, Object> oci, String syscall) {
        return rulesFor(oci, syscall).stream().map(rule -> rule.get("action")).toList();
    }

    @Test
    void kernelVersion_parsesAsSplittingOnDotsDashesAndPlusesDid() {
        String alphabet = "01.-+a";
        for (int length = 0; length <= 5; length++) {
            int[] digits = new int[length];
            while (true) {
                StringBuilder text = new StringBuilder();
                for (int digit : digits) {
                    text.append(alphabet.charAt(digit));
                }
                assertEquals(bySplitting(text.toString()), byParsing(text.toString()), text.toString());
                int i = length - 1;
                while (i >= 0 && ++digits[i] == alphabet.length()) {
                    digits[i--] = 0;
                }
                if (i < 0) {
                    break;
                }
            }
        }
        assertEquals(new KernelVersion(6, 1), KernelVersion.parse("6.1.0-18-amd64"));
        assertEquals(new KernelVersion(6, 18), KernelVersion.parse("6.18.44-fc-v1252"));
    }

    /** What the version was read as with String.split("[.\\-+]"), or "error". */
    private static String bySplitting(String text) {
        String[] parts = text.split("[.\\-+]");
        try {
            return new KernelVersion(Integer.parseInt(parts[0]), parts.length > 1 ? Integer.parseInt(parts[1]) : 0).toString();
        } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
            return "error";
        }
    }

    private static String byParsing(String text) {
        try {
            return KernelVersion.parse(text).toString();
        } catch (RuntimeSpecException e) {
            return "error";
        }
    }
}
