package dev.vaina.systemd;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;

/**
 * A bus socket on the JDK's own unix-domain channel. Its first use in a JVM costs some 20 ms of a thread (the
 * selector provider's lambda sets the method-handle machinery up, and the JDK's unix-domain sockets seed a
 * SecureRandom, which loads the security providers).
 */
final class ChannelBusSocket implements BusSocket {
    static final Opener OPENER = new Opener() {
        @Override
        public BusSocket open(Path socket) throws IOException {
            SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX);
            try {
                channel.connect(UnixDomainSocketAddress.of(socket));
            } catch (IOException e) {
                channel.close();
                throw e;
            }
            return new ChannelBusSocket(channel);
        }
    };

    private final SocketChannel channel;

    private ChannelBusSocket(SocketChannel channel) {
        this.channel = channel;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        return channel.read(ByteBuffer.wrap(buffer, offset, length));
    }

    @Override
    public void write(byte[] bytes) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
    }

    /**
     * Asks the socket's SO_LINGER once, here, so that the JDK's close need not. Closing a connected channel whose
     * reading thread is blocked (this one, as a command ends) asks it through {@code sun.nio.ch.Net}, whose
     * initialisation loads the JDK's internet-address and socket-option classes: 1.7 ms of a command's last moments,
     * spent on the reading thread beside the command's work instead.
     */
    @Override
    public void beforeReading() {
        try {
            channel.getOption(StandardSocketOptions.SO_LINGER);
        } catch (IOException | RuntimeException e) {
            // Only a head start: the close asks again.
        }
    }

    /** The JDK's channel may be closed while a thread reads: that read ends, and the descriptor goes after it. */
    @Override
    public void shutdown() {
        close();
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            // Closing a socket that failed loses nothing.
        }
    }
}
