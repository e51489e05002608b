package dev.vaina.cli.system;

import dev.vaina.cli.common.Context;
import dev.vaina.cli.common.ContextCommand;
import dev.vaina.cli.common.OutputFormat;
import dev.vaina.gotemplate.GoStruct;
import dev.vaina.store.Json;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Option;

/**
 * `vaina version`, laid out as Podman's, so that scripts reading "Version:" work. vaina has no REST API,
 * so Podman's "API Version" line has no counterpart; the Java runtime takes the place of Go's.
 */
@Command(name = "version", description = "Print vaina's version.")
public final class VersionCommand extends ContextCommand {
    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT",
            description = "Output format: json or a Go TEMPLATE such as '{{.Client.Version}}'.")
    String format;

    @Override
    protected int execute(Context context) throws IOException {
        OutputFormat output = OutputFormat.forObject(format, "version");
        PrintWriter out = out();
        VersionInfo info = VersionInfo.current();
        if (output.isDefault()) {
            // Each label padded to 14 columns, as Podman's tab writer lays them out.
            for (Map.Entry<String, String> line : info.lines().entrySet()) {
                StringBuilder label = new StringBuilder(line.getKey()).append(':');
                while (label.length() < 14) {
                    label.append(' ');
                }
                out.println(label.append(line.getValue()));
            }
        } else if (output.isJson()) {
            out.println(Json.compact().asString(Map.of("Client", client(info))));
        } else {
            output.print(out, new GoStruct("entities.SystemVersionReport", Map.of("Client",
                    new GoStruct("*define.Version", client(info)))), null);
        }
        out.flush();
        return 0;
    }

    /** The fields of Podman's client version that mean something for vaina, by the same names. */
    private static Map<String, Object> client(VersionInfo info) {
        Map<String, Object> client = new LinkedHashMap<>();
        client.put("Version", info.version());
        client.put("JavaVersion", info.javaVersion());
        client.put("Built", info.built() == null ? 0L : info.built().getEpochSecond());
        client.put("BuiltTime", info.lines().get("Built"));
        client.put("OsArch", info.osArch());
        client.put("Os", "linux");
        return client;
    }

    public static String version() {
        return VersionInfo.release();
    }

    public static final class Provider implements IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"vaina version " + version()};
        }
    }
}
