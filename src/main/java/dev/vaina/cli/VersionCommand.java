package dev.vaina.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;

/** `vaina version`. */
@Command(name = "version", description = "Print vaina's version.")
final class VersionCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().getOut().println("Version:      " + version());
        spec.commandLine().getOut().println("Java:         " + System.getProperty("java.version"));
        spec.commandLine().getOut().flush();
    }

    static String version() {
        String version = VersionCommand.class.getPackage().getImplementationVersion();
        return version == null ? "0.1.0-dev" : version;
    }

    static final class Provider implements IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"vaina version " + version()};
        }
    }
}
