package dev.vaina.cli.containers;

import dev.vaina.cli.common.Context;
import dev.vaina.cli.common.ContextCommand;
import dev.vaina.spec.InvalidSpecException;
import dev.vaina.spec.PortMapping;
import dev.vaina.store.ContainerRecord;
import dev.vaina.store.ContainerState;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** `vaina port`: a running container's published ports, as {@code 80/tcp -> 0.0.0.0:8080}. */
@Command(name = "port", description = "List a running container's published ports, or where one port is published.")
public final class PortCommand extends ContextCommand {
    @Parameters(index = "0", paramLabel = "CONTAINER")
    String container;

    @Parameters(index = "1", arity = "0..1", paramLabel = "CTRPORT[/PROTO]")
    String port;

    @Override
    protected int execute(Context context) throws Exception {
        ContainerRecord record = context.containers().find(container);
        ContainerState state = context.engine().containers().currentState(record);
        List<PortMapping> ports = PortListing.singlePorts(record);
        String wanted = port == null ? null : port.contains("/") ? port : port + "/" + PortMapping.TCP;
        boolean found = false;
        for (PortMapping single : ports) {
            String key = single.containerPort() + "/" + single.protocol();
            if (wanted == null) {
                if (state.isRunning()) {
                    out().println(key + " -> " + single.displayHostIp() + ":" + single.hostPort());
                }
            } else if (key.equals(wanted)) {
                found = true;
                if (state.isRunning()) {
                    out().println(single.displayHostIp() + ":" + single.hostPort());
                }
            }
        }
        out().flush();
        if (wanted != null && !found) {
            throw new InvalidSpecException("failed to find published port \"" + port + "\"");
        }
        return 0;
    }
}
