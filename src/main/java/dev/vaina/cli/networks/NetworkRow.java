package dev.vaina.cli.networks;

import dev.vaina.cli.common.OutputFormat;
import dev.vaina.gotemplate.GoStruct;
import dev.vaina.spec.NetworkDefinition;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.function.Function;

/** One network as {@code network ls --format} and {@code network inspect --format} templates see it: Podman 4.3's fields. */
final class NetworkRow {
    /** Podman's name for the row type, which its template errors show. */
    private static final String TYPE = "network.ListPrintReports";

    private record Source(NetworkDefinition network, boolean noTrunc) {
    }

    /** The fields, in Podman's order, by the template's names (see {@link OutputFormat#fields}). */
    private enum Field implements Function<Source, Object> {
        Name, ID, Driver, NetworkInterface, Created, Subnets, IPv6Enabled, Internal, DNSEnabled, Labels, Options;

        @Override
        public Object apply(Source s) {
            NetworkDefinition network = s.network;
            return switch (this) {
                case Name -> network.name();
                case ID -> s.noTrunc ? network.id() : network.shortId();
                case Driver -> network.driver();
                case NetworkInterface -> network.interfaceName();
                case Created -> network.created();
                case Subnets -> subnets(network);
                case IPv6Enabled -> false;
                case Internal -> network.internal();
                case DNSEnabled -> network.dnsEnabled();
                case Labels -> labels(network);
                case Options -> network.options();
            };
        }
    }

    private static final Map<String, Function<Source, Object>> FIELDS = OutputFormat.fields(Field.values());

    static final Map<String, String> HEADERS = OutputFormat.headers(FIELDS.keySet(), Map.of("ID", "NETWORK ID"));

    private NetworkRow() {
    }

    private static List<GoStruct> subnets(NetworkDefinition network) {
        List<GoStruct> subnets = new ArrayList<>();
        for (NetworkDefinition.SubnetEntry entry : network.subnets()) {
            subnets.add(subnet(entry));
        }
        return subnets;
    }

    /** KEY=VALUE,... */
    private static String labels(NetworkDefinition network) {
        StringJoiner text = new StringJoiner(",");
        for (Map.Entry<String, String> label : network.labels().entrySet()) {
            text.add(label.getKey() + "=" + label.getValue());
        }
        return text.toString();
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
