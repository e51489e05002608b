package dev.vaina.cli.containers;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/** The attach socket's output frames without a terminal: [stream id][length, 4 bytes][bytes]. */
final class Frames {
    private static final int STDERR = 2;

    private Frames() {
    }

    static void demultiplex(InputStream in, OutputStream stdout, OutputStream stderr) throws IOException {
        DataInputStream data = new DataInputStream(in);
        byte[] buffer = new byte[65536];
        while (true) {
            int stream;
            try {
                stream = data.readUnsignedByte();
            } catch (EOFException e) {
                return;
            }
            int length = data.readInt();
            if (length < 0 || length > buffer.length) {
                throw new IOException("the monitor sent a frame of " + length + " bytes; at most " + buffer.length + " are allowed");
            }
            data.readFully(buffer, 0, length);
            OutputStream target = stream == STDERR ? stderr : stdout;
            target.write(buffer, 0, length);
            target.flush();
        }
    }
}
