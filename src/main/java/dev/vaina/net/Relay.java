package dev.vaina.net;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.CancelledKeyException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;

/**
 * One forwarded TCP connection of {@link PortForwarder}: a client's and the one to the container, bytes copied
 * both ways through a buffer per direction. A direction whose buffer holds bytes not yet written stops reading
 * (so a slow reader slows the writer instead of filling memory); an end of stream is passed on as a half close;
 * once both directions have ended, or either side fails, both connections close.
 */
final class Relay {
    private static final int BUFFER_BYTES = 16 * 1024;

    private final Flow upstream;
    private final Flow downstream;
    private SelectionKey clientKey;
    private SelectionKey containerKey;

    /** Bytes read from {@code from}, written to {@code to}. */
    private static final class Flow {
        final SocketChannel from;
        final SocketChannel to;
        final ByteBuffer buffer = ByteBuffer.allocate(BUFFER_BYTES);
        boolean ended;
        boolean shutDown;

        Flow(SocketChannel from, SocketChannel to) {
            this.from = from;
            this.to = to;
        }

        /** Reads what is there and writes what it can; false once this direction is over. */
        boolean pump() throws IOException {
            if (!ended && buffer.hasRemaining() && from.read(buffer) < 0) {
                ended = true;
            }
            if (buffer.position() > 0) {
                buffer.flip();
                to.write(buffer);
                buffer.compact();
            }
            if (ended && buffer.position() == 0 && !shutDown) {
                to.shutdownOutput();
                shutDown = true;
            }
            return !shutDown;
        }

        boolean wantsRead() {
            return !ended && buffer.position() == 0;
        }

        boolean wantsWrite() {
            return buffer.position() > 0;
        }
    }

    Relay(SocketChannel client, SocketChannel container) {
        this.upstream = new Flow(client, container);
        this.downstream = new Flow(container, client);
    }

    /** Starts connecting to {@code target}; the client is not read until that connection stands. */
    void register(Selector selector, InetSocketAddress target) throws IOException {
        clientKey = upstream.from.register(selector, 0, this);
        containerKey = upstream.to.register(selector, SelectionKey.OP_CONNECT, this);
        if (upstream.to.connect(target)) {
            interest();
        }
    }

    void ready(SelectionKey key) {
        try {
            if (key == containerKey && key.isConnectable()) {
                upstream.to.finishConnect();
                interest();
                return;
            }
            boolean open = upstream.pump() | downstream.pump();
            if (!open) {
                close();
                return;
            }
            interest();
        } catch (IOException | CancelledKeyException e) {
            // This connection is over; the others go on.
            close();
        }
    }

    /** Reads a side while its outgoing buffer is empty; writes it while its incoming buffer has bytes. */
    private void interest() {
        clientKey.interestOps((upstream.wantsRead() ? SelectionKey.OP_READ : 0)
                | (downstream.wantsWrite() ? SelectionKey.OP_WRITE : 0));
        containerKey.interestOps((downstream.wantsRead() ? SelectionKey.OP_READ : 0)
                | (upstream.wantsWrite() ? SelectionKey.OP_WRITE : 0));
    }

    void close() {
        PortForwarder.closeQuietly(upstream.from);
        PortForwarder.closeQuietly(upstream.to);
    }
}
