package dev.vaina.cli.networks;

import dev.vaina.cli.common.OutputFormat;
import dev.vaina.gotemplate.GoStruct;
import dev.vaina.spec.NetworkDefinition;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** One network as {@code network ls --format} and {@code network inspect --format} templates see it: Podman 4.3's fields. */
final class NetworkRow {
    /** Podman's name for the row type, which its template errors show. */
    private static final String TYPE = "network.ListPrintReports";

    private record Source(NetworkDefinition network, boolean noTrunc) {
    }

    private static final Map<String, Function<Source, Object>> FIELDS = new LinkedHashMap<>();

    static {
        FIELDS.put("Name", s -> s.network.name());
        FIELDS.put("ID", s -> s.noTrunc ? s.network.id() : s.network.shortId());
        FIELDS.put("Driver", s -> s.network.driver());
        FIELDS.put("NetworkInterface", s -> s.network.interfaceName());
        FIELDS.put("Created", s -> s.network.created());
        FIELDS.put("Subnets", s -> s.network.subnets().stream().map(NetworkRow::subnet).toList());
        FIELDS.put("IPv6Enabled", s -> false);
        FIELDS.put("Internal", s -> s.network.internal());
        FIELDS.put("DNSEnabled", s -> s.network.dnsEnabled());
        FIELDS.put("Labels", s -> s.network.labels().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(",")));
        FIELDS.put("Options", s -> s.network.options());
    }

    static final Map<String, String> HEADERS = OutputFormat.headers(FIELDS.keySet(), Map.of("ID", "NETWORK ID"));

    private NetworkRow() {
    }

    private static GoStruct subnet(NetworkDefinition.SubnetEntry entry) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("Subnet", entry.subnet());
        fields.put("Gateway", entry.gateway());
        fields.put("LeaseRange", entry.rangeStart() == null ? null : entry.rangeStart() + "-" + entry.rangeEnd());
        return new GoStruct("types.Subnet", fields);
    }

    static GoStruct of(NetworkDefinition network, boolean noTrunc) {
        return OutputFormat.row(TYPE, FIELDS, new Source(network, noTrunc));
    }
}
