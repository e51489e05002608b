package dev.vaina.cli.containers;

import sun.misc.Signal;

/** SIGWINCH, so that a resized terminal resizes the container's. */
final class WindowChanges {
    private WindowChanges() {
    }

    static void onChange(Runnable action) {
        Signal.handle(new Signal("WINCH"), signal -> action.run());
    }
}
