package dev.vaina.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vaina.spec.Subnet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BridgeAddressesTest {
    private static final String A = "a".repeat(64);
    private static final String B = "b".repeat(64);
    private static final String C = "c".repeat(64);

    @TempDir
    Path dir;

    private BridgeAddresses addresses() {
        return new BridgeAddresses(dir.resolve("net"), Subnet.parse("10.89.0.0/29"), "10.89.0.1");
    }

    @Test
    void eachContainerTakesTheFirstFreeAddress_pastTheGateway_andGetsItsOwnBack() throws IOException {
        BridgeAddresses addresses = addresses();
        assertEquals("10.89.0.2", addresses.allocate(A));
        assertEquals("10.89.0.3", addresses.allocate(B));
        // A start cut short after the address was taken: the same container takes it back, nothing leaks.
        assertEquals("10.89.0.2", addresses.allocate(A));
        addresses.release("10.89.0.2", A);
        assertEquals("10.89.0.2", addresses.allocate(C));
        assertEquals(B, Files.readSymbolicLink(dir.resolve("net/10.89.0.3")).toString());
    }

    @Test
    void releaseLeavesAnotherContainersAddress() throws IOException {
        BridgeAddresses addresses = addresses();
        String address = addresses.allocate(A);
        addresses.release(address, B);
        assertTrue(Files.isSymbolicLink(dir.resolve("net").resolve(address)));
        addresses.release(address, A);
        assertFalse(Files.exists(dir.resolve("net").resolve(address), LinkOption.NOFOLLOW_LINKS));
    }

    @Test
    void addressesTakenAsFiles_beforeTheyWereLinks_stayTheirOwners() throws IOException {
        Files.createDirectories(dir.resolve("net"));
        Files.writeString(dir.resolve("net/10.89.0.2"), A + "\n");
        BridgeAddresses addresses = addresses();
        assertEquals("10.89.0.3", addresses.allocate(B));
        assertEquals("10.89.0.2", addresses.allocate(A));
        IOException taken = assertThrows(IOException.class, () -> addresses.allocate(C, "10.89.0.2"));
        assertEquals("IPAM error: requested ip address 10.89.0.2 is already allocated to container ID " + A,
                taken.getMessage());
        addresses.release("10.89.0.2", A);
        assertEquals("10.89.0.2", addresses.allocate(C, "10.89.0.2"));
    }

    @Test
    void aFullSubnet_andAStaticAddressOutsideIt_areRefused() throws IOException {
        BridgeAddresses addresses = addresses();
        for (int i = 0; i < 5; i++) {
            addresses.allocate(Integer.toString(i).repeat(64));
        }
        IOException full = assertThrows(IOException.class, () -> addresses.allocate(A));
        assertEquals("no free address left on network 10.89.0.0/29", full.getMessage());
        IOException outside = assertThrows(IOException.class, () -> addresses.allocate(A, "10.90.0.2"));
        assertEquals("requested static ip 10.90.0.2 is not a free address in subnet 10.89.0.0/29", outside.getMessage());
        assertThrows(IOException.class, () -> addresses.allocate(A, "10.89.0.1"));
    }
}
