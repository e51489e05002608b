package com.sun.jna.internal;

import java.lang.ref.PhantomReference;
import java.lang.ref.Reference;
import java.lang.ref.ReferenceQueue;
import java.util.HashSet;
import java.util.Set;

/**
 * Stands in for JNA's class of this name, which the build leaves out of vaina.jar (pom.xml): the same calls,
 * without a thread. JNA's started a thread of its own at the first library loaded (a loaded library registers
 * itself for cleaning, and stays), so every monitor kept one for its container's life, about 0.1 MiB of its
 * memory. Here the cleanups of what the collector found unreachable (JNA's native memory: a string argument's
 * copy, a {@code Memory} never closed) run whenever something new is registered, as a {@code WeakHashMap} drops its
 * stale entries when next used: what waits is bounded by what became garbage since the last registration. An
 * explicit {@link Cleanable#clean()} (a {@code Memory} closed) runs at once, as JNA's does.
 */
public final class Cleaner {
    private static final Cleaner INSTANCE = new Cleaner();

    private final ReferenceQueue<Object> unreachable = new ReferenceQueue<>();
    /** Holds each registration until it is cleaned: a reference that is itself unreachable is never enqueued. */
    private final Set<Registration> pending = new HashSet<>();

    private Cleaner() {
    }

    public static Cleaner getCleaner() {
        return INSTANCE;
    }

    /** Runs {@code cleanupTask} once {@code object} is unreachable, or when the returned cleanable is cleaned. */
    public Cleanable register(Object object, Runnable cleanupTask) {
        cleanUnreachable();
        Registration registration = new Registration(this, object, unreachable, cleanupTask);
        synchronized (this) {
            pending.add(registration);
        }
        return registration;
    }

    private void cleanUnreachable() {
        Reference<?> found;
        while ((found = unreachable.poll()) != null) {
            ((Registration) found).clean();
        }
    }

    private synchronized boolean remove(Registration registration) {
        return pending.remove(registration);
    }

    /** What {@link #register} returns. */
    public interface Cleanable {
        /** Runs the cleanup now, unless it has run already. */
        void clean();
    }

    private static final class Registration extends PhantomReference<Object> implements Cleanable {
        private final Cleaner cleaner;
        private final Runnable cleanupTask;

        Registration(Cleaner cleaner, Object referent, ReferenceQueue<Object> queue, Runnable cleanupTask) {
            super(referent, queue);
            this.cleaner = cleaner;
            this.cleanupTask = cleanupTask;
        }

        @Override
        public void clean() {
            // Outside the cleaner's lock: a cleanup may free memory or close a library, never wait on the cleaner.
            if (cleaner.remove(this)) {
                clear();
                cleanupTask.run();
            }
        }
    }
}
