package dev.vaina.it.registry;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;

/**
 * A TCP proxy on 127.0.0.1 in front of a registry that passes the registry's answers on at a fixed rate:
 * a slow network, so that a pull takes a known while.
 */
public final class ThrottledProxy implements AutoCloseable {
    private static final int CHUNK = 8 * 1024;

    private final ServerSocket server;
    private final int targetPort;
    private final int bytesPerSecond;

    private ThrottledProxy(ServerSocket server, int targetPort, int bytesPerSecond) {
        this.server = server;
        this.targetPort = targetPort;
        this.bytesPerSecond = bytesPerSecond;
    }

    public static ThrottledProxy start(int targetPort, int bytesPerSecond) throws IOException {
        ThrottledProxy proxy = new ThrottledProxy(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()), targetPort,
                bytesPerSecond);
        daemon("proxy-accept", proxy::acceptLoop);
        return proxy;
    }

    public String host() {
        return "127.0.0.1:" + server.getLocalPort();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Socket upstream = new Socket(InetAddress.getLoopbackAddress(), targetPort);
                daemon("proxy-up", () -> copy(client, upstream, 0));
                daemon("proxy-down", () -> copy(upstream, client, bytesPerSecond));
            } catch (IOException e) {
                return;
            }
        }
    }

    /** Copies until EOF; with a rate, sleeps after each chunk so that the average stays at that rate. */
    private static void copy(Socket from, Socket to, int rate) {
        byte[] buffer = new byte[CHUNK];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                out.write(buffer, 0, n);
                out.flush();
                if (rate > 0) {
                    Thread.sleep(n * 1000L / rate);
                }
            }
        } catch (IOException | InterruptedException e) {
            // One side closed: the other one follows below.
        } finally {
            try {
                from.close();
                to.close();
            } catch (IOException ignored) {
                // already closed
            }
        }
    }

    private static void daemon(String name, Runnable task) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
