package dev.vaina.spec;

import java.util.Comparator;

/** What the store keeps under an id and lets claim a name: containers, pods, networks, volumes (a volume's name is its id). */
public interface Named {
    String id();

    String name();

    /**
     * By name, as listings order records. A class of its own rather than {@code Comparator.comparing}, whose lambdas
     * are the JDK's: the CLI's class-data archive does not hold them, and each listing made them at run time.
     */
    Comparator<Named> BY_NAME = new Comparator<>() {
        @Override
        public int compare(Named a, Named b) {
            return a.name().compareTo(b.name());
        }
    };
}
