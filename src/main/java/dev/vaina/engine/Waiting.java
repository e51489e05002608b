package dev.vaina.engine;

/** The short sleeps of polling loops; an interrupt ends the operation instead of being swallowed. */
public final class Waiting {
    private Waiting() {
    }

    public static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EngineException("interrupted");
        }
    }
}
