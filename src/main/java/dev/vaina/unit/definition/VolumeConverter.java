package dev.vaina.unit.definition;

import dev.vaina.unit.UnitFile;
import java.util.List;

/** data.volume -> data-volume.service: `vaina volume create --ignore ... NAME`, once. */
final class VolumeConverter {
    private static final String SECTION = "Volume";

    static final KeyTable KEYS = new KeyTable(SECTION)
            .handled("VolumeName", "ServiceName", "PodmanArgs", "GlobalArgs")
            .value("Driver", "--driver")
            .prefixed("Options", "--opt", "o=")
            .prefixed("Type", "--opt", "type=")
            .prefixed("Device", "--opt", "device=")
            .flag("Copy", "--opt", "copy")
            .prefixed("User", "--opt", "uid=")
            .prefixed("Group", "--opt", "gid=")
            .prefixed("Image", "--opt", "image=")
            .words("Label", "--label");

    private VolumeConverter() {
    }

    /** VolumeName=, or systemd-BASE as Quadlet names volumes. */
    static String volumeName(Definition volume) {
        return volume.last(SECTION, "VolumeName").map(UnitFile.Located::value).orElse("systemd-" + volume.base());
    }

    static UnitFile convert(Definition definition, DefinitionSet all, Tools tools) {
        return OneshotUnit.of(definition, all, tools, KEYS, List.of("volume", "create", "--ignore"),
                volumeName(definition)).build();
    }
}
