package dev.vaina.spec;

import java.util.List;

/**
 * The O option of -v (an overlay volume: the container sees the source through an overlay whose changes are
 * its own and temporary), with Podman's rules for what may go with it. Podman also takes U and a user's own
 * upperdir= and workdir= with O; vaina refuses them, naming what it takes instead.
 */
final class OverlayOptions {
    private static final String UPPERDIR = "upperdir=";
    private static final String WORKDIR = "workdir=";

    private OverlayOptions() {
    }

    /** upperdir=PATH and workdir=PATH, which Podman's parser lets through for an overlay volume. */
    static boolean isDirectory(String option) {
        return option.startsWith(UPPERDIR) || option.startsWith(WORKDIR);
    }

    static void check(List<String> options) {
        boolean upper = options.stream().anyMatch(o -> o.startsWith(UPPERDIR));
        boolean work = options.stream().anyMatch(o -> o.startsWith(WORKDIR));
        if (options.contains("O")) {
            if (upper != work) {
                throw new InvalidSpecException("must set both `upperdir` and `workdir`");
            }
            boolean podmansPair = upper || options.contains("U");
            if (options.size() > 3 || options.size() == 3 && !upper || options.size() == 2 && !podmansPair) {
                throw new InvalidSpecException("can't use 'O' with other options");
            }
        }
        if (upper || work) {
            throw new InvalidSpecException("invalid options \"" + String.join(", ", options) + "\": vaina does not"
                    + " take upperdir and workdir; use O alone, whose changes go to temporary directories of the"
                    + " container");
        }
        if (options.contains("O") && options.size() > 1) {
            throw new InvalidSpecException("invalid options \"" + String.join(", ", options) + "\": vaina does not"
                    + " take U with O; use O alone, or U without O");
        }
    }
}
