package dev.vaina.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * An exclusive advisory lock on a file, held for the life of a try-with-resources block. It serialises
 * vaina processes; the kernel drops it when a holder dies, so a crash never leaves it stuck. File locks
 * belong to the whole JVM, so threads of one process also queue on an in-process lock first.
 */
public final class StoreLock implements AutoCloseable {
    private static final ConcurrentHashMap<Path, ReentrantLock> IN_PROCESS = new ConcurrentHashMap<>();

    private final ReentrantLock threadLock;
    private final FileChannel channel;
    private final FileLock lock;

    private StoreLock(ReentrantLock threadLock, FileChannel channel, FileLock lock) {
        this.threadLock = threadLock;
        this.channel = channel;
        this.lock = lock;
    }

    public static StoreLock acquire(Path file) throws IOException {
        Path key = file.toAbsolutePath().normalize();
        Files.createDirectories(key.getParent());
        // putIfAbsent, not computeIfAbsent's lambda: a command's first lambda sets the JVM's method-handle
        // machinery up, and every command that writes takes a lock.
        ReentrantLock fresh = new ReentrantLock();
        ReentrantLock known = IN_PROCESS.putIfAbsent(key, fresh);
        ReentrantLock threadLock = known != null ? known : fresh;
        threadLock.lock();
        FileChannel channel = null;
        try {
            channel = FileChannel.open(key, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            return new StoreLock(threadLock, channel, channel.lock());
        } catch (IOException | RuntimeException e) {
            if (channel != null) {
                channel.close();
            }
            threadLock.unlock();
            throw e;
        }
    }

    @Override
    public void close() throws IOException {
        try {
            lock.release();
            channel.close();
        } finally {
            threadLock.unlock();
        }
    }
}
