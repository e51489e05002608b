package dev.vaina.monitor;

import dev.vaina.linux.FileDescriptors;
import dev.vaina.linux.NativeCallException;
import dev.vaina.linux.PollSet;
import java.io.IOException;

/**
 * The container's output streams and the attach socket's connections, served by one thread: each stream's bytes
 * go to the log and to the attached clients until its end of file, and new clients are accepted until the socket
 * is closed. One thread rather than one per stream and one for the socket: a thread that runs Java code touches
 * about 90 KiB of its stack (HotSpot bangs the pages a frame may need below it), and a monitor runs per container.
 */
final class ContainerIo implements Runnable {
    private static final int BUFFER_SIZE = 8192;

    private final int[] outputs;
    private final StreamId[] streams;
    private final CriLogWriter log;
    private final AttachServer attach;
    private final PollSet polled;
    private final int listenerSlot;
    private int outputsOpen;
    /** Set by the attach server's close: the socket's descriptor is to be polled no more. */
    private boolean releaseListener;
    private boolean listenerReleased;

    private ContainerIo(int[] outputs, StreamId[] streams, CriLogWriter log, AttachServer attach) {
        this.outputs = outputs;
        this.streams = streams;
        this.log = log;
        this.attach = attach;
        this.polled = new PollSet(outputs.length + 1);
        for (int fd : outputs) {
            polled.add(fd);
        }
        this.listenerSlot = polled.add(attach.listeningDescriptor());
        this.outputsOpen = outputs.length;
    }

    /**
     * Serves {@code outputs} (descriptors, each of the stream beside it, closed at their end) and {@code attach}'s
     * connections from now on, on a thread of its own.
     */
    static ContainerIo start(int[] outputs, StreamId[] streams, CriLogWriter log, AttachServer attach) {
        ContainerIo io = new ContainerIo(outputs, streams, log, attach);
        attach.servedBy(io);
        Threads.start("io", io);
        return io;
    }

    /** Waits until every output stream has ended, at most {@code millis}; whether they have. */
    synchronized boolean awaitOutputs(long millis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + millis;
        while (outputsOpen > 0) {
            long left = deadline - System.currentTimeMillis();
            if (left <= 0) {
                return false;
            }
            wait(left);
        }
        return true;
    }

    /**
     * Has this thread poll the attach socket no more, and waits until it does (at most a second: a log write that
     * hangs keeps it), so that the socket's descriptor can be closed; whether it did. The socket has stopped
     * accepting, which wakes the poll.
     */
    synchronized boolean releaseListener() throws InterruptedException {
        releaseListener = true;
        long deadline = System.currentTimeMillis() + 1000;
        while (!listenerReleased) {
            long left = deadline - System.currentTimeMillis();
            if (left <= 0) {
                return false;
            }
            wait(left);
        }
        return true;
    }

    @Override
    public void run() {
        byte[] buffer = new byte[BUFFER_SIZE];
        try {
            while (polled.polling()) {
                polled.await();
                for (int slot = 0; slot < outputs.length; slot++) {
                    if (polled.ready(slot)) {
                        pump(slot, buffer);
                    }
                }
                if (listenerHeld() && polled.ready(listenerSlot) && !attach.acceptClient()) {
                    dropListener();
                }
            }
        } catch (NativeCallException e) {
            System.err.println("vaina monitor: waiting for the container's output: " + e.getMessage());
        } finally {
            polled.close();
            synchronized (this) {
                // Whatever is left, nothing waits for this thread any more.
                outputsOpen = 0;
                listenerReleased = true;
                notifyAll();
            }
        }
    }

    /** Whether the attach socket is still this thread's to poll; drops it once its close asks. */
    private synchronized boolean listenerHeld() {
        if (!listenerReleased && releaseListener) {
            dropListener();
        }
        return !listenerReleased;
    }

    private synchronized void dropListener() {
        polled.drop(listenerSlot);
        listenerReleased = true;
        notifyAll();
    }

    /** One read of an output stream that is ready: its bytes passed on, or its end. */
    private void pump(int slot, byte[] buffer) {
        StreamId stream = streams[slot];
        int n;
        try {
            n = FileDescriptors.read(outputs[slot], buffer);
        } catch (NativeCallException e) {
            System.err.println("vaina monitor: reading the container's " + stream.logName() + " failed: "
                    + e.getMessage());
            n = -1;
        }
        if (n > 0) {
            attach.broadcast(stream, buffer, n);
            try {
                log.write(stream, buffer, n);
                return;
            } catch (IOException e) {
                System.err.println("vaina monitor: writing the " + stream.logName() + " log failed: " + e.getMessage());
            }
        }
        polled.drop(slot);
        try {
            log.endOfStream(stream);
        } catch (IOException e) {
            System.err.println("vaina monitor: finishing the " + stream.logName() + " log failed: " + e.getMessage());
        }
        FileDescriptors.closeQuietly(outputs[slot]);
        synchronized (this) {
            outputsOpen--;
            notifyAll();
        }
    }
}
