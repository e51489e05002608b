package dev.vaina.image;

import dev.vaina.spec.ImageConfig;
import dev.vaina.spec.json.JsonInput;
import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The parts of a pulled OCI image configuration (image-spec config.md) that vaina records. The bytes
 * themselves are stored unchanged: their sha256 is the image id.
 *
 * @param created ISO-8601 instant in UTC; the epoch when the config has none
 * @param diffIdHexes rootfs.diff_ids without "sha256:", bottom layer first
 */
record PullConfig(String created, String architecture, String os, ImageConfig config, List<String> diffIdHexes) {
    private static final String EPOCH = Instant.EPOCH.toString();

    static PullConfig parse(byte[] bytes) throws IOException {
        Map<String, Object> document;
        try {
            document = JsonInput.parseObject(bytes, "the image configuration");
        } catch (IOException | RuntimeException e) {
            throw new IOException("the image configuration is not valid JSON: " + e.getMessage(), e);
        }
        Map<?, ?> runtime = document.get("config") instanceof Map ? (Map<?, ?>) document.get("config") : Map.of();
        ImageConfig config = new ImageConfig(strings(runtime.get("Env"), "Env"), strings(runtime.get("Entrypoint"), "Entrypoint"),
                strings(runtime.get("Cmd"), "Cmd"), nonEmpty(runtime.get("WorkingDir")), nonEmpty(runtime.get("User")),
                nonEmpty(runtime.get("StopSignal")), ImageConfig.exposedPortKeys(runtime.get("ExposedPorts")),
                ImageConfig.healthCheck(runtime.get("Healthcheck")), ImageConfig.volumePaths(runtime.get("Volumes")));
        if (!(document.get("rootfs") instanceof Map)) {
            throw new IOException("the image configuration has no rootfs");
        }
        Map<?, ?> rootfs = (Map<?, ?>) document.get("rootfs");
        if (!"layers".equals(rootfs.get("type"))) {
            throw new IOException("the image configuration's rootfs.type is " + rootfs.get("type") + ", not \"layers\"");
        }
        List<String> diffIds = new ArrayList<>();
        List<String> listed = strings(rootfs.get("diff_ids"), "rootfs.diff_ids");
        for (String diffId : listed == null ? List.<String>of() : listed) {
            if (!diffId.startsWith("sha256:") || !Digests.isHex64(diffId.substring(7))) {
                throw new IOException("the image configuration lists diff_id \"" + diffId
                        + "\"; only sha256 digests (sha256: and 64 lowercase hex digits) are supported");
            }
            diffIds.add(diffId.substring(7));
        }
        String architecture = nonEmpty(document.get("architecture"));
        String os = nonEmpty(document.get("os"));
        return new PullConfig(instant(document.get("created")), architecture == null ? "" : architecture,
                os == null ? "" : os, config, diffIds);
    }

    private static String instant(Object value) {
        if (!(value instanceof String)) {
            return EPOCH;
        }
        try {
            return OffsetDateTime.parse((String) value).toInstant().toString();
        } catch (DateTimeParseException e) {
            return EPOCH; // informational only: a strange stamp must not make the image unusable
        }
    }

    private static String nonEmpty(Object value) {
        return value instanceof String && !((String) value).isEmpty() ? (String) value : null;
    }

    private static List<String> strings(Object value, String field) throws IOException {
        if (value == null) {
            return null;
        }
        if (!(value instanceof List)) {
            throw new IOException("the image configuration's " + field + " is not a list of strings");
        }
        List<String> result = new ArrayList<>();
        for (Object item : (List<?>) value) {
            if (!(item instanceof String)) {
                throw new IOException("the image configuration's " + field + " holds a non-string " + item);
            }
            result.add((String) item);
        }
        return result;
    }
}
