package dev.vaina.cli;

import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;

/**
 * `vaina version`, laid out as Podman's, so that scripts reading "Version:" work. vaina has no REST API,
 * so Podman's "API Version" line has no counterpart; the Java runtime takes the place of Go's.
 */
@Command(name = "version", description = "Print vaina's version.")
final class VersionCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        PrintWriter out = spec.commandLine().getOut();
        VersionInfo.current().lines().forEach((label, value) -> out.println(String.format("%-14s%s", label + ":", value)));
        out.flush();
    }

    static String version() {
        return VersionInfo.current().version();
    }

    static final class Provider implements IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"vaina version " + version()};
        }
    }
}
