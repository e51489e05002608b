package dev.vaina.it.support;

import java.util.ArrayList;
import java.util.List;

/** Busy threads that keep CPUs saturated until closed, so a test sees a slow machine. */
public final class CpuLoad implements AutoCloseable {
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running = true;

    public CpuLoad(int threadCount) {
        for (int i = 0; i < threadCount; i++) {
            Thread thread = new Thread(this::spin, "cpu-load-" + i);
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
    }

    private void spin() {
        long sink = 0;
        while (running) {
            sink += System.nanoTime() % 7;
        }
        if (sink == 42) {
            Thread.yield(); // keeps the loop from being optimised away
        }
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        for (Thread thread : threads) {
            thread.join();
        }
    }
}
