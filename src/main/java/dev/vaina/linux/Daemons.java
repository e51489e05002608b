package dev.vaina.linux;

/** Work started beside the caller's that must not keep the process alive: a daemon thread, started at once. */
final class Daemons {
    private Daemons() {
    }

    static Thread start(Runnable task, String name) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }
}
