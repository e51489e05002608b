package dev.vaina.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Each check against the regular expression it replaced, on every string up to a length over the characters that matter. */
class ReferenceSyntaxTest {
    private static final String DOMAIN_COMPONENT = "(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])";
    private static final Pattern DOMAIN = Pattern.compile(DOMAIN_COMPONENT + "(?:\\." + DOMAIN_COMPONENT + ")*(?::[0-9]+)?");
    private static final Pattern PATH_COMPONENT = Pattern.compile("[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*");
    private static final Pattern TAG = Pattern.compile("[\\w][\\w.-]{0,127}");
    private static final Pattern DIGEST = Pattern.compile("(sha256:[0-9a-f]{64}|sha512:[0-9a-f]{128})");
    private static final Pattern SHA256 = Pattern.compile("sha256:[0-9a-f]{64}");
    private static final Pattern ANY_DIGEST = Pattern.compile("[a-z0-9]+(?:[.+_-][a-z0-9]+)*:[a-zA-Z0-9=_-]+");
    private static final Pattern HOST_AND_PORT =
            Pattern.compile("[a-zA-Z0-9.-]+(?::[0-9]{1,5})?|\\[[0-9a-fA-F:.]+\\](?::[0-9]{1,5})?");

    @Test
    void domain() {
        everyString("aZ0-.:_", 6, DOMAIN, ReferenceSyntax::isDomain);
        for (String text : new String[] {"registry.example.com:5000", "localhost:1234567", "my-reg.io", "-a.b", "a-.b"}) {
            assertEquals(DOMAIN.matcher(text).matches(), ReferenceSyntax.isDomain(text), text);
        }
    }

    @Test
    void pathComponent() {
        everyString("a0._-A", 7, PATH_COMPONENT, ReferenceSyntax::isPathComponent);
    }

    @Test
    void tag() {
        everyString("aZ_0.-:", 5, TAG, ReferenceSyntax::isTag);
        String word = "v".repeat(127);
        for (String text : new String[] {word, word + "1", word + "12", "_" + word, "." + word, "1.0-rc_2"}) {
            assertEquals(TAG.matcher(text).matches(), ReferenceSyntax.isTag(text), text);
        }
    }

    @Test
    void anyDigest() {
        everyString("a0.+_-:=Z", 5, ANY_DIGEST, ReferenceSyntax::isAnyDigest);
    }

    @Test
    void hostAndPort() {
        everyString("a0.-:[]G", 6, HOST_AND_PORT, ReferenceSyntax::isHostAndPort);
        for (String text : new String[] {"[::1]:5000", "[fe80::1%eth0]", "host:12345", "host:123456", "[::1]:"}) {
            assertEquals(HOST_AND_PORT.matcher(text).matches(), ReferenceSyntax.isHostAndPort(text), text);
        }
    }

    @Test
    void digestsAndHex() {
        String hex64 = "0123456789abcdef".repeat(4);
        Random random = new Random(5);
        String[] samples = {"sha256:" + hex64, "sha256:" + hex64.toUpperCase(), "sha256:" + hex64.substring(1),
            "sha256:" + hex64 + "0", "sha512:" + hex64 + hex64, "sha512:" + hex64, "sha384:" + hex64, "sha256:",
            "sha256" + hex64, ":" + hex64, "sha256:" + hex64.substring(0, 63) + "g", hex64, ""};
        for (String text : samples) {
            assertEquals(DIGEST.matcher(text).matches(), ReferenceSyntax.isDigest(text), text);
            assertEquals(SHA256.matcher(text).matches(), ReferenceSyntax.isSha256Digest(text), text);
            assertEquals(text.matches("[0-9a-f]{64}"), ReferenceSyntax.isLowerHex(text, 64), text);
        }
        for (int i = 0; i < 2000; i++) {
            char[] chars = ("sha256:" + hex64).toCharArray();
            chars[random.nextInt(chars.length)] = "0aAfFg:x".charAt(random.nextInt(8));
            String text = new String(chars);
            assertEquals(SHA256.matcher(text).matches(), ReferenceSyntax.isSha256Digest(text), text);
            assertEquals(DIGEST.matcher(text).matches(), ReferenceSyntax.isDigest(text), text);
        }
        assertTrue(ReferenceSyntax.isSha256Digest("sha256:" + hex64));
        assertFalse(ReferenceSyntax.isLowerHex(hex64.toUpperCase(), 64));
    }

    /** Every string of the alphabet's characters, from empty to {@code maxLength} long, judged as the pattern judges it. */
    private static void everyString(String alphabet, int maxLength, Pattern pattern, Predicate<String> check) {
        int matched = 0;
        char[] text = new char[maxLength];
        for (int length = 0; length <= maxLength; length++) {
            int[] digits = new int[length];
            while (true) {
                for (int i = 0; i < length; i++) {
                    text[i] = alphabet.charAt(digits[i]);
                }
                String candidate = new String(text, 0, length);
                boolean expected = pattern.matcher(candidate).matches();
                if (expected != check.test(candidate)) {
                    assertEquals(expected, check.test(candidate), "\"" + candidate + "\" against " + pattern);
                }
                matched += expected ? 1 : 0;
                int i = length - 1;
                while (i >= 0 && ++digits[i] == alphabet.length()) {
                    digits[i--] = 0;
                }
                if (i < 0) {
                    break;
                }
            }
        }
        assertTrue(matched > 0, "no string matched " + pattern);
    }
}
