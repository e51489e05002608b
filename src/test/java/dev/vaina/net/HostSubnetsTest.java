package dev.vaina.net;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vaina.spec.Subnet;
import java.util.List;
import org.junit.jupiter.api.Test;

class HostSubnetsTest {
    @Test
    void choose_takesTheFirstFree10_89_N() {
        assertEquals("10.89.0.0/24", HostSubnets.choose(List.of()).toString());
        assertEquals("10.89.2.0/24", HostSubnets.choose(List.of(Subnet.parse("10.89.0.0/24"),
                Subnet.parse("10.89.1.0/24"))).toString());
    }

    @Test
    void choose_skipsWhatAWiderHostRouteCovers() {
        assertEquals("10.90.0.0/24", HostSubnets.choose(List.of(Subnet.parse("10.89.0.0/16"))).toString());
    }
}
