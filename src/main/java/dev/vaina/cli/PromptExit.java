package dev.vaina.cli;

/**
 * Lets the JVM exit as soon as a command is done. HotSpot's exit waits up to 300 ms for threads that are
 * inside native code, and the JDK's HTTP client (every command that talks to a registry) leaves one there: its
 * selector thread, waiting in epoll. JDK 17's client has no close(); its selector thread ends when it is
 * interrupted (its loop's condition), closing the client's connections, or once the client is unreachable,
 * which only a collection makes known (about 20 ms more).
 */
final class PromptExit {
    private static final long SELECTOR_WAIT_MILLIS = 200;

    private PromptExit() {
    }

    /** Ends the HTTP clients' selector threads, when there are any; returns at once otherwise. */
    static void prepare() {
        Thread[] threads = new Thread[Thread.activeCount() + 8];
        int count = Thread.enumerate(threads);
        for (int i = 0; i < count; i++) {
            if (isHttpSelector(threads[i])) {
                threads[i].interrupt(); // the command is done: no request is in flight
                try {
                    threads[i].join(SELECTOR_WAIT_MILLIS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private static boolean isHttpSelector(Thread thread) {
        String name = thread.getName();
        return name.startsWith("HttpClient-") && name.endsWith("-SelectorManager");
    }
}
