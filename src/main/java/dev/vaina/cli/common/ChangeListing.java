package dev.vaina.cli.common;

import dev.vaina.image.LayerChanges.Change;
import dev.vaina.store.Json;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The output of {@code diff} and {@code image diff}: "A|C|D PATH" lines, or with --format json the paths grouped. */
public final class ChangeListing {
    private ChangeListing() {
    }

    /** Refuses a --format other than json before anything is looked up. */
    public static void checkFormat(String format) {
        if (format != null && !format.equals("json")) {
            throw new CommandFailedException(ExitCodes.ENGINE, "--format " + format + " is not supported: use json");
        }
    }

    public static void print(List<Change> changes, String format, PrintWriter out) throws IOException {
        if (format == null) {
            for (Change change : changes) {
                out.println(change);
            }
        } else {
            // Podman's keys, each present only when it has paths
            Map<String, List<String>> grouped = new LinkedHashMap<>();
            for (Change change : changes) {
                String key = change.kind() == 'A' ? "added" : change.kind() == 'C' ? "changed" : "deleted";
                List<String> paths = grouped.get(key);
                if (paths == null) {
                    paths = new ArrayList<>();
                    grouped.put(key, paths);
                }
                paths.add(change.path());
            }
            out.println(Json.pretty().asString(grouped));
        }
        out.flush();
    }
}
