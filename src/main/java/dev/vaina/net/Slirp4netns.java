package dev.vaina.net;

import dev.vaina.linux.FileDescriptors;
import dev.vaina.linux.Pipe;
import dev.vaina.spec.PortMapping;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * slirp4netns: a user-mode TCP/IP stack behind a tap device (10.0.2.100/24, gateway 10.0.2.2, DNS
 * 10.0.2.3); IPv4 only. Published ports are added through its API socket ({@code add_hostfwd}), which
 * answers with an error for a port it cannot bind.
 *
 * <p>It does not end with the namespace: it ends when its exit pipe closes. The monitor holds the write
 * end, so slirp4netns ends when the monitor closes it or dies; a monitor that hands its container over to systemd
 * leaves a write end to a process of the unit that does nothing ({@link Connection#outliveMonitor}). It is started through {@code setsid -f} so
 * that it is not a {@link Process} of this JVM: the monitor's reaper may then reap it without taking a
 * status the JDK waits for.
 */
final class Slirp4netns implements NetworkDriver {
    static final String NAME = "slirp4netns";
    static final String CONTAINER_ADDRESS = "10.0.2.100";
    static final String DNS_ADDRESS = "10.0.2.3";

    private final Path socket;

    Slirp4netns(Path socket) {
        this.socket = socket;
    }

    @Override
    public Connection connect(Path netns, List<PortMapping> ports) throws IOException {
        for (PortMapping port : ports) {
            if (port.hostIp().contains(":")) {
                throw new IOException("slirp4netns forwards IPv4 only: cannot publish " + port.describe()
                        + "; use pasta for IPv6 host addresses");
            }
        }
        Files.deleteIfExists(socket);
        Pipe exit = Pipe.open();
        Pipe ready = Pipe.open();
        // The ready pipe arrives as stdout and is moved to fd 3 by the shell: slirp4netns prints warnings on
        // its stdout ("Support for seccomp is experimental"), which would be taken for the ready byte.
        List<String> command = List.of("setsid", "-f", "sh", "-c", "exec \"$@\" 3>&1 1>&2", "slirp4netns",
                "slirp4netns", "--configure", "--mtu=65520", "--disable-host-loopback", "--enable-sandbox",
                "--enable-seccomp", "--api-socket", socket.toString(), "--exit-fd=0", "--ready-fd=3",
                "--netns-type=path", netns.toString(), "tap0");
        Process setsid = new ProcessBuilder(command).redirectInput(exit.readEndFile())
                .redirectOutput(ready.writeEndFile())
                .redirectError(Path.of(socket + ".log").toFile()).start();
        Exit stopper = new Exit(exit.writeFd());
        try {
            waitFor(setsid);
            FileDescriptors.close(exit.readFd());
            FileDescriptors.close(ready.writeFd());
            byte[] buffer = new byte[1];
            int n = FileDescriptors.read(ready.readFd(), buffer);
            FileDescriptors.close(ready.readFd());
            if (n != 1 || buffer[0] != '1') {
                throw new IOException("slirp4netns exited before the network was ready");
            }
            for (PortMapping port : ports) {
                for (PortMapping single : port.singlePorts()) {
                    forward(single);
                }
            }
            return stopper;
        } catch (IOException | RuntimeException e) {
            stopper.close();
            throw e;
        }
    }

    private void forward(PortMapping port) throws IOException {
        String request = "{\"execute\":\"add_hostfwd\",\"arguments\":{\"proto\":\"" + port.protocol()
                + "\",\"host_addr\":\"" + port.displayHostIp() + "\",\"host_port\":" + port.hostPort()
                + ",\"guest_port\":" + port.containerPort() + "}}";
        String reply;
        try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            channel.connect(UnixDomainSocketAddress.of(socket));
            channel.write(ByteBuffer.wrap(request.getBytes(StandardCharsets.UTF_8)));
            channel.shutdownOutput();
            // A Unix-domain channel has no Socket view: read its answer off the channel itself.
            java.io.ByteArrayOutputStream answer = new java.io.ByteArrayOutputStream();
            ByteBuffer buffer = ByteBuffer.allocate(4096);
            while (channel.read(buffer) >= 0) {
                answer.write(buffer.array(), 0, buffer.position());
                buffer.clear();
            }
            reply = answer.toString(StandardCharsets.UTF_8);
        }
        if (!reply.contains("\"return\"")) {
            throw new PortInUseException("cannot listen on the " + port.protocol().toUpperCase(java.util.Locale.ROOT)
                    + " port: " + port.displayHostIp() + ":" + port.hostPort() + ": slirp4netns answered " + reply.strip());
        }
    }

    private static void waitFor(Process setsid) throws IOException {
        try {
            if (!setsid.waitFor(10, TimeUnit.SECONDS) || setsid.exitValue() != 0) {
                throw new IOException("could not start slirp4netns through setsid");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while starting slirp4netns", e);
        }
    }

    /** Closing the exit pipe's write end is slirp4netns's documented way to stop. */
    private static final class Exit implements Connection {
        private final int fd;
        private boolean closed;

        Exit(int fd) {
            this.fd = fd;
        }

        /**
         * slirp4netns ends once the last write end of its exit pipe is closed: a process of the unit that does
         * nothing holds one from now on, and systemd ends it, and so slirp4netns, with the unit.
         */
        @Override
        public synchronized void outliveMonitor() throws IOException {
            new ProcessBuilder("sleep", "infinity").redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .redirectOutput(new java.io.File("/proc/self/fd/" + fd))
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        }

        @Override
        public synchronized void close() {
            if (!closed) {
                closed = true;
                FileDescriptors.closeQuietly(fd); // slirp4netns has its end of file either way
            }
        }
    }
}
