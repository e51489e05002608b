package dev.vaina.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.vaina.testsupport.ShortStrings;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Which names an image may have, as `images` reads them from the store and the image verbs from the command line:
 * registry[:port]/repository:tag.
 */
class ImageReferenceTest {
    /** The patterns the checks were once written as: what they must still accept and refuse. */
    private static final Pattern COMPONENT = Pattern.compile("[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*");
    private static final Pattern TAG = Pattern.compile("[\\w][\\w.-]{0,127}");
    private static final Pattern REGISTRY = Pattern.compile("[a-zA-Z0-9.-]+(?::[0-9]+)?");

    @Test
    void parse_qualifiesShortNamesAndKeepsRegistriesWithPorts() {
        String cases = """
                busybox                                 localhost                  busybox         latest
                busybox:1.36                            localhost                  busybox         1.36
                library/busybox                         localhost                  library/busybox latest
                a/b/c                                   localhost                  a/b/c           latest
                docker.io/library/alpine:3.19           docker.io                  library/alpine  3.19
                registry.example.com:5000/team/app:v1   registry.example.com:5000  team/app        v1
                localhost:5000/x                        localhost:5000             x               latest
                127.0.0.1:5000/x                        127.0.0.1:5000             x               latest
                localhost/x                             localhost                  x               latest
                Quay.IO/a/b:c                           Quay.IO                    a/b             c
                a-b.c/x                                 a-b.c                      x               latest
                """;
        for (String line : cases.lines().toList()) {
            String[] fields = line.split(" +");
            assertEquals(new ImageReference(fields[1], fields[2], fields[3]),
                    ImageReference.parse(fields[0], "localhost"), fields[0]);
        }
        assertEquals("registry.example.com:5000/team/app", ImageReference.parse("registry.example.com:5000/team/app:v1",
                "localhost").name());
    }

    @Test
    void parse_refusesRegistriesThatAreNotHostAndPort() {
        assertRefused("registry \"example.com:abc\" is not a host[:port]", "example.com:abc/x");
        assertRefused("registry \"example.com:\" is not a host[:port]", "example.com:/x");
        assertRefused("registry \":5000\" is not a host[:port]", ":5000/x");
        assertRefused("registry \"my_reg.io\" is not a host[:port]", "my_reg.io/x");
        assertRefused("registry \"a:1:2\" is not a host[:port]", "a:1:2/x");
    }

    @Test
    void parse_acceptsComponentsSeparatedByOneSeparator() {
        for (String repository : List.of("a", "0", "a0", "a.b", "a_b", "a__b", "a-b", "a---b", "a.b_c__d-e",
                "a/b.c/d")) {
            assertParsed("localhost", repository, "latest", repository);
        }
    }

    @Test
    void parse_refusesComponentsWithUpperCaseOrDoubledOrDanglingSeparators() {
        for (String name : List.of("Busybox", "a___b", "a..b", "a._b", "a_.b", "a-_b", "_a", "a_", ".a", "a.", "-a",
                "a-", "/a", "a/", "a//b", "a/_b", "a b", "\u00e9")) {
            InvalidSpecException e = assertThrows(InvalidSpecException.class,
                    () -> ImageReference.parse(name, "localhost"), name);
            assertEquals("invalid reference format: repository name \"" + name + "\" must be lowercase letters, digits"
                    + " and separators (. _ __ -), components separated by /", e.getMessage());
        }
    }

    @Test
    void parse_acceptsTagsOfUpTo128WordCharactersDotsAndDashes() {
        assertParsed("localhost", "a", "_x", "a:_x");
        assertParsed("localhost", "a", "1.0-rc_2", "a:1.0-rc_2");
        assertParsed("localhost", "a", "LATEST", "a:LATEST");
        assertParsed("localhost", "a", "x".repeat(128), "a:" + "x".repeat(128));
    }

    @Test
    void parse_refusesEmptyLongOrBadlyStartedTags() {
        for (String tag : List.of("", "x".repeat(129), ".x", "-x", "a+b", "\u00e9")) {
            InvalidSpecException e = assertThrows(InvalidSpecException.class,
                    () -> ImageReference.parse("a:" + tag, "localhost"), tag);
            assertEquals("invalid reference format: tag \"" + tag + "\" must be up to 128 letters, digits, '_', '.' or"
                    + " '-', not starting with '.' or '-'", e.getMessage());
        }
    }

    @Test
    void parse_refusesDigestsAndEmptyNames() {
        String digest = "busybox@sha256:" + "a".repeat(64);
        InvalidSpecException e = assertThrows(InvalidSpecException.class,
                () -> ImageReference.parse(digest, "localhost"));
        assertEquals("invalid reference format \"" + digest + "\": digests are not supported here", e.getMessage());
        assertThrows(InvalidSpecException.class, () -> ImageReference.parse("", "localhost"));
        assertThrows(InvalidSpecException.class, () -> ImageReference.parse(null, "localhost"));
    }

    @Test
    void registry_agreesWithThePatternOnEveryShortString() {
        for (String registry : ShortStrings.of("aZ9.-:_/", 5)) {
            assertAgrees(registry, "a", "latest");
        }
        for (char c = 0; c < 0x300; c++) {
            assertAgrees("a" + c + "b", "a", "latest");
            assertAgrees("a:1" + c, "a", "latest");
        }
    }

    @Test
    void repository_agreesWithThePatternOnEveryShortString() {
        for (String repository : ShortStrings.of("az0._-/A", 6)) {
            assertAgrees("localhost", repository, "latest");
        }
        for (char c = 0; c < 0x300; c++) {
            assertAgrees("localhost", "a" + c + "b", "latest");
            assertAgrees("localhost", c + "b", "latest");
        }
    }

    @Test
    void tag_agreesWithThePatternOnEveryShortStringAndAtItsLengthLimit() {
        for (String tag : ShortStrings.of("aZ0_.-:", 5)) {
            assertAgrees("localhost", "a", tag);
        }
        for (int length = 126; length <= 130; length++) {
            assertAgrees("localhost", "a", "x".repeat(length));
            assertAgrees("localhost", "a", "_" + "-".repeat(length - 1));
        }
        for (char c = 0; c < 0x300; c++) {
            assertAgrees("localhost", "a", c + "b");
            assertAgrees("localhost", "a", "b" + c);
        }
    }

    private static void assertParsed(String registry, String repository, String tag, String text) {
        assertEquals(new ImageReference(registry, repository, tag), ImageReference.parse(text, "localhost"), text);
    }

    private static void assertRefused(String problem, String text) {
        InvalidSpecException e = assertThrows(InvalidSpecException.class, () -> ImageReference.parse(text, "localhost"),
                text);
        assertEquals("invalid reference format: " + problem, e.getMessage());
    }

    private static void assertAgrees(String registry, String repository, String tag) {
        boolean valid = REGISTRY.matcher(registry).matches() && TAG.matcher(tag).matches();
        for (String part : repository.split("/", -1)) {
            valid = valid && COMPONENT.matcher(part).matches();
        }
        boolean accepted;
        try {
            new ImageReference(registry, repository, tag);
            accepted = true;
        } catch (InvalidSpecException e) {
            accepted = false;
        }
        assertEquals(valid, accepted, () -> "registry \"" + registry + "\", repository \"" + repository + "\", tag \""
                + tag + "\"");
    }
}
