package dev.vaina.cli.system;

import dev.vaina.cli.common.Context;
import dev.vaina.cli.common.ContextCommand;
import dev.vaina.cli.common.OutputFormat;

import dev.vaina.engine.Pausing;
import dev.vaina.gotemplate.GoStruct;
import dev.vaina.net.NetworkHelpers;
import dev.vaina.oci.CgroupLayout;
import dev.vaina.oci.OciRuntime;
import dev.vaina.oci.RuntimeProbe;
import dev.vaina.store.ContainerRecord;
import dev.vaina.store.Json;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * `vaina info`: the host, the store and the version, laid out as Podman's (YAML by default, its JSON keys, its
 * Go field names in templates: {@code {{.Host.CgroupsVersion}}}, {@code {{.Store.ImageStore.Number}}}), with
 * an entry of vaina's own: {@code host.systemdManager}, the manager that supervises the containers.
 */
@Command(name = "info", description = "Display information about the host, the store and vaina.")
public class InfoCommand extends ContextCommand {
    /** JSON keys whose Go field names are not the key with a capital first letter. */
    private static final Map<String, String> GO_NAMES = Map.of("os", "OS", "ociRuntime", "OCIRuntime",
            "cgroupVersion", "CgroupsVersion");

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", description = "json, or a Go template such as '{{.Host.Arch}}'.")
    String format;

    @Override
    protected int execute(Context context) throws Exception {
        OutputFormat output = OutputFormat.forObject(format, "info");
        Map<String, Object> report = report(context);
        if (output.isJson()) {
            out().println(Json.pretty().asString(report));
        } else if (output.isDefault()) {
            yaml(out(), report, "");
        } else {
            output.print(out(), struct("define.Info", report), null);
        }
        out().flush();
        return 0;
    }

    private static Map<String, Object> report(Context context) throws java.io.IOException {
        Map<String, Object> report = new LinkedHashMap<>();
        Map<String, Object> host = new LinkedHashMap<>();
        VersionInfo version = VersionInfo.current();
        host.put("arch", version.osArch().substring("linux/".length()));
        host.put("cgroupManager", "systemd");
        host.put("cgroupVersion", CgroupLayout.detect().mode() == CgroupLayout.Mode.UNIFIED ? "v2" : "v1");
        host.put("hostname", InetAddress.getLocalHost().getHostName());
        host.put("kernel", System.getProperty("os.version"));
        host.put("networkBackend", context.layout().rootless()
                ? NetworkHelpers.choose(context.engine().configuredRootlessNetwork()) : "netavark");
        Map<String, Object> runtime = new LinkedHashMap<>();
        try {
            OciRuntime chosen = RuntimeProbe.choose(context.engine().configuredRuntime());
            runtime.put("name", chosen.name());
            runtime.put("path", chosen.path().toString());
        } catch (RuntimeException e) {
            runtime.put("name", "");
            runtime.put("path", "");
        }
        host.put("ociRuntime", runtime);
        host.put("os", "linux");
        host.put("security", Map.of("rootless", context.layout().rootless()));
        host.put("systemdManager", context.engine().scope().toString().toLowerCase(Locale.ROOT));
        report.put("host", host);
        report.put("store", store(context));
        Map<String, Object> versionMap = new LinkedHashMap<>();
        versionMap.put("Version", version.version());
        versionMap.put("JavaVersion", version.javaVersion());
        versionMap.put("Os", "linux");
        versionMap.put("OsArch", version.osArch());
        report.put("version", versionMap);
        return report;
    }

    private static Map<String, Object> store(Context context) throws java.io.IOException {
        Pausing pausing = context.engine().pausing();
        List<ContainerRecord> records = context.containers().list();
        long running = 0;
        long paused = 0;
        for (ContainerRecord record : records) {
            if (context.containers().state(record.id()).isRunning()) {
                if (pausing.isPaused(record)) {
                    paused++;
                } else {
                    running++;
                }
            }
        }
        Map<String, Object> containerStore = new LinkedHashMap<>();
        containerStore.put("number", (long) records.size());
        containerStore.put("paused", paused);
        containerStore.put("running", running);
        containerStore.put("stopped", records.size() - running - paused);
        Map<String, Object> store = new LinkedHashMap<>();
        store.put("containerStore", containerStore);
        store.put("graphDriverName", "overlay");
        store.put("graphRoot", context.layout().dataRoot().toString());
        store.put("imageStore", Map.of("number", (long) context.images().list().size()));
        store.put("runRoot", context.layout().runRoot().toString());
        return store;
    }

    /** The report as templates see it: structs whose fields are the keys under their Go names. */
    @SuppressWarnings("unchecked")
    private static Object struct(String type, Object value) {
        if (!(value instanceof Map<?, ?> map)) {
            return value;
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        for (Map.Entry<String, Object> entry : ((Map<String, Object>) map).entrySet()) {
            String key = entry.getKey();
            fields.put(GO_NAMES.getOrDefault(key, Character.toUpperCase(key.charAt(0)) + key.substring(1)),
                    struct(key, entry.getValue()));
        }
        return new GoStruct(type, fields);
    }

    /** Podman's default layout: YAML, two spaces a level. (Loops here, not lambdas: see ContainerStore.find.) */
    private static void yaml(PrintWriter out, Map<?, ?> map, String indent) {
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            if (entry.getValue() instanceof Map<?, ?> nested) {
                out.println(indent + entry.getKey() + ":");
                yaml(out, nested, indent + "  ");
            } else {
                out.println(indent + entry.getKey() + ": " + entry.getValue());
            }
        }
    }
}
