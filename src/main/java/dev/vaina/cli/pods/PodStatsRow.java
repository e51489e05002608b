package dev.vaina.cli.pods;

import dev.vaina.cli.common.OutputFormat;
import dev.vaina.cli.containers.StatsVerb;
import dev.vaina.engine.ResourceUsage;
import dev.vaina.gotemplate.GoStruct;
import dev.vaina.image.HumanSize;
import dev.vaina.store.ContainerRecord;
import dev.vaina.store.PodRecord;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One line of `pod stats`: one container of a pod, with Podman's values and field names. A container that
 * does not run has no usage: every value is "--", as Podman prints it; so is a pair of zeros.
 */
record PodStatsRow(PodRecord pod, ContainerRecord container, ResourceUsage usage) implements StatsVerb.Row {
    static final String[] HEADERS = {"POD", "CID", "NAME", "CPU %", "MEM USAGE/ LIMIT", "MEM %", "NET IO", "BLOCK IO",
        "PIDS"};
    private static final String NONE = "--";

    /** Column titles of `--format "table ..."`. */
    static final Map<String, String> TEMPLATE_HEADERS = OutputFormat.headers(List.of("CPU", "MemUsage", "MemUsageBytes",
            "Mem", "NetIO", "BlockIO", "PIDS", "Pod", "CID", "Name"), Map.of("CPU", "CPU %", "MemUsage",
            "MEM USAGE/ LIMIT", "MemUsageBytes", "MEM USAGE/ LIMIT", "NetIO", "NET IO", "BlockIO", "BLOCK IO"));

    /** Podman's fields, in the order of its JSON. */
    @Override
    public Map<String, String> json() {
        Map<String, String> fields = new LinkedHashMap<>();
        boolean running = usage != null;
        fields.put("CPU", running ? percent(usage.averageCpuPercent()) : NONE);
        fields.put("MemUsage", running ? pair(usage.memoryUsage(), usage.memoryLimit(), false) : pair(0, 0, false));
        fields.put("MemUsageBytes", running ? pair(usage.memoryUsage(), usage.memoryLimit(), true) : pair(0, 0, true));
        fields.put("Mem", running ? percent(usage.memoryPercent()) : NONE);
        fields.put("NetIO", running ? pair(usage.netReceived(), usage.netSent(), false) : pair(0, 0, false));
        fields.put("BlockIO", running ? pair(usage.blockRead(), usage.blockWrite(), false) : pair(0, 0, false));
        fields.put("PIDS", running ? Long.toString(usage.pids()) : NONE);
        fields.put("Pod", pod.shortId());
        fields.put("CID", container.shortId());
        fields.put("Name", container.name());
        return fields;
    }

    @Override
    public String[] cells() {
        Map<String, String> fields = json();
        return new String[] {fields.get("Pod"), fields.get("CID"), fields.get("Name"), fields.get("CPU"),
            fields.get("MemUsage"), fields.get("Mem"), fields.get("NetIO"), fields.get("BlockIO"), fields.get("PIDS")};
    }

    @Override
    public GoStruct struct() {
        return new GoStruct("entities.PodStatsReport", new LinkedHashMap<>(json()));
    }

    private static String pair(long first, long second, boolean binary) {
        if (first == 0 && second == 0) {
            return NONE + " / " + NONE;
        }
        return size(first, binary) + " / " + size(second, binary);
    }

    private static String size(long bytes, boolean binary) {
        return binary ? HumanSize.binary(bytes) : HumanSize.compact(bytes);
    }

    private static String percent(double value) {
        return String.format(Locale.ROOT, "%.2f%%", value);
    }
}
