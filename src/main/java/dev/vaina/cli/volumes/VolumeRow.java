package dev.vaina.cli.volumes;

import dev.vaina.cli.common.Context;
import dev.vaina.cli.common.GoTime;
import dev.vaina.cli.common.OutputFormat;
import dev.vaina.gotemplate.GoStruct;
import dev.vaina.spec.Instants;
import dev.vaina.store.VolumeRecord;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/** A volume as `volume ls` and `volume inspect` show it: Podman 4.3's fields, by name and in its order. */
final class VolumeRow {
    private static final String TYPE = "entities.VolumeListReport";

    private record Source(VolumeRecord volume, String mountpoint, int mountCount, boolean needsCopyUp) {
    }

    /** The fields, in Podman's order, by the template's names (see {@link OutputFormat#fields}). */
    private enum Field implements Function<Source, Object> {
        Name, Driver, Mountpoint, CreatedAt, Labels, Scope, Options, MountCount, NeedsCopyUp, NeedsChown, Anonymous;

        @Override
        public Object apply(Source s) {
            VolumeRecord volume = s.volume;
            return switch (this) {
                case Name -> volume.name();
                case Driver -> volume.driver();
                case Mountpoint -> s.mountpoint;
                case CreatedAt -> GoTime.format(Instants.parse(volume.created()));
                case Labels -> volume.labels();
                case Scope -> "local";
                case Options -> volume.options();
                case MountCount -> s.mountCount;
                case NeedsCopyUp, NeedsChown -> s.needsCopyUp;
                case Anonymous -> volume.anonymous();
            };
        }
    }

    private static final Map<String, Function<Source, Object>> FIELDS = OutputFormat.fields(Field.values());

    static final Map<String, String> HEADERS = OutputFormat.headers(FIELDS.keySet(), Map.of("Name", "VOLUME NAME"));

    private final Source source;

    private VolumeRow(Source source) {
        this.source = source;
    }

    static VolumeRow of(Context context, VolumeRecord volume) throws IOException {
        var volumes = context.engine().volumes();
        return new VolumeRow(new Source(volume, volumes.store().mountpoint(volume.name()).toString(),
                volumes.mountCount(volume.name()), volumes.store().needsCopyUp(volume.name())));
    }

    VolumeRecord volume() {
        return source.volume;
    }

    GoStruct struct() {
        return OutputFormat.row(TYPE, FIELDS, source);
    }

    /** Podman's JSON of a volume (inspect, ls --format json): the time in RFC 3339, the anonymous flag only when set. */
    Map<String, Object> json() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("Name", source.volume.name());
        map.put("Driver", source.volume.driver());
        map.put("Mountpoint", source.mountpoint);
        map.put("CreatedAt", GoTime.rfc3339Nano(Instants.parse(source.volume.created())));
        map.put("Labels", source.volume.labels());
        map.put("Scope", "local");
        map.put("Options", source.volume.options());
        if (source.volume.anonymous()) {
            map.put("Anonymous", true);
        }
        map.put("MountCount", source.mountCount);
        map.put("NeedsCopyUp", source.needsCopyUp);
        map.put("NeedsChown", source.needsCopyUp);
        return map;
    }
}
