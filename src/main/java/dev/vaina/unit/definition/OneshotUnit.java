package dev.vaina.unit.definition;

import java.util.ArrayList;
import java.util.List;

/**
 * What .volume, .network and .image files become: a oneshot service that runs one vaina command (create the
 * volume or network if it is not there, pull the image) and then counts as active, so that the services that
 * need it start after it.
 */
final class OneshotUnit {
    private OneshotUnit() {
    }

    /** vaina [GlobalArgs] VERB... [table options] [PodmanArgs] LAST, as the unit's ExecStart. */
    static ServiceUnit of(Definition definition, DefinitionSet all, Tools tools, KeyTable keys, List<String> verb,
            String last) {
        List<String> command = new ArrayList<>(List.of(tools.cli().toString()));
        command.addAll(ExtraArgs.globalArgs(definition, keys));
        command.addAll(verb);
        keys.apply(definition, command);
        command.addAll(ExtraArgs.podmanArgs(definition, keys, null, String.join(" ", verb)));
        command.add(last);
        return new ServiceUnit(definition, all, tools)
                .service("Type", "oneshot")
                // A pull asks for more time while it runs (EXTEND_TIMEOUT_USEC): where TimeoutStartSec= is set.
                .service("NotifyAccess", "exec")
                .service("RemainAfterExit", "yes")
                .service("SyslogIdentifier", "%N")
                .command("ExecStart", "", command);
    }
}
