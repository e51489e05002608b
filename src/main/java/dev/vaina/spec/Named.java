package dev.vaina.spec;

/** What the store keeps under an id and lets claim a name: containers, pods, networks, volumes (a volume's name is its id). */
public interface Named {
    String id();

    String name();
}
