package dev.vaina.image.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RegistryParsersTest {
    private static final String HEX = "a".repeat(64);

    @Test
    void challenge_bearerWithQuotedCommas() {
        AuthChallenge c = AuthChallenge.choose(List.of("Bearer realm=\"https://auth.example/token\",service=\"registry.example\","
                + "scope=\"repository:a/b:pull,push\"")).orElseThrow();
        assertTrue(c.isBearer());
        assertEquals(Map.of("realm", "https://auth.example/token", "service", "registry.example",
                "scope", "repository:a/b:pull,push"), c.parameters());
    }

    @Test
    void challenge_basicAndBearerInOneHeader_prefersBearer() {
        List<AuthChallenge> all = AuthChallenge.parseAll("Basic realm=\"x\", Bearer realm=\"https://t/\",service=s");
        assertEquals(2, all.size());
        assertEquals("basic", all.get(0).scheme());
        assertEquals("s", all.get(1).parameter("service").orElseThrow());
        assertTrue(AuthChallenge.choose(List.of("Basic realm=\"x\", Bearer realm=\"https://t/\"")).orElseThrow().isBearer());
    }

    @Test
    void challenge_escapedQuoteAndBareBasic() {
        assertEquals("say \"hi\"", AuthChallenge.parseAll("Basic realm=\"say \\\"hi\\\"\"").get(0).parameter("realm").orElseThrow());
        assertTrue(AuthChallenge.choose(List.of("basic")).orElseThrow().isBasic());
        assertTrue(AuthChallenge.choose(List.of()).isEmpty());
    }

    @Test
    void platform_parseAndMatch() {
        Platform arm = Platform.parse("linux/arm64/v8");
        assertEquals(new Platform("linux", "arm64", "v8"), arm);
        assertEquals("linux/arm64/v8", arm.toString());
        assertTrue(Platform.parse("linux/arm64").accepts(arm), "no variant asked: any variant");
        assertFalse(arm.accepts(new Platform("linux", "arm64", null)));
        assertFalse(Platform.parse("linux/amd64").accepts(arm));
        assertThrows(IllegalArgumentException.class, () -> Platform.parse("linux"));
        assertThrows(IllegalArgumentException.class, () -> Platform.parse("linux//v7"));
    }

    @Test
    void platform_goArchNames() {
        assertEquals("amd64", Platform.goArch("amd64"));
        assertEquals("amd64", Platform.goArch("x86_64"));
        assertEquals("arm64", Platform.goArch("aarch64"));
        assertEquals("arm", Platform.goArch("arm"));
        assertEquals("386", Platform.goArch("i386"));
        assertEquals("ppc64le", Platform.goArch("ppc64le"));
        assertEquals("s390x", Platform.goArch("s390x"));
        assertEquals("linux", Platform.host().os());
    }

    @Test
    void digest_onlySha256() {
        assertEquals("sha256:" + HEX, BlobDigest.require("sha256:" + HEX, "x"));
        IllegalArgumentException other = assertThrows(IllegalArgumentException.class,
                () -> BlobDigest.require("sha512:" + HEX + HEX, "layer 1"));
        assertTrue(other.getMessage().contains("only sha256 digests are supported"), other.getMessage());
        assertThrows(IllegalArgumentException.class, () -> BlobDigest.require("sha256:" + HEX.toUpperCase(), "x"));
        assertThrows(IllegalArgumentException.class, () -> BlobDigest.require("sha256:abc", "x"));
    }

    @Test
    void index_choiceFailsListingPlatforms() throws IOException {
        String json = "{\"schemaVersion\":2,\"mediaType\":\"" + MediaTypes.OCI_INDEX + "\",\"manifests\":["
                + "{\"mediaType\":\"" + MediaTypes.OCI_MANIFEST + "\",\"digest\":\"sha256:" + HEX + "\",\"size\":10,"
                + "\"platform\":{\"os\":\"linux\",\"architecture\":\"arm\",\"variant\":\"v7\"}}]}";
        Manifest m = Manifest.of(json.getBytes(StandardCharsets.UTF_8), "application/json");
        assertTrue(m.isIndex(), "the media type comes from the document when the header is vague");
        assertEquals("sha256:" + HEX, m.asIndex().choose(Platform.parse("linux/arm")).digest());
        IOException e = assertThrows(IOException.class, () -> m.asIndex().choose(Platform.parse("linux/arm/v6")));
        assertTrue(e.getMessage().contains("(the index has: linux/arm/v7)"), e.getMessage());
    }

    @Test
    void manifest_badLayerDigestIsRefused() throws IOException {
        String json = "{\"schemaVersion\":2,\"mediaType\":\"" + MediaTypes.DOCKER_MANIFEST + "\","
                + "\"config\":{\"mediaType\":\"x\",\"digest\":\"sha256:" + HEX + "\",\"size\":1},"
                + "\"layers\":[{\"mediaType\":\"y\",\"digest\":\"md5:abc\",\"size\":1}]}";
        Manifest m = Manifest.of(json.getBytes(StandardCharsets.UTF_8), MediaTypes.DOCKER_MANIFEST);
        IOException e = assertThrows(IOException.class, m::asImageManifest);
        assertTrue(e.getMessage().contains("layers[0]"), e.getMessage());
        assertTrue(e.getMessage().contains("only sha256"), e.getMessage());
    }

    @Test
    void retry_delayDoubles() {
        RetryPolicy p = RetryPolicy.DEFAULT;
        assertEquals(3, p.attempts());
        assertEquals(Duration.ofSeconds(1), p.delayBefore(1));
        assertEquals(Duration.ofSeconds(4), p.delayBefore(3));
        assertThrows(IllegalArgumentException.class, () -> new RetryPolicy(-1, Duration.ZERO));
    }

    @Test
    void credentials_hidePasswordAndEncodeBasic() {
        Credentials c = new Credentials("user", "pa:ss");
        assertFalse(c.toString().contains("pa:ss"));
        assertEquals("Basic dXNlcjpwYTpzcw==", c.basicAuthorization());
    }
}
