package dev.vaina.net;

import dev.vaina.linux.Namespaces;
import dev.vaina.spec.PortMapping;
import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * The published TCP ports of a rootless container on a named network. Its network namespace lies inside the
 * holder's ({@link RootlessNetns}), which the host cannot route to, so the monitor listens on the host ports in the
 * host's network namespace and, for each connection, opens one to the container's address from inside the holder's
 * network namespace and copies the bytes both ways. The container sees the holder's address on its bridge as the
 * client's, not the client's own.
 *
 * <p>One thread does everything with one selector. The listeners are bound before it starts, by the caller, in the
 * host's network namespace; the thread then moves into the holder's, so that every socket it opens is made there.
 * Closing stops it and closes every socket at once, which frees the ports; when the monitor dies, the kernel does
 * the same.
 */
public final class PortForwarder implements NetworkDriver.Connection, Runnable {
    private static final long CLOSE_WAIT_MILLIS = 2000;

    private final Selector selector;
    private final List<Listener> listeners;
    private final Path targetNetns;
    private final CompletableFuture<Void> entered = new CompletableFuture<>();
    private volatile boolean closing;
    private Thread thread;

    private record Listener(ServerSocketChannel channel, InetSocketAddress target) {
    }

    private PortForwarder(Selector selector, List<Listener> listeners, Path targetNetns) {
        this.selector = selector;
        this.listeners = listeners;
        this.targetNetns = targetNetns;
    }

    /**
     * Binds every host port of {@code ports} here and forwards each to {@code targetAddress} as seen from the
     * network namespace at {@code targetNetns}. Fails with {@link PortInUseException} naming a port someone holds.
     */
    public static NetworkDriver.Connection start(List<PortMapping> ports, Path targetNetns, String targetAddress)
            throws IOException {
        InetAddress target = InetAddress.getByName(targetAddress);
        List<Listener> listeners = new ArrayList<>();
        Selector selector = Selector.open();
        PortForwarder forwarder = new PortForwarder(selector, listeners, targetNetns);
        try {
            for (PortMapping range : ports) {
                for (PortMapping port : range.singlePorts()) {
                    if (!port.protocol().equals(PortMapping.TCP)) {
                        throw new IOException(RootlessNetns.UDP_REFUSED);
                    }
                    listeners.add(new Listener(listen(port), new InetSocketAddress(target, port.containerPort())));
                }
            }
            forwarder.thread = new Thread(forwarder, "ports");
            forwarder.thread.setDaemon(true);
            forwarder.thread.start();
            forwarder.entered.get();
            return forwarder;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            forwarder.close();
            throw new IOException("interrupted while forwarding the published ports", e);
        } catch (ExecutionException e) {
            forwarder.close();
            throw new IOException("cannot forward the published ports into " + targetNetns + ": "
                    + e.getCause().getMessage(), e.getCause());
        } catch (IOException | RuntimeException e) {
            forwarder.close();
            throw e;
        }
    }

    private static ServerSocketChannel listen(PortMapping port) throws IOException {
        ServerSocketChannel channel = ServerSocketChannel.open();
        try {
            channel.bind(new InetSocketAddress(HostPorts.address(port), port.hostPort()));
            channel.configureBlocking(false);
            return channel;
        } catch (BindException e) {
            channel.close();
            throw HostPorts.inUse(port);
        } catch (IOException e) {
            channel.close();
            throw new IOException(HostPorts.cannotListen(port, e.getMessage()), e);
        }
    }

    @Override
    public void run() {
        try {
            Namespaces.enterNetwork(targetNetns);
            for (Listener listener : listeners) {
                listener.channel().register(selector, SelectionKey.OP_ACCEPT, listener);
            }
            entered.complete(null);
            while (!closing) {
                selector.select();
                for (SelectionKey key : selector.selectedKeys()) {
                    handle(key);
                }
                selector.selectedKeys().clear();
            }
        } catch (IOException | RuntimeException e) {
            if (!entered.completeExceptionally(e)) {
                System.err.println("vaina monitor: forwarding the published ports stopped: " + e.getMessage());
            }
        } finally {
            closeAll();
        }
    }

    private void handle(SelectionKey key) {
        if (!key.isValid()) {
            return;
        }
        if (key.attachment() instanceof Listener listener) {
            accept(listener);
        } else {
            ((Relay) key.attachment()).ready(key);
        }
    }

    /** A client came: the connection to the container is opened from here, the holder's network namespace. */
    private void accept(Listener listener) {
        SocketChannel client = null;
        SocketChannel container = null;
        try {
            client = listener.channel().accept();
            if (client == null) {
                return;
            }
            container = SocketChannel.open();
            container.configureBlocking(false);
            client.configureBlocking(false);
            Relay relay = new Relay(client, container);
            relay.register(selector, listener.target());
        } catch (IOException e) {
            closeQuietly(client);
            closeQuietly(container);
        }
    }

    /** Frees the ports and ends every forwarded connection. */
    @Override
    public void close() {
        closing = true;
        if (thread == null) {
            closeAll();
            return;
        }
        selector.wakeup();
        try {
            thread.join(CLOSE_WAIT_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private synchronized void closeAll() {
        if (!selector.isOpen()) {
            return;
        }
        for (SelectionKey key : selector.keys()) {
            if (key.attachment() instanceof Relay relay) {
                relay.close();
            }
        }
        for (Listener listener : listeners) {
            closeQuietly(listener.channel());
        }
        try {
            selector.close();
        } catch (IOException ignored) {
            // Closing a selector fails only if it is already closed.
        }
    }

    static void closeQuietly(java.nio.channels.Channel channel) {
        if (channel == null) {
            return;
        }
        try {
            channel.close();
        } catch (IOException ignored) {
            // The connection is over either way.
        }
    }
}
