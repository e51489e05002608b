package dev.vaina.spec;

/** A container name as Podman accepts it. */
public record ContainerName(String value) {
    public ContainerName {
        Names.require("container", value);
    }

    @Override
    public String toString() {
        return value;
    }
}
