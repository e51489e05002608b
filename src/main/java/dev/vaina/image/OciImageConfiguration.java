package dev.vaina.image;

import dev.vaina.spec.ImageConfig;
import dev.vaina.store.Json;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The OCI image configuration document (image-spec config.md). Its exact bytes are hashed into the image id,
 * so they are rendered once, written as config.json, and never re-serialised.
 */
final class OciImageConfiguration {
    private OciImageConfiguration() {
    }

    static byte[] render(String created, String architecture, String os, ImageConfig config,
            List<String> diffIdHexes, String historyComment) throws IOException {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("created", created);
        document.put("architecture", architecture);
        document.put("os", os);
        document.put("config", runtimeConfig(config));
        Map<String, Object> rootfs = new LinkedHashMap<>();
        rootfs.put("type", "layers");
        List<String> diffIds = new ArrayList<>();
        diffIdHexes.forEach(hex -> diffIds.add("sha256:" + hex));
        rootfs.put("diff_ids", diffIds);
        document.put("rootfs", rootfs);
        Map<String, Object> history = new LinkedHashMap<>();
        history.put("created", created);
        history.put("comment", historyComment);
        document.put("history", List.of(history));
        return Json.compactBytes(document);
    }

    static Map<String, Object> runtimeConfig(ImageConfig config) {
        Map<String, Object> map = new LinkedHashMap<>();
        if (config.user() != null) {
            map.put("User", config.user());
        }
        if (!config.env().isEmpty()) {
            map.put("Env", config.env());
        }
        if (config.entrypoint() != null) {
            map.put("Entrypoint", config.entrypoint());
        }
        if (config.cmd() != null) {
            map.put("Cmd", config.cmd());
        }
        if (config.workingDir() != null) {
            map.put("WorkingDir", config.workingDir());
        }
        if (config.stopSignal() != null) {
            map.put("StopSignal", config.stopSignal());
        }
        if (!config.exposedPorts().isEmpty()) {
            Map<String, Object> exposed = new LinkedHashMap<>();
            config.exposedPorts().forEach(port -> exposed.put(port, Map.of()));
            map.put("ExposedPorts", exposed);
        }
        if (!config.volumes().isEmpty()) {
            Map<String, Object> volumes = new LinkedHashMap<>();
            config.volumes().forEach(path -> volumes.put(path, Map.of()));
            map.put("Volumes", volumes);
        }
        return map;
    }

    /** GOARCH names, which image configs use. */
    static String currentArchitecture() {
        String arch = System.getProperty("os.arch");
        switch (arch) {
            case "amd64":
            case "x86_64":
                return "amd64";
            case "aarch64":
                return "arm64";
            case "x86":
            case "i386":
            case "i686":
                return "386";
            default:
                return arch; // ppc64le, s390x, riscv64 already match
        }
    }
}
