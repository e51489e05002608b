package dev.vaina.image;

import dev.vaina.spec.ImageReference;
import java.util.List;

/**
 * Where a short name is looked for among stored images before any other stored name is considered: the fully
 * qualified names to try, in order (Podman's order is localhost/NAME, then each unqualified-search registry).
 */
@FunctionalInterface
public interface ShortNameSearch {
    /** Only localhost/NAME: what a store knows without registries.conf. */
    ShortNameSearch LOCALHOST_ONLY = shortName -> List.of(
            ImageReference.parse(shortName, ImageReference.LOCAL_REGISTRY).toString());

    /**
     * @param shortName NAME[:TAG] without a registry, as the user typed it
     * @return fully qualified NAME:TAG candidates, best first
     */
    List<String> candidates(String shortName);
}
