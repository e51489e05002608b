package dev.vaina.engine;

/** The short sleeps of polling loops; an interrupt ends the operation instead of being swallowed. */
public final class Waiting {
    private Waiting() {
    }

    /**
     * A pause of a loop that began at {@code since} (System.nanoTime): 2 ms during its first second, 25 after.
     * Most waits are short (an attached run of a short command, a cleanup), and their end is seen at once: `run --rm`
     * waits three times so (its output to the exit file, the exit record, its unit's end), 5 ms pauses cost it 5 ms
     * more on the whole (258.1/274.3 against 255.1/265.3 ms, interleaved); a long wait costs no more than it did.
     */
    public static void pause(long since) {
        sleep(System.nanoTime() - since < 1_000_000_000L ? 2 : 25);
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
