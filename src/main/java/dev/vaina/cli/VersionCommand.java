package dev.vaina.cli;

import dev.vaina.gotemplate.GoStruct;
import dev.vaina.store.Json;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Option;

/** `vaina version`. */
@Command(name = "version", description = "Print vaina's version.")
final class VersionCommand implements java.util.concurrent.Callable<Integer> {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT",
            description = "Output format: json or a Go TEMPLATE such as '{{.Client.Version}}'.")
    String format;

    @Override
    public Integer call() throws IOException {
        OutputFormat output = OutputFormat.forObject(format, "version");
        java.io.PrintWriter out = spec.commandLine().getOut();
        if (output.isDefault()) {
            out.println("Version:      " + version());
            out.println("Java:         " + System.getProperty("java.version"));
        } else if (output.isJson()) {
            out.println(Json.COMPACT.asString(Map.of("Client", client())));
        } else {
            output.print(out, new GoStruct("entities.SystemVersionReport", Map.of("Client",
                    new GoStruct("*define.Version", client()))), null);
        }
        out.flush();
        return 0;
    }

    /** The fields of Podman's client version that mean something for vaina, by the same names. */
    private static Map<String, Object> client() {
        Map<String, Object> client = new LinkedHashMap<>();
        client.put("Version", version());
        client.put("JavaVersion", System.getProperty("java.version"));
        client.put("OsArch", "linux/" + goArch(System.getProperty("os.arch")));
        client.put("Os", "linux");
        return client;
    }

    /** Go's names for the machine, which Podman users' scripts compare against. */
    private static String goArch(String javaArch) {
        return switch (javaArch) {
            case "x86_64", "amd64" -> "amd64";
            case "aarch64" -> "arm64";
            default -> javaArch;
        };
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
