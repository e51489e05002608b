package dev.vaina.monitor;

import java.io.IOException;
import java.io.InputStream;

/** Copies one of the container's output streams to the log and to attached clients until end of file. */
final class OutputPump implements Runnable {
    private static final int BUFFER_SIZE = 8192;

    private final InputStream source;
    private final StreamId stream;
    private final CriLogWriter log;
    private final AttachServer attach;

    OutputPump(InputStream source, StreamId stream, CriLogWriter log, AttachServer attach) {
        this.source = source;
        this.stream = stream;
        this.log = log;
        this.attach = attach;
    }

    @Override
    public void run() {
        byte[] buffer = new byte[BUFFER_SIZE];
        try {
            int n;
            while ((n = source.read(buffer, 0, buffer.length)) > 0) {
                attach.broadcast(stream, buffer, n);
                log.write(stream, buffer, n);
            }
        } catch (IOException e) {
            System.err.println("vaina monitor: reading the container's " + stream.logName() + " failed: "
                    + e.getMessage());
        } finally {
            try {
                log.endOfStream(stream);
                source.close();
            } catch (IOException e) {
                System.err.println("vaina monitor: finishing the " + stream.logName() + " log failed: "
                        + e.getMessage());
            }
        }
    }
}
