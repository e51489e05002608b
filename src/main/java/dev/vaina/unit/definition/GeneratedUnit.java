package dev.vaina.unit.definition;

import java.util.List;

/**
 * A service made from a definition file: its file name and text, and the links its [Install] section asks for
 * (generated units cannot be enabled, so the generator makes the links that `systemctl enable` would).
 */
public record GeneratedUnit(String serviceName, String text, List<Link> links) {

    /** A symbolic link in the output directory: path (e.g. default.target.wants/app.service) -> target. */
    public record Link(String path, String target) {
    }

    public GeneratedUnit {
        links = List.copyOf(links);
    }
}
