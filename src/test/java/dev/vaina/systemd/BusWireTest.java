package dev.vaina.systemd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** D-Bus messages as bytes on the wire: layouts worked out by hand from the specification's marshaling rules. */
class BusWireTest {

    /** Bytes given as a mix of strings (ASCII) and numbers (one byte each). */
    private static byte[] bytes(Object... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Object part : parts) {
            if (part instanceof String text) {
                out.writeBytes(text.getBytes(StandardCharsets.US_ASCII));
            } else {
                out.write((Integer) part);
            }
        }
        return out.toByteArray();
    }

    @Test
    void hello_isLaidOutAsTheSpecificationSays() throws BusError {
        byte[] encoded = BusMessage.call(1, "org.freedesktop.DBus", "/org/freedesktop/DBus", "org.freedesktop.DBus",
                "Hello", "", List.of()).encode();
        byte[] expected = bytes("l", 1, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 109, 0, 0, 0,
                1, 1, "o", 0, 21, 0, 0, 0, "/org/freedesktop/DBus", 0, 0, 0,
                2, 1, "s", 0, 20, 0, 0, 0, "org.freedesktop.DBus", 0, 0, 0, 0,
                3, 1, "s", 0, 5, 0, 0, 0, "Hello", 0, 0, 0,
                6, 1, "s", 0, 20, 0, 0, 0, "org.freedesktop.DBus", 0, 0, 0, 0);
        assertArrayEquals(expected, encoded);
        assertEquals(128, encoded.length, "the header is padded to 8 bytes even without a body");
    }

    @Test
    void dictOfVariants_alignsEntriesAndValuesTo8() throws BusError {
        Map<String, Variant> properties = new LinkedHashMap<>();
        properties.put("A", new Variant("t", 5L));
        byte[] encoded = new BusWriter().write("a{sv}", List.of(properties)).toByteArray();
        byte[] expected = bytes(24, 0, 0, 0, 0, 0, 0, 0, // length of the entries, padding to the first entry
                1, 0, 0, 0, "A", 0, 1, "t", 0, 0, 0, 0, 0, 0, 0, 0, // key, variant's signature, padding to 8
                5, 0, 0, 0, 0, 0, 0, 0);
        assertArrayEquals(expected, encoded);
    }

    @Test
    void callWithStructsArraysAndVariants_readsBackAsSent() throws BusError {
        List<Object> execStart = List.of(List.of("/bin/true", List.of("true", "-x"), false));
        List<Object> properties = List.of(List.of("Description", Variant.of("a test")),
                List.of("ExecStart", new Variant("a(sasb)", execStart)),
                List.of("MemoryMax", new Variant("t", -1L)),
                List.of("CPUWeight", new Variant("ay", new byte[] {1, 2, 3})));
        byte[] encoded = BusMessage.call(7, "org.freedesktop.systemd1", "/org/freedesktop/systemd1",
                "org.freedesktop.systemd1.Manager", "StartTransientUnit", "ssa(sv)a(sa(sv))",
                List.of("x.service", "fail", properties, List.of())).encode();

        assertEquals(encoded.length, BusMessage.length(Arrays.copyOf(encoded, BusMessage.FIXED_HEADER)));
        BusMessage decoded = BusMessage.decode(encoded);
        assertEquals(BusMessage.METHOD_CALL, decoded.type());
        assertEquals(7, decoded.serial());
        assertEquals("/org/freedesktop/systemd1", decoded.path());
        assertEquals("org.freedesktop.systemd1.Manager", decoded.interfaceName());
        assertEquals("StartTransientUnit", decoded.member());
        assertEquals("org.freedesktop.systemd1", decoded.destination());
        assertEquals("ssa(sv)a(sa(sv))", decoded.signature());
        List<?> readProperties = (List<?>) decoded.body().get(2);
        assertEquals(List.of("Description", "a test"), readProperties.get(0));
        assertEquals(List.of("ExecStart", execStart), readProperties.get(1));
        assertEquals(List.of("MemoryMax", -1L), readProperties.get(2), "t reads back as the same 64 bits");
        assertArrayEquals(new byte[] {1, 2, 3}, (byte[]) ((List<?>) readProperties.get(3)).get(1));
        assertEquals(List.of(), decoded.body().get(3));
    }

    @Test
    void numbers_readAsTheirTypesSay() throws BusError {
        byte[] encoded = new BusWriter().write("ybnqiuxtd", List.of(255, true, -2, 65535, -3, 4_000_000_000L,
                -5L, 6L, 1.5)).toByteArray();
        List<Object> values = new BusReader(encoded, 0, encoded.length, false).readAll("ybnqiuxtd");
        assertEquals(List.of(255, true, -2, 65535, -3, 4_000_000_000L, -5L, 6L, 1.5), values);
    }

    @Test
    void bigEndianValues_areRead() throws BusError {
        byte[] wire = bytes(0, 0, 1, 2, 0, 0, 0, 2, "hi", 0);
        assertEquals(List.of(258L, "hi"), new BusReader(wire, 0, wire.length, true).readAll("us"));
    }

    @Test
    void errorReply_carriesItsNameAndMessage() throws BusError {
        BusMessage error = new BusMessage(BusMessage.ERROR, 1, 9, null, null, null,
                "org.freedesktop.systemd1.NoSuchUnit", 3, ":1.5", ":1.0", "s", List.of("Unit x.service not loaded."));
        BusMessage decoded = BusMessage.decode(error.encode());
        assertEquals(BusMessage.ERROR, decoded.type());
        assertEquals("org.freedesktop.systemd1.NoSuchUnit", decoded.errorName());
        assertEquals(3, decoded.replySerial());
        assertEquals(List.of("Unit x.service not loaded."), decoded.body());
    }

    @Test
    void truncatedOrInconsistentMessages_areBusErrors() throws BusError {
        byte[] encoded = BusMessage.call(2, "d.e", "/p", "i.f", "M", "as", List.of(List.of("a", "b"))).encode();
        assertThrows(BusError.class, () -> BusMessage.decode(Arrays.copyOf(encoded, encoded.length - 3)));

        byte[] arrayTooLong = bytes(200, 0, 0, 0, 1, 0, 0, 0, "a", 0);
        BusError error = assertThrows(BusError.class,
                () -> new BusReader(arrayTooLong, 0, arrayTooLong.length, false).readAll("as"));
        assertTrue(error.getMessage().contains("runs past"), error.getMessage());

        byte[] badOrder = encoded.clone();
        badOrder[0] = 'x';
        assertThrows(BusError.class, () -> BusMessage.decode(badOrder));
        assertThrows(BusError.class, () -> BusSignature.end("a(ss", 0));
        assertThrows(BusError.class, () -> new BusWriter().write("ss", List.of("only one")));
        assertThrows(BusError.class, () -> new BusWriter().write("i", List.of("not a number")));
    }

    @Test
    void lengthOfAHugeMessage_isRefused() {
        byte[] fixed = bytes("l", 1, 0, 1, 255, 255, 255, 127, 1, 0, 0, 0, 0, 0, 0, 0);
        assertThrows(BusError.class, () -> BusMessage.length(fixed));
    }

    @Test
    void socketPath_isTakenFromTheFirstUnixPathAddress() throws BusError {
        assertEquals("/run/user/0/bus", BusConnection.socketPath("unix:path=/run/user/0/bus"));
        assertEquals("/tmp/a b", BusConnection.socketPath("unix:abstract=x,guid=1;unix:path=/tmp/a%20b,guid=2"));
        BusError error = assertThrows(BusError.class, () -> BusConnection.socketPath("tcp:host=localhost,port=1"));
        assertTrue(error.getMessage().contains("only unix:path=SOCKET addresses are supported"), error.getMessage());
        assertThrows(BusError.class, () -> BusConnection.socketPath("unix:path=/tmp/%2"));
    }
}
