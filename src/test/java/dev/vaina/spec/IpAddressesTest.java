package dev.vaina.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The literal checks, held to the regular expressions they replaced on many strings. */
class IpAddressesTest {
    private static final Pattern IPV4 = Pattern.compile(
            "(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
    private static final Pattern IPV6_CHARACTERS = Pattern.compile("[0-9a-fA-F:.]*:[0-9a-fA-F:.]*");
    private static final List<String> PARTS = List.of("", "0", "00", "01", "010", "1", "9", "10", "99", "100", "199",
            "200", "249", "250", "255", "256", "260", "300", "999", "1000", "-1", "+1", "a", "1a", " 1", "1 ",
            "\u0663", "\uff11", "0x1");

    @Test
    void ipv4_agreesWithTheRegularExpression_onEveryCombinationOfParts() {
        for (String a : PARTS) {
            for (String b : PARTS) {
                for (String c : List.of("0", "255", "256", "01", "")) {
                    for (String d : PARTS) {
                        for (String text : List.of(a + "." + b + "." + c + "." + d, a + "." + b + "." + d,
                                a + "." + b + "." + c + "." + d + "." + a, a + b + "." + c + "." + d + ".")) {
                            assertEquals(IPV4.matcher(text).matches(), IpAddresses.isIpv4(text), text);
                        }
                    }
                }
            }
        }
    }

    @Test
    void bothChecks_agreeWithTheRegularExpressions_onRandomStrings() {
        Random random = new Random(7);
        String alphabet = "0123456789..::abcdefABCDEFgx -\u0663";
        for (int n = 0; n < 300_000; n++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(18);
            for (int i = 0; i < length; i++) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String s = text.toString();
            assertEquals(IPV4.matcher(s).matches(), IpAddresses.isIpv4(s), s);
            assertEquals(IPV6_CHARACTERS.matcher(s).matches(), IpAddresses.hasIpv6Characters(s), s);
        }
    }

    @Test
    void literals_ofBothFamilies_andWhatIsNotOne() {
        assertTrue(IpAddresses.isLiteral("10.88.0.1"));
        assertTrue(IpAddresses.isLiteral("::1"));
        assertTrue(IpAddresses.isLiteral("fd00::1:2"));
        assertFalse(IpAddresses.isLiteral("10.88.0.256"));
        assertFalse(IpAddresses.isLiteral("localhost"));
        assertFalse(IpAddresses.isLiteral("1:2:3:4:5:6:7:8:9"));
        assertFalse(IpAddresses.isLiteral(null));
    }
}
