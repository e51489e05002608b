package dev.vaina.cli.volumes;

import dev.vaina.cli.common.Context;
import dev.vaina.cli.common.ListVerb;
import dev.vaina.cli.common.Table;
import dev.vaina.spec.Named;
import dev.vaina.store.ContainerRecord;
import dev.vaina.store.VolumeRecord;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;

/** `vaina volume ls` (also `list`): Podman's columns, filters and formats. */
@Command(name = "ls", aliases = "list", description = {"List volumes.",
    "Filters: name=NAME, label=KEY[=VALUE], dangling=true|false, driver=local, scope=local."})
final class VolumeLsCommand extends ListVerb<VolumeRow> {
    VolumeLsCommand() {
        super("list");
    }

    @Override
    protected List<VolumeRow> rows(Context context) throws IOException {
        List<ContainerRecord> containers = context.containers().list();
        var filter = VolumeFilter.any(filters, context.engine().volumes(), containers);
        List<VolumeRecord> volumes = new ArrayList<>(context.engine().volumeStore().list());
        volumes.sort(Named.BY_NAME);
        List<VolumeRow> rows = new ArrayList<>();
        for (VolumeRecord volume : volumes) {
            if (filter.test(volume)) {
                rows.add(VolumeRow.of(context, volume));
            }
        }
        return rows;
    }

    @Override
    protected String identifier(VolumeRow row) {
        return row.volume().name();
    }

    @Override
    protected Object json(VolumeRow row) {
        return row.json();
    }

    @Override
    protected void printTable(List<VolumeRow> rows) {
        // Go's tabwriter with Podman's minimum cell width of 12.
        Table table = new Table("DRIVER", "VOLUME NAME").minimumWidth(12);
        for (VolumeRow r : rows) {
            table.add(r.volume().driver(), r.volume().name());
        }
        table.print(out());
    }

    @Override
    protected List<?> templateData(Context context, List<VolumeRow> rows) {
        List<Object> structs = new ArrayList<>(); // a loop, not a stream's lambda: see PsRow.Field
        for (VolumeRow row : rows) {
            structs.add(row.struct());
        }
        return structs;
    }

    @Override
    protected Map<String, String> templateHeaders() {
        return VolumeRow.HEADERS;
    }
}
