package dev.vaina.cli.containers;

import dev.vaina.cli.common.GoDuration;
import dev.vaina.cli.common.OutputFormat;
import dev.vaina.engine.ResourceUsage;
import dev.vaina.gotemplate.GoStruct;
import dev.vaina.image.HumanSize;
import dev.vaina.spec.Decimals;
import dev.vaina.store.ContainerRecord;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One line of `stats`, with the values Podman prints and the field names its --format templates use. */
record StatsRow(ContainerRecord record, ResourceUsage usage, double cpuPercent) implements StatsVerb.Row {
    static final String[] HEADERS = {"ID", "NAME", "CPU %", "MEM USAGE / LIMIT", "MEM %", "NET IO", "BLOCK IO", "PIDS",
        "CPU TIME", "AVG CPU %"};

    @Override
    public String[] cells() {
        Map<String, String> fields = fields();
        return new String[] {fields.get("ID"), fields.get("Name"), fields.get("CPUPerc"), fields.get("MemUsage"),
            fields.get("MemPerc"), fields.get("NetIO"), fields.get("BlockIO"), fields.get("PIDS"), fields.get("CPU"),
            fields.get("AVGCPU")};
    }

    Map<String, String> fields() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("ID", record.shortId());
        fields.put("Name", record.name());
        fields.put("CPUPerc", percent(cpuPercent));
        fields.put("MemUsage", HumanSize.compact(usage.memoryUsage()) + " / " + HumanSize.compact(usage.memoryLimit()));
        fields.put("MemPerc", percent(usage.memoryPercent()));
        fields.put("NetIO", HumanSize.compact(usage.netReceived()) + " / " + HumanSize.compact(usage.netSent()));
        fields.put("BlockIO", HumanSize.compact(usage.blockRead()) + " / " + HumanSize.compact(usage.blockWrite()));
        fields.put("PIDS", Long.toString(usage.pids()));
        fields.put("CPU", GoDuration.format(usage.cpuTime()));
        fields.put("AVGCPU", percent(usage.averageCpuPercent()));
        fields.put("UpTime", GoDuration.format(usage.uptime()));
        return fields;
    }

    /** The keys of Podman's `stats --format json`. */
    @Override
    public Map<String, Object> json() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", record.shortId());
        json.put("name", record.name());
        json.put("cpu_time", GoDuration.format(usage.cpuTime()));
        json.put("cpu_percent", percent(cpuPercent));
        json.put("avg_cpu", percent(usage.averageCpuPercent()));
        json.put("mem_usage", fields().get("MemUsage"));
        json.put("mem_percent", percent(usage.memoryPercent()));
        json.put("net_io", fields().get("NetIO"));
        json.put("block_io", fields().get("BlockIO"));
        json.put("pids", Long.toString(usage.pids()));
        return json;
    }

    /** The row as --format templates see it: Podman's field names, in a struct of Podman's type name. */
    @Override
    public GoStruct struct() {
        return new GoStruct("containers.containerStats", new LinkedHashMap<>(fields()));
    }

    /** Column titles of `--format "table ..."`, as Podman's stats names them. */
    static final Map<String, String> TEMPLATE_HEADERS = OutputFormat.headers(List.of("ID", "Name", "CPUPerc",
            "MemUsage", "MemPerc", "NetIO", "BlockIO", "PIDS", "CPU", "AVGCPU", "UpTime"), Map.of("Name", "NAME",
            "CPUPerc", "CPU %", "MemUsage", "MEM USAGE / LIMIT", "MemPerc", "MEM %", "NetIO", "NET IO", "BlockIO",
            "BLOCK IO", "CPU", "CPU TIME", "AVGCPU", "AVG CPU %"));

    private static String percent(double value) {
        return Decimals.fixed(value, 2) + "%";
    }
}
