package dev.vaina.image.naming;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vaina.spec.InvalidSpecException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ShortNameResolverTest {
    private static final String DIGEST = "sha256:" + "ab".repeat(32);
    private static final ShortNameResolver BASE = new ShortNameResolver(Fixtures.load("base.conf"));

    /**
     * Cases against fixtures/naming/base.conf. Each candidate is written as NAME -> ENDPOINT, ENDPOINT...,
     * an endpoint as its reference, "!" after it when it is insecure.
     */
    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("fullyQualified_dockerHubOneWordGetsLibraryAndMirrorsForTags", "docker.io/busybox",
                        List.of("docker.io/library/busybox:latest -> mirror.local:5000/library/busybox:latest!, "
                                + "tags.mirror.local/hub/library/busybox:latest, docker.io/library/busybox:latest")),
                Arguments.of("fullyQualified_legacyDockerHubHost", "index.docker.io/library/busybox:1.36",
                        List.of("docker.io/library/busybox:1.36 -> mirror.local:5000/library/busybox:1.36!, "
                                + "tags.mirror.local/hub/library/busybox:1.36, docker.io/library/busybox:1.36")),
                Arguments.of("fullyQualified_digestUsesDigestMirrorsNotTagMirrors", "docker.io/library/busybox@" + DIGEST,
                        List.of("docker.io/library/busybox@" + DIGEST + " -> mirror.local:5000/library/busybox@" + DIGEST
                                + "!, digests.mirror.local/library/busybox@" + DIGEST + ", docker.io/library/busybox@" + DIGEST)),
                Arguments.of("fullyQualified_tagAndDigestKept", "docker.io/library/busybox:1.36@" + DIGEST,
                        List.of("docker.io/library/busybox:1.36@" + DIGEST + " -> mirror.local:5000/library/busybox:1.36@"
                                + DIGEST + "!, digests.mirror.local/library/busybox:1.36@" + DIGEST
                                + ", docker.io/library/busybox:1.36@" + DIGEST)),
                Arguments.of("fullyQualified_prefixRewrittenToLocation", "registry.example.com/team/app:1",
                        List.of("registry.example.com/team/app:1 -> internal.example.com:5000/team-images/app:1!")),
                Arguments.of("fullyQualified_wildcardWithoutLocationKeepsHost", "build.corp.example/app:1",
                        List.of("build.corp.example/app:1 -> build.corp.example/app:1!")),
                Arguments.of("fullyQualified_noMatchingRegistryIsSecure", "ghcr.io/owner/app",
                        List.of("ghcr.io/owner/app:latest -> ghcr.io/owner/app:latest")),
                Arguments.of("fullyQualified_localhost", "localhost/foo",
                        List.of("localhost/foo:latest -> localhost/foo:latest")),
                Arguments.of("fullyQualified_hostWithPort", "127.0.0.1:5000/busybox:1",
                        List.of("127.0.0.1:5000/busybox:1 -> 127.0.0.1:5000/busybox:1")),
                Arguments.of("fullyQualified_mirrorByDigestOnlySkipsMirrorsForTags", "quay.io/tools/kit:2",
                        List.of("quay.io/tools/kit:2 -> quay.io/tools/kit:2")),
                Arguments.of("fullyQualified_mirrorByDigestOnlyUsesMirrorsForDigests", "quay.io/tools/kit@" + DIGEST,
                        List.of("quay.io/tools/kit@" + DIGEST + " -> quay-mirror.local/tools/kit@" + DIGEST
                                + ", quay.io/tools/kit@" + DIGEST)),
                Arguments.of("alias_configured", "myapp",
                        List.of("registry.example.com/apps/myapp:latest -> registry.example.com/apps/myapp:latest")),
                Arguments.of("alias_configuredKeepsTag", "myapp:2",
                        List.of("registry.example.com/apps/myapp:2 -> registry.example.com/apps/myapp:2")),
                Arguments.of("alias_withSlash", "tools/kit",
                        List.of("quay.io/tools/kit:latest -> quay.io/tools/kit:latest")),
                Arguments.of("alias_builtinBusybox", "busybox",
                        List.of("docker.io/library/busybox:latest -> mirror.local:5000/library/busybox:latest!, "
                                + "tags.mirror.local/hub/library/busybox:latest, docker.io/library/busybox:latest")),
                Arguments.of("alias_builtinFedora", "fedora:39",
                        List.of("registry.fedoraproject.org/fedora:39 -> registry.fedoraproject.org/fedora:39")),
                Arguments.of("alias_builtinWithDigest", "hello-world@" + DIGEST,
                        List.of("docker.io/library/hello-world@" + DIGEST + " -> mirror.local:5000/library/hello-world@"
                                + DIGEST + "!, digests.mirror.local/library/hello-world@" + DIGEST
                                + ", docker.io/library/hello-world@" + DIGEST)),
                Arguments.of("search_eachRegistryInOrder", "somename",
                        List.of("registry.example.com/somename:latest -> registry.example.com/somename:latest",
                                "docker.io/library/somename:latest -> mirror.local:5000/library/somename:latest!, "
                                        + "tags.mirror.local/hub/library/somename:latest, docker.io/library/somename:latest")),
                Arguments.of("search_twoComponentsGetNoLibrary", "team/app:3",
                        List.of("registry.example.com/team/app:3 -> internal.example.com:5000/team-images/app:3!",
                                "docker.io/team/app:3 -> mirror.local:5000/team/app:3!, "
                                        + "tags.mirror.local/hub/team/app:3, docker.io/team/app:3")));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("cases")
    void resolve(String caseName, String input, List<String> expected) {
        assertEquals(expected, BASE.resolve(input).stream().map(ShortNameResolverTest::describe).toList(), caseName);
    }

    static Stream<Arguments> invalidInputs() {
        return Stream.of(
                Arguments.of("uppercase", "BusyBox", "invalid reference format: repository name must be lowercase"),
                Arguments.of("emptyTag", "busybox:", "invalid reference format"),
                Arguments.of("empty", "", "invalid reference format"),
                Arguments.of("shortDigest", "busybox@sha256:1234", "invalid digest format"),
                Arguments.of("unknownDigestAlgorithm", "busybox@md5:" + "ab".repeat(16), "invalid digest format"),
                Arguments.of("bareDigest", "@" + DIGEST, "invalid reference format"),
                Arguments.of("hexIdentifier", "ab".repeat(32), "cannot specify 64-byte hexadecimal strings"),
                Arguments.of("badTag", "busybox:-x", "invalid reference format"),
                Arguments.of("doubleSlash", "docker.io//busybox", "invalid reference format"),
                Arguments.of("space", "busy box", "invalid reference format"));
    }

    @ParameterizedTest(name = "{0}: \"{1}\"")
    @MethodSource("invalidInputs")
    void resolve_invalidReference(String caseName, String input, String message) {
        InvalidSpecException e = assertThrows(InvalidSpecException.class, () -> BASE.resolve(input));
        assertTrue(e.getMessage().contains(message), caseName + ": " + e.getMessage());
    }

    @Test
    void tryingMessage_isPodmans() {
        ShortNameResolver resolver = new ShortNameResolver(RegistriesConf.EMPTY);
        assertEquals("Trying to pull docker.io/library/hello-world:latest...",
                resolver.resolve("hello-world").get(0).tryingMessage());
    }

    @Test
    void aliasNotice_namesTheFileLikePodman() {
        assertEquals(java.util.Optional.of("Resolved \"myapp\" as an alias (" + Fixtures.file("base.conf") + ")"),
                BASE.aliasNotice("myapp:2"));
        assertEquals(java.util.Optional.of("Resolved \"busybox\" as an alias (vaina's built-in aliases)"),
                BASE.aliasNotice("busybox"));
        assertEquals(java.util.Optional.empty(), BASE.aliasNotice("somename"));
        assertEquals(java.util.Optional.empty(), BASE.aliasNotice("docker.io/library/busybox"));
    }

    @Test
    void candidateName_isTheUsersNameNotTheMirrors() {
        PullCandidate candidate = BASE.resolve("docker.io/library/busybox").get(0);
        assertEquals("docker.io/library/busybox:latest", candidate.name().toString());
        assertEquals("docker.io", candidate.name().imageReference().orElseThrow().registry());
        assertEquals("mirror.local:5000", candidate.endpoints().get(0).registryHost());
    }

    @Test
    void blocked_fullyQualifiedFails() {
        ImageNameException e = assertThrows(ImageNameException.class, () -> BASE.resolve("blocked.example.com/x"));
        assertEquals("Tried to pull blocked.example.com/x:latest but registry \"blocked.example.com\" is blocked in "
                + Fixtures.file("base.conf"), e.getMessage());
    }

    @Test
    void blocked_aliasFails() {
        ImageNameException e = assertThrows(ImageNameException.class, () -> BASE.resolve("forbidden"));
        assertTrue(e.getMessage().contains("is blocked in"), e.getMessage());
    }

    @Test
    void blocked_searchRegistryIsSkippedAndAllBlockedFails(@TempDir Path dir) throws IOException {
        Path some = write(dir, "some.conf", "unqualified-search-registries = [\"blocked.example.com\", \"quay.io\"]");
        ShortNameResolver resolver = new ShortNameResolver(RegistriesConf.load(List.of(Fixtures.file("base.conf"), some)));
        assertEquals(List.of("quay.io/app:latest -> quay.io/app:latest"),
                resolver.resolve("app").stream().map(ShortNameResolverTest::describe).toList());

        Path only = write(dir, "only.conf", "unqualified-search-registries = [\"blocked.example.com\"]");
        ShortNameResolver blocked = new ShortNameResolver(RegistriesConf.load(List.of(Fixtures.file("base.conf"), only)));
        ImageNameException e = assertThrows(ImageNameException.class, () -> blocked.resolve("app"));
        assertTrue(e.getMessage().startsWith("Tried to pull blocked.example.com/app:latest but registry"), e.getMessage());
    }

    @Test
    void localCandidates_localhostThenEachSearchRegistry_withoutAliasesOrModeChecks() {
        ShortNameResolver enforcing = new ShortNameResolver(Fixtures.load("base.conf", "enforcing.conf"));
        assertEquals(List.of("localhost/somename:1", "registry.example.com/somename:1", "docker.io/library/somename:1"),
                enforcing.localCandidates("somename:1"));
        assertEquals(List.of("localhost/myapp:latest", "registry.example.com/myapp:latest",
                "docker.io/library/myapp:latest"), BASE.localCandidates("myapp"), "myapp has an alias, not used here");
        assertEquals(List.of("localhost/team/app:latest", "registry.example.com/team/app:latest",
                "docker.io/team/app:latest"), BASE.localCandidates("team/app"));
        assertEquals(List.of(), BASE.localCandidates("ab".repeat(32)), "a full id is no name");
    }

    @Test
    void enforcing_ambiguousShortNameFailsListingCandidates() {
        ShortNameResolver resolver = new ShortNameResolver(Fixtures.load("base.conf", "enforcing.conf"));
        ImageNameException e = assertThrows(ImageNameException.class, () -> resolver.resolve("somename:1"));
        assertEquals("short-name resolution enforced but cannot prompt without a TTY: \"somename:1\" could be any of "
                + "registry.example.com/somename:1, docker.io/library/somename:1 "
                + "(use a fully qualified name or add an alias to registries.conf)", e.getMessage());
    }

    @Test
    void enforcing_aliasAndSingleSearchRegistryAreNotAmbiguous() {
        ShortNameResolver resolver = new ShortNameResolver(Fixtures.load("base.conf", "override.conf", "enforcing.conf"));
        assertEquals(List.of("quay.io/somename:latest"),
                resolver.resolve("somename").stream().map(c -> c.name().toString()).toList());
        assertEquals(List.of("quay.io/other/myapp:latest"),
                resolver.resolve("myapp").stream().map(c -> c.name().toString()).toList());
    }

    @Test
    void disabled_returnsEveryCandidate() {
        ShortNameResolver resolver = new ShortNameResolver(Fixtures.load("base.conf", "disabled.conf"));
        assertEquals(2, resolver.resolve("somename").size());
    }

    @Test
    void configuredAlias_overridesBuiltin(@TempDir Path dir) throws IOException {
        Path conf = write(dir, "alias.conf", "[aliases]\n\"busybox\" = \"127.0.0.1:5000/mirrors/busybox\"\n");
        ShortNameResolver resolver = new ShortNameResolver(RegistriesConf.load(List.of(conf)));
        assertEquals("127.0.0.1:5000/mirrors/busybox:latest", resolver.resolve("busybox").get(0).name().toString());
        assertEquals(conf.toString(), resolver.alias("busybox").orElseThrow().origin());
    }

    @Test
    void noAliasNoSearchRegistries_failsLikePodman() {
        ShortNameResolver resolver = new ShortNameResolver(Fixtures.load("base.conf", "empty-search.conf"));
        ImageNameException e = assertThrows(ImageNameException.class, () -> resolver.resolve("unknownthing"));
        assertEquals("short-name \"unknownthing\" did not resolve to an alias and no unqualified-search registries "
                + "are defined in \"" + Fixtures.file("empty-search.conf") + "\"", e.getMessage());
    }

    @Test
    void noConfigurationAtAll_failsLikePodman() {
        ImageNameException e = assertThrows(ImageNameException.class,
                () -> new ShortNameResolver(RegistriesConf.EMPTY).resolve("unknownthing"));
        assertEquals("short-name \"unknownthing\" did not resolve to an alias and no containers-registries.conf(5) "
                + "was found", e.getMessage());
    }

    @Test
    void builtinAliases_allParse() {
        BuiltinAliases.TABLE.keySet().forEach(name -> assertEquals(1,
                new ShortNameResolver(RegistriesConf.EMPTY).resolve(name).size(), name));
    }

    @Test
    void thisMachinesRealConfiguration_resolvesAlpine() throws IOException {
        RegistriesConf conf = RegistriesConf.load(RegistriesConf.defaultFiles(java.util.Map.of(), false));
        assertEquals("docker.io/library/alpine:latest",
                new ShortNameResolver(conf).resolve("alpine").get(0).name().toString());
    }

    private static String describe(PullCandidate candidate) {
        return candidate.name() + " -> " + candidate.endpoints().stream()
                .map(e -> e.reference() + (e.insecure() ? "!" : ""))
                .collect(Collectors.joining(", "));
    }

    private static Path write(Path dir, String name, String content) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, content + "\n");
        return file;
    }
}
