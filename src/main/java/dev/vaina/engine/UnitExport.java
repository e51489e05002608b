package dev.vaina.engine;

import dev.vaina.spec.Named;
import dev.vaina.spec.RestartPolicy;
import dev.vaina.store.ContainerRecord;
import dev.vaina.store.CreateArguments;
import dev.vaina.store.FileTrees;
import dev.vaina.store.PodRecord;
import dev.vaina.unit.UnitFile;
import dev.vaina.unit.definition.Converters;
import dev.vaina.unit.definition.DefinitionExport;
import dev.vaina.unit.definition.DefinitionSet;
import dev.vaina.unit.definition.DefinitionSources;
import dev.vaina.unit.definition.Generator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Units and definition files for existing containers and pods, for the user to keep (`vaina generate`). A
 * container already runs as a unit; what is exported is either that unit under a name of the user's choosing,
 * which starts the existing container (its launcher, as vaina's own unit runs it), or, with {@code fresh}, the
 * unit the generator would make of the container's definition file, which creates the container anew at each
 * start from the command line it was made with.
 */
public final class UnitExport {
    /** systemd's Restart= values (systemd.service(5)). */
    public static final List<String> RESTART_POLICIES = List.of("no", "on-success", "on-failure", "on-abnormal",
            "on-watchdog", "on-abort", "always");

    /** A file to write: its name (NAME.service, NAME.container, NAME.pod) and its content. */
    public record File(String name, String text) {
    }

    /**
     * How `generate systemd` names and shapes units.
     *
     * @param byName        units named after names rather than ids
     * @param restartPolicy Restart=, or null for the container's own policy (on-failure when it has none)
     * @param stopTimeout   the stop timeout in seconds, or null for the container's own
     * @param fresh         units that create the container at each start (--new)
     */
    public record Settings(boolean byName, String containerPrefix, String podPrefix, String separator,
            String restartPolicy, Integer stopTimeout, Integer restartSec, List<String> wants, List<String> after,
            List<String> requires, boolean fresh) {
        public Settings {
            if (restartPolicy != null && !RESTART_POLICIES.contains(restartPolicy)) {
                throw new EngineException(restartPolicy + " is not a valid restart policy (systemd's Restart=: "
                        + String.join(", ", RESTART_POLICIES) + ")");
            }
            if (stopTimeout != null && stopTimeout < 0) {
                throw new EngineException("the stop timeout must not be negative, got " + stopTimeout);
            }
            wants = List.copyOf(wants);
            after = List.copyOf(after);
            requires = List.copyOf(requires);
        }
    }

    private final Engine engine;

    UnitExport(Engine engine) {
        this.engine = engine;
    }

    /** The units of a container, or of a pod and its members (the pod's first); by name or id, containers first. */
    public List<File> systemd(String nameOrId, Settings settings) throws IOException {
        Optional<ContainerRecord> container = container(nameOrId, "systemd");
        if (container.isPresent()) {
            ContainerRecord record = container.get();
            PodRecord pod = record.inPod() ? engine.podStore().read(record.pod()) : null;
            return List.of(containerUnit(record, pod, settings));
        }
        PodRecord pod = pod(nameOrId);
        List<ContainerRecord> members = members(pod);
        List<File> files = new ArrayList<>();
        files.add(podUnit(pod, members, settings));
        for (ContainerRecord member : members) {
            files.add(containerUnit(member, pod, settings));
        }
        return files;
    }

    /** The definition files of a container, or of a pod and its members (the pod's first). */
    public List<File> quadlet(String nameOrId) throws IOException {
        Optional<ContainerRecord> container = container(nameOrId, "quadlet");
        if (container.isPresent()) {
            ContainerRecord record = container.get();
            String podFile = record.inPod() ? engine.podStore().read(record.pod()).name() + ".pod" : null;
            return List.of(new File(record.name() + ".container", containerDefinition(record, podFile, null, null)));
        }
        PodRecord pod = pod(nameOrId);
        List<File> files = new ArrayList<>();
        files.add(new File(pod.name() + ".pod", podDefinition(pod, null)));
        for (ContainerRecord member : members(pod)) {
            files.add(new File(member.name() + ".container", containerDefinition(member, pod.name() + ".pod", null,
                    null)));
        }
        return files;
    }

    private File containerUnit(ContainerRecord record, PodRecord pod, Settings settings) throws IOException {
        String unitName = unitName(settings.containerPrefix(), settings, record.name(), record.id());
        String podUnit = pod == null ? null : unitName(settings.podPrefix(), settings, pod.name(), pod.id());
        String text;
        if (settings.fresh()) {
            Map<String, String> files = new LinkedHashMap<>();
            String podFile = pod == null ? null : pod.name() + ".pod";
            if (pod != null) {
                files.put(podFile, podDefinition(pod, serviceName(podUnit)));
            }
            String fileName = record.name() + ".container";
            files.put(fileName, containerDefinition(record, podFile, serviceName(unitName), settings.stopTimeout()));
            text = convert(files, fileName);
        } else {
            text = ContainerUnitFiles.exported(engine, record, unitName, podUnit,
                    settings.stopTimeout() != null ? settings.stopTimeout() : record.config().stopTimeout());
        }
        UnitFile unit = UnitFile.parse(withoutPreamble(text), unitName);
        finish(unit, settings, restartPolicy(settings, record.config().restart()));
        return new File(unitName, laidOut(unit));
    }

    private File podUnit(PodRecord pod, List<ContainerRecord> members, Settings settings) throws IOException {
        String unitName = unitName(settings.podPrefix(), settings, pod.name(), pod.id());
        String text;
        if (settings.fresh()) {
            String fileName = pod.name() + ".pod";
            text = convert(Map.of(fileName, podDefinition(pod, serviceName(unitName))), fileName);
        } else {
            if (!pod.hasInfra()) {
                throw new EngineException("pod " + pod.name() + " has no infra container, whose unit would run it:"
                        + " use --new, whose pod unit creates the pod at start");
            }
            ContainerRecord infra = engine.store().read(pod.infraId());
            int stopTimeout = settings.stopTimeout() != null ? settings.stopTimeout() : infra.config().stopTimeout();
            text = ContainerUnitFiles.exported(engine, infra, unitName, null, stopTimeout);
        }
        UnitFile unit = UnitFile.parse(withoutPreamble(text), unitName);
        // Starting the pod's unit starts its members, as vaina's own pod units do through their .wants links.
        for (ContainerRecord member : members) {
            String memberUnit = unitName(settings.containerPrefix(), settings, member.name(), member.id());
            unit.add("Unit", "Wants", memberUnit);
            unit.add("Unit", "Before", memberUnit);
        }
        finish(unit, settings, restartPolicy(settings, RestartPolicy.NO));
        return new File(unitName, laidOut(unit));
    }

    /** What every exported unit gets: the user's dependencies, the restart policy, and [Install]. */
    private static void finish(UnitFile unit, Settings settings, String restart) {
        // A --new unit's definition file was a scratch file: the unit stands alone.
        unit.unset("Unit", "SourcePath");
        if (unit.lookupLast("Unit", "Description").isEmpty()) {
            unit.add("Unit", "Description", "vaina " + unit.origin());
        }
        unit.add("Unit", "Documentation", "man:vaina-generate-systemd(1)");
        settings.wants().forEach(w -> unit.add("Unit", "Wants", w));
        settings.after().forEach(a -> unit.add("Unit", "After", a));
        settings.requires().forEach(r -> unit.add("Unit", "Requires", r));
        unit.set("Service", "Restart", restart);
        if (settings.restartSec() != null) {
            unit.set("Service", "RestartSec", Integer.toString(settings.restartSec()));
        }
        unit.set("Install", "WantedBy", "default.target");
    }

    /** The --restart-policy given; else the container's own, as systemd says it; else on-failure, as Podman's. */
    private static String restartPolicy(Settings settings, RestartPolicy own) {
        if (settings.restartPolicy() != null) {
            return settings.restartPolicy();
        }
        return switch (own.kind()) {
            case ALWAYS, UNLESS_STOPPED -> "always";
            default -> "on-failure";
        };
    }

    private static String unitName(String prefix, Settings settings, String name, String id) {
        String base = settings.byName() ? name : id;
        return (prefix.isEmpty() ? base : prefix + settings.separator() + base) + ".service";
    }

    /** One blank line before each section, however the sections were added. */
    private static String laidOut(UnitFile unit) {
        String text = unit.text();
        StringBuilder out = new StringBuilder(text.length() + 16);
        int i = 0;
        while (i < text.length()) {
            if (text.charAt(i) != '\n') {
                out.append(text.charAt(i++));
                continue;
            }
            int run = i;
            while (i < text.length() && text.charAt(i) == '\n') {
                i++;
            }
            // Two line feeds before a section; elsewhere no more than two.
            boolean section = i < text.length() && text.charAt(i) == '[';
            out.append(section || i - run >= 2 ? "\n\n" : "\n");
        }
        return out.toString();
    }

    /** The unit from its first section on: the comment above it says where vaina keeps it, which is no longer so. */
    private static String withoutPreamble(String text) {
        int first = text.startsWith("[") ? 0 : text.indexOf("\n[");
        return first < 0 ? text : text.substring(first == 0 ? 0 : first + 1);
    }

    /** ServiceName= takes the unit's name without its suffix. */
    private static String serviceName(String unitName) {
        return unitName.substring(0, unitName.length() - ".service".length());
    }

    /** The unit the generator makes of {@code fileName} among {@code files}, read from a scratch folder as it reads them. */
    private static String convert(Map<String, String> files, String fileName) throws IOException {
        Path scratch = Files.createTempDirectory("vaina-generate");
        try {
            for (Map.Entry<String, String> file : files.entrySet()) {
                Files.writeString(scratch.resolve(file.getKey()), file.getValue());
            }
            DefinitionSet set = DefinitionSet.load(DefinitionSources.scan(List.of(scratch)));
            return Converters.convert(fileName, set, Generator.tools()).text();
        } catch (RuntimeException e) {
            throw new EngineException("cannot make a unit of " + fileName + ": " + e.getMessage());
        } finally {
            FileTrees.deleteQuietly(scratch);
        }
    }

    /** @param stopTimeout a stop timeout in place of the container's own, or null */
    private String containerDefinition(ContainerRecord record, String podFile, String serviceName, Integer stopTimeout)
            throws IOException {
        CreateArguments arguments = engine.store().createArguments(record).orElseThrow(() -> new EngineException(
                "container " + record.name() + " has no recorded command line (it was made by an older vaina or by"
                        + " a definition file): it cannot be made again from one"));
        List<String> options = new ArrayList<>(arguments.options());
        if (stopTimeout != null) {
            options.removeIf(option -> option.startsWith("--stop-timeout="));
            options.add("--stop-timeout=" + stopTimeout);
        }
        try {
            return DefinitionExport.container(record.name(), record.imageName(), options, arguments.command(), podFile,
                    serviceName);
        } catch (IllegalArgumentException e) {
            throw new EngineException("container " + record.name() + ": " + e.getMessage());
        }
    }

    private String podDefinition(PodRecord pod, String serviceName) throws IOException {
        CreateArguments arguments = engine.podStore().createArguments(pod).orElseThrow(() -> new EngineException(
                "pod " + pod.name() + " has no recorded command line (it was made by an older vaina or by a"
                        + " definition file): it cannot be made again from one"));
        try {
            return DefinitionExport.pod(pod.name(), arguments.options(), serviceName);
        } catch (IllegalArgumentException e) {
            throw new EngineException("pod " + pod.name() + ": " + e.getMessage());
        }
    }

    /** The container named, if one is; an infra container is its pod's, which `generate` takes as a whole. */
    private Optional<ContainerRecord> container(String nameOrId, String kind) throws IOException {
        Optional<ContainerRecord> container = engine.store().lookup(nameOrId);
        if (container.isPresent() && container.get().infra()) {
            PodRecord pod = engine.podStore().read(container.get().pod());
            throw new EngineException("container " + container.get().name() + " is the infra container of pod "
                    + pod.name() + ": generate the pod's instead (vaina generate " + kind + " " + pod.name() + ")");
        }
        return container;
    }

    /** The pod named, when no container is: Podman's message when there is neither. */
    private PodRecord pod(String nameOrId) throws IOException {
        return engine.podStore().lookup(nameOrId).orElseThrow(() -> new EngineException(nameOrId
                + " does not refer to a container or pod: no pod with name or ID " + nameOrId
                + " found: no such pod: no container with name or ID \"" + nameOrId + "\" found: no such container"));
    }

    /** The pod's containers but its infra container, in name order. */
    private List<ContainerRecord> members(PodRecord pod) throws IOException {
        return engine.podContainers().of(pod).stream().filter(c -> !c.infra())
                .sorted(Named.BY_NAME).toList();
    }
}
