package dev.vaina.launch;

import dev.vaina.store.Event;
import dev.vaina.store.EventJournal;
import dev.vaina.store.StoreLayout;
import java.io.IOException;

/** The launcher's and the cleanup's events: a journal that cannot be written costs a line on stderr (the unit's log). */
final class Journal {
    private Journal() {
    }

    static void record(StoreLayout layout, Event event) {
        IOException failure = new EventJournal(layout).append(event);
        if (failure != null) {
            System.err.println("vaina: cannot record the container " + event.status() + " event: " + failure.getMessage());
        }
    }
}
