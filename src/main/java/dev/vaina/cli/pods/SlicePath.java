package dev.vaina.cli.pods;

/**
 * Where a systemd slice sits in the cgroup tree: every dash in its name is a level, so a-b-c.slice is
 * a.slice/a-b.slice/a-b-c.slice, as systemd.slice(5) describes.
 */
final class SlicePath {
    private SlicePath() {
    }

    static String of(String slice) {
        String name = slice.substring(0, slice.length() - ".slice".length());
        StringBuilder path = new StringBuilder();
        int dash = -1;
        while ((dash = name.indexOf('-', dash + 1)) >= 0) {
            path.append(name, 0, dash).append(".slice/");
        }
        return path.append(slice).toString();
    }

    /** The slice a slice is in; -.slice, the root, for one without a dash. */
    static String parent(String slice) {
        String name = slice.substring(0, slice.length() - ".slice".length());
        int dash = name.lastIndexOf('-');
        return dash < 0 ? "-.slice" : name.substring(0, dash) + ".slice";
    }
}
