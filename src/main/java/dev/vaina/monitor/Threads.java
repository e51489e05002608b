package dev.vaina.monitor;

/** The monitor's threads: daemons with small stacks, since one monitor runs per container. */
final class Threads {
    private static final long STACK_SIZE = 256 * 1024;

    private Threads() {
    }

    static Thread start(String name, Runnable task) {
        Thread thread = new Thread(null, task, "vaina-" + name, STACK_SIZE);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }
}
