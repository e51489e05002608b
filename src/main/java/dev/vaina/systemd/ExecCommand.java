package dev.vaina.systemd;

import java.util.List;
import org.freedesktop.dbus.Struct;
import org.freedesktop.dbus.annotations.Position;

/**
 * One command line of ExecStart= or ExecStopPost= as a transient unit takes it, D-Bus signature (sasb):
 * the binary, the full argv (argv[0] included) and whether a failure is ignored ("-" in a unit file).
 */
public final class ExecCommand extends Struct {
    @Position(0)
    public final String path;
    @Position(1)
    public final List<String> argv;
    @Position(2)
    public final boolean ignoreFailure;

    public ExecCommand(String path, List<String> argv, boolean ignoreFailure) {
        this.path = path;
        this.argv = argv;
        this.ignoreFailure = ignoreFailure;
    }
}
