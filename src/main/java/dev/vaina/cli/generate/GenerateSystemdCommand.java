package dev.vaina.cli.generate;

import dev.vaina.cli.common.CommandFailedException;
import dev.vaina.cli.common.Context;
import dev.vaina.cli.common.ContextCommand;
import dev.vaina.cli.common.ExitCodes;
import dev.vaina.cli.common.GoTime;
import dev.vaina.cli.common.PodmanJson;
import dev.vaina.cli.system.VersionCommand;
import dev.vaina.engine.UnitExport;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * `vaina generate systemd CTR|POD`, as Podman 4.3's: unit files for a user to install (in
 * ~/.config/systemd/user, or /etc/systemd/system) and run with systemctl. Without --new a unit starts the
 * existing container as vaina's own unit does; with --new it creates the container at each start, as the
 * generator's units for definition files do.
 */
@Command(name = "systemd", description = "Generate systemd units for a container or pod.")
final class GenerateSystemdCommand extends ContextCommand {
    @Option(names = {"-f", "--files"}, description = "Write the units into the current directory and print their paths.")
    boolean files;

    @Option(names = {"-n", "--name"}, description = "Name units after container and pod names instead of ids.")
    boolean byName;

    @Option(names = "--new", description = "Units that create the container (or pod) at each start and remove it when they stop.")
    boolean fresh;

    @Option(names = "--no-header", description = "Leave out the comment at the top of each unit.")
    boolean noHeader;

    @Option(names = "--container-prefix", paramLabel = "PREFIX", defaultValue = "container",
            description = "Prefix of the containers' unit names (default container).")
    String containerPrefix;

    @Option(names = "--pod-prefix", paramLabel = "PREFIX", defaultValue = "pod",
            description = "Prefix of the pods' unit names (default pod).")
    String podPrefix;

    @Option(names = "--separator", paramLabel = "SEPARATOR", defaultValue = "-",
            description = "Between the prefix and the name or id (default -).")
    String separator;

    @Option(names = "--restart-policy", paramLabel = "POLICY",
            description = "systemd's Restart=: no, on-success, on-failure, on-abnormal, on-watchdog, on-abort or always"
                    + " (default: the container's own restart policy, else on-failure).")
    String restartPolicy;

    @Option(names = "--restart-sec", paramLabel = "SECONDS", description = "systemd's RestartSec=.")
    Integer restartSec;

    @Option(names = {"--stop-timeout", "-t", "--time"}, paramLabel = "SECONDS",
            description = "Seconds to wait for the container to stop before it is killed (default: the container's own).")
    Integer stopTimeout;

    @Option(names = "--wants", paramLabel = "UNIT", description = "Add Wants= on this unit (repeatable).")
    List<String> wants = new ArrayList<>();

    @Option(names = "--after", paramLabel = "UNIT", description = "Add After= on this unit (repeatable).")
    List<String> after = new ArrayList<>();

    @Option(names = "--requires", paramLabel = "UNIT", description = "Add Requires= on this unit (repeatable).")
    List<String> requires = new ArrayList<>();

    @Option(names = "--format", paramLabel = "json", description = "Print the units as JSON: each unit's name (without .service) and its text.")
    String format;

    @Parameters(paramLabel = "CONTAINER|POD", description = "The container or pod, by name or id.")
    String target;

    @Override
    protected int execute(Context context) throws Exception {
        UnitExport.Settings settings = new UnitExport.Settings(byName, containerPrefix, podPrefix, separator,
                restartPolicy, stopTimeout, restartSec, wants, after, requires, fresh);
        List<UnitExport.File> units = context.engine().unitExport().systemd(target, settings);
        if (!noHeader) {
            units = units.stream().map(GenerateSystemdCommand::withHeader).toList();
        }
        if (format != null && !format.equals("json")) {
            throw new CommandFailedException(ExitCodes.ENGINE, "unsupported format \"" + format + "\": only json is");
        }
        if (files) {
            GeneratedFiles.write(units, out());
        } else if (format != null) {
            // Go's encoding/json writes a map's keys in sorted order.
            Map<String, String> byName = new TreeMap<>();
            units.forEach(unit -> byName.put(unit.name().substring(0, unit.name().length() - ".service".length()),
                    unit.text()));
            out().println(PodmanJson.GENERATE.format(byName));
            out().flush();
        } else {
            GeneratedFiles.print(units, out());
        }
        return 0;
    }

    /** Podman's header: the unit's name, what made it, and when. */
    private static UnitExport.File withHeader(UnitExport.File unit) {
        return new UnitExport.File(unit.name(), "# " + unit.name() + "\n# autogenerated by vaina " + VersionCommand.version()
                + "\n# " + GoTime.unixDate(Instant.now()) + "\n\n" + unit.text());
    }
}
