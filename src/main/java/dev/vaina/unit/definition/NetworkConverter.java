package dev.vaina.unit.definition;

import dev.vaina.unit.UnitFile;
import java.util.List;

/** net.network -> net-network.service: `vaina network create --ignore ... NAME`, once. */
final class NetworkConverter {
    private static final String SECTION = "Network";

    static final KeyTable KEYS = new KeyTable(SECTION)
            .handled("NetworkName", "ServiceName", "PodmanArgs", "GlobalArgs")
            .value("Driver", "--driver")
            .value("Gateway", "--gateway")
            .value("Subnet", "--subnet")
            .value("IPRange", "--ip-range")
            .flag("IPv6", "--ipv6")
            .flag("Internal", "--internal")
            .flag("DisableDNS", "--disable-dns")
            .value("DNS", "--dns")
            .value("IPAMDriver", "--ipam-driver")
            .value("InterfaceName", "--interface-name")
            .value("Options", "--opt")
            .words("Label", "--label");

    private NetworkConverter() {
    }

    /** NetworkName=, or systemd-BASE as Quadlet names networks. */
    static String networkName(Definition network) {
        return network.last(SECTION, "NetworkName").map(UnitFile.Located::value).orElse("systemd-" + network.base());
    }

    static UnitFile convert(Definition definition, DefinitionSet all, Tools tools) {
        return OneshotUnit.of(definition, all, tools, KEYS, List.of("network", "create", "--ignore"),
                networkName(definition)).build();
    }
}
