package dev.vaina.systemd;

import java.util.ArrayList;
import java.util.List;

/**
 * A service that exists only while it runs (StartTransientUnit): no unit file, no daemon-reload. It is
 * bound to another unit, so that stopping that unit stops this one too, and it is unloaded as soon as
 * it ends, failed or not.
 *
 * @param execStopPost run after the service ended, whatever its result (may be empty)
 * @param standardErrorFile where the service's stderr goes (its stdout goes nowhere)
 */
public record TransientService(String name, String description, List<String> execStart, List<String> execStopPost,
        String boundTo, String standardErrorFile) {

    /** The unit's properties as StartTransientUnit takes them: (name, variant) pairs, signature a(sv). */
    List<List<Object>> properties() {
        List<List<Object>> properties = new ArrayList<>();
        properties.add(List.of("Description", Variant.of(description)));
        properties.add(List.of("ExecStart", commands(execStart)));
        if (!execStopPost.isEmpty()) {
            properties.add(List.of("ExecStopPost", commands(execStopPost)));
        }
        properties.add(List.of("BindsTo", new Variant("as", List.of(boundTo))));
        properties.add(List.of("After", new Variant("as", List.of(boundTo))));
        properties.add(List.of("CollectMode", Variant.of("inactive-or-failed")));
        properties.add(List.of("StandardOutput", Variant.of("null")));
        properties.add(List.of("StandardErrorFile", Variant.of(standardErrorFile)));
        return properties;
    }

    /** One command line, a(sasb): the binary, the whole argv (argv[0] included), and whether a failure is ignored. */
    private static Variant commands(List<String> argv) {
        return new Variant("a(sasb)", List.of(List.of(argv.get(0), argv, false)));
    }
}
