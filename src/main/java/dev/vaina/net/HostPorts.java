package dev.vaina.net;

import dev.vaina.linux.FileDescriptors;
import dev.vaina.linux.InetSockets;
import dev.vaina.linux.NativeCallException;
import dev.vaina.spec.PortMapping;
import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The host side of published ports: finds free ones for -p without a host port, and binds them so that
 * a port in use is refused before anything is set up. Rootful, the launcher keeps the sockets open across
 * its hand-over to the monitor, which holds them while the container runs (as conmon does: netavark's DNAT
 * needs no listener, but without one nothing would stop a second container from taking the port).
 * Rootless, the helper binds the ports itself and the check only makes the refusal early and clear.
 */
public final class HostPorts {
    private HostPorts() {
    }

    /** Binds every host port of {@code ports}, inheritable; returns the descriptors. */
    public static List<Integer> hold(List<PortMapping> ports) throws IOException {
        List<Integer> held = new ArrayList<>();
        try {
            for (PortMapping range : ports) {
                for (PortMapping port : range.singlePorts()) {
                    held.add(bind(port));
                }
            }
            return held;
        } catch (IOException | RuntimeException e) {
            release(held);
            throw e;
        }
    }

    /** Fails with {@link PortInUseException} naming the first host port that cannot be bound. */
    public static void checkFree(List<PortMapping> ports) throws IOException {
        release(hold(ports));
    }

    public static void release(List<Integer> held) {
        held.forEach(FileDescriptors::closeQuietly);
    }

    /** A host port that is free now, for a mapping whose host port was left empty (Podman picks it at create). */
    public static int chooseFree(PortMapping port) throws IOException {
        InetAddress address = address(port);
        if (port.protocol().equals(PortMapping.UDP)) {
            try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress(address, 0))) {
                return socket.getLocalPort();
            }
        }
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(address, 0));
            return socket.getLocalPort();
        }
    }

    private static int bind(PortMapping port) throws IOException {
        int type = port.protocol().equals(PortMapping.UDP) ? InetSockets.UDP : InetSockets.TCP;
        try {
            return InetSockets.bindInheritable(type, address(port), port.hostPort());
        } catch (NativeCallException e) {
            if (InetSockets.inUse(e)) {
                throw inUse(port);
            }
            throw new IOException(cannotListen(port, e.getMessage()), e);
        }
    }

    /** Why {@code port} could not be bound: someone else has it. */
    static PortInUseException inUse(PortMapping port) {
        return new PortInUseException(cannotListen(port, "bind: address already in use"));
    }

    /** Podman's words, so that scripts matching them keep working. */
    static String cannotListen(PortMapping port, String reason) {
        String network = port.protocol() + (port.hostIp().contains(":") ? "6" : "4");
        return "cannot listen on the " + port.protocol().toUpperCase(Locale.ROOT) + " port: listen " + network + " "
                + hostAndPort(port) + ": " + reason;
    }

    private static String hostAndPort(PortMapping port) {
        String host = port.hostIp().contains(":") ? "[" + port.hostIp() + "]" : port.hostIp();
        return host + ":" + port.hostPort();
    }

    static InetAddress address(PortMapping port) throws IOException {
        // A literal (validated when parsed): no DNS lookup happens.
        return InetAddress.getByName(port.hostIp().isEmpty() ? "0.0.0.0" : port.hostIp());
    }
}
