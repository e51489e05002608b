package dev.vaina.image;

import dev.vaina.spec.ImageConfig;
import dev.vaina.store.Json;
import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An OCI image configuration read from someone else's bytes (an archive being loaded, or a stored config
 * being saved): the fields a record needs, and a rewrite of rootfs.diff_ids that keeps everything else.
 */
final class ConfigDocument {
    private final Map<String, Object> document;

    private ConfigDocument(Map<String, Object> document) {
        this.document = document;
    }

    static ConfigDocument parse(byte[] json, String what) throws InvalidLayerException {
        try {
            Map<String, Object> map = Json.compact().mapFrom(json);
            if (map == null) {
                throw new InvalidLayerException(what + " is not a JSON object");
            }
            return new ConfigDocument(map);
        } catch (IOException | RuntimeException e) {
            if (e instanceof InvalidLayerException invalid) {
                throw invalid;
            }
            throw new InvalidLayerException(what + " is not valid JSON: " + e.getMessage(), e);
        }
    }

    /** rootfs.diff_ids as hex, bottom layer first. */
    List<String> diffIdHexes(String what) throws InvalidLayerException {
        Object rootfs = document.get("rootfs");
        Object ids = rootfs instanceof Map<?, ?> map ? map.get("diff_ids") : null;
        if (!(ids instanceof List<?> list)) {
            throw new InvalidLayerException(what + " has no rootfs.diff_ids list");
        }
        List<String> hexes = new ArrayList<>();
        for (Object id : list) {
            String text = String.valueOf(id);
            if (!text.startsWith("sha256:") || !Digests.isHex64(text.substring(7))) {
                throw new InvalidLayerException(what + " has diff_id \"" + text + "\", which is not sha256:<64 hex>");
            }
            hexes.add(text.substring(7));
        }
        return hexes;
    }

    /** The created time as an ISO-8601 instant; the epoch when absent or unreadable (it is informational). */
    String created() {
        Object created = document.get("created");
        if (created instanceof String text) {
            try {
                return Instant.parse(text).toString();
            } catch (DateTimeParseException e) {
                try {
                    return OffsetDateTime.parse(text).toInstant().toString();
                } catch (DateTimeParseException ignored) {
                    // falls through
                }
            }
        }
        return Instant.EPOCH.toString();
    }

    String architecture() {
        return stringOr(document.get("architecture"), OciImageConfiguration.currentArchitecture());
    }

    String os() {
        return stringOr(document.get("os"), "linux");
    }

    ImageConfig runtimeConfig() {
        Object config = document.get("config");
        if (!(config instanceof Map<?, ?> map)) {
            return ImageConfig.EMPTY;
        }
        return new ImageConfig(strings(map.get("Env")), strings(map.get("Entrypoint")), strings(map.get("Cmd")),
                emptyToNull(map.get("WorkingDir")), emptyToNull(map.get("User")), emptyToNull(map.get("StopSignal")),
                ImageConfig.exposedPortKeys(map.get("ExposedPorts")),
                ImageConfig.healthCheck(map.get("Healthcheck")), ImageConfig.volumePaths(map.get("Volumes")));
    }

    /** The same document with other diff_ids: the bytes of a new config (and so a new image id). */
    byte[] withDiffIds(List<String> diffIdHexes) throws IOException {
        Map<String, Object> copy = new LinkedHashMap<>(document);
        Map<String, Object> rootfs = new LinkedHashMap<>();
        rootfs.put("type", "layers");
        rootfs.put("diff_ids", diffIdHexes.stream().map(hex -> "sha256:" + hex).toList());
        copy.put("rootfs", rootfs);
        return Json.compact().asBytes(copy);
    }

    private static List<String> strings(Object value) {
        if (!(value instanceof List<?> list)) {
            return null;
        }
        return list.stream().map(String::valueOf).toList();
    }

    private static String emptyToNull(Object value) {
        return value instanceof String text && !text.isEmpty() ? text : null;
    }

    private static String stringOr(Object value, String fallback) {
        return value instanceof String text && !text.isEmpty() ? text : fallback;
    }
}
