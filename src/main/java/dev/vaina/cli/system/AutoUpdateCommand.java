package dev.vaina.cli.system;

import dev.vaina.cli.common.CommandFailedException;
import dev.vaina.cli.common.Context;
import dev.vaina.cli.common.ContextCommand;
import dev.vaina.cli.common.ExitCodes;
import dev.vaina.cli.common.OutputFormat;
import dev.vaina.cli.common.PodmanJson;
import dev.vaina.cli.common.PullOptions;
import dev.vaina.cli.common.Table;
import dev.vaina.engine.AutoUpdate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * `vaina auto-update`, as Podman's: running containers labelled io.containers.autoupdate=registry|local move
 * to the newer image of their image's name; the report has Podman's columns. vaina-auto-update.timer runs it daily.
 */
@Command(name = "auto-update", description = "Update containers to the newer images of their image names (label io.containers.autoupdate=registry|local).")
public final class AutoUpdateCommand extends ContextCommand {
    private static final Map<String, Function<AutoUpdate.Report, Object>> FIELDS = new LinkedHashMap<>();

    static {
        FIELDS.put("Unit", AutoUpdate.Report::unit);
        FIELDS.put("Container", r -> r.containerId().substring(0, 12) + " (" + r.containerName() + ")");
        FIELDS.put("ContainerName", AutoUpdate.Report::containerName);
        FIELDS.put("ContainerID", AutoUpdate.Report::containerId);
        FIELDS.put("Image", AutoUpdate.Report::image);
        FIELDS.put("Policy", AutoUpdate.Report::policy);
        FIELDS.put("Updated", AutoUpdate.Report::updated);
    }

    @Option(names = "--dry-run", description = "Only check for updates: change nothing, report pending ones.")
    boolean dryRun;

    @Option(names = "--rollback", arity = "0..1", defaultValue = "true", fallbackValue = "true", paramLabel = "true|false",
            description = "Go back to the previous image when the container does not start on the new one (default true).")
    boolean rollback;

    @Option(names = "--format", paramLabel = "FORMAT", description = "table (default), json, or a Go TEMPLATE such as '{{.Unit}}'.")
    String format;

    @Mixin
    PullOptions pullOptions;

    @Override
    protected int execute(Context context) throws Exception {
        OutputFormat output = OutputFormat.forList(format, "auto-update");
        AutoUpdate.Outcome outcome = context.engine().autoUpdate()
                .run(new RegistryImageSource(context, pullOptions, err()), dryRun, rollback);
        List<AutoUpdate.Report> reports = outcome.reports();
        if (reports.isEmpty()) {
            // Podman prints nothing at all then, not even the table's header or an empty JSON list.
        } else if (output.isJson()) {
            out().println(PodmanJson.AUTO_UPDATE.format(reports.stream().map(AutoUpdateCommand::json).toList()));
        } else if (output.isDefault()) {
            Table table = new Table("UNIT", "CONTAINER", "IMAGE", "POLICY", "UPDATED");
            for (AutoUpdate.Report report : reports) {
                table.add(FIELDS.keySet().stream().filter(f -> !f.equals("ContainerName") && !f.equals("ContainerID"))
                        .map(f -> String.valueOf(FIELDS.get(f).apply(report))).toArray(String[]::new));
            }
            table.print(out());
        } else {
            output.print(out(), reports.stream().map(r -> OutputFormat.row("autoUpdateReport", FIELDS, r)).toList(),
                    OutputFormat.headers(FIELDS.keySet(), Map.of()));
        }
        out().flush();
        if (!outcome.errors().isEmpty()) {
            throw new CommandFailedException(ExitCodes.ENGINE, String.join("\n", outcome.errors()));
        }
        return 0;
    }

    private static Map<String, Object> json(AutoUpdate.Report report) {
        Map<String, Object> json = new LinkedHashMap<>();
        FIELDS.forEach((name, value) -> json.put(name, value.apply(report)));
        return json;
    }
}
