package dev.vaina.oci;

import dev.vaina.spec.json.JsonInput;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A containers-common / Docker seccomp profile (seccomp.json), converted into the OCI linux.seccomp
 * object for one architecture and one capability set, with the rules containers/common applies: a rule
 * is dropped when an excluded arch or capability is present, or an included one is missing, or the
 * kernel is older than includes.minKernel (newer than excludes.minKernel).
 */
public final class SeccompProfile {
    public static final Path DEFAULT_PATH = Path.of("/usr/share/containers/seccomp.json");

    private final Path source;
    private final Map<String, Object> profile;

    SeccompProfile(Path source, Map<String, Object> profile) {
        this.source = source;
        this.profile = profile;
    }

    public static SeccompProfile load(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new RuntimeSpecException("cannot read the seccomp profile " + file + ": the file does not exist"
                    + " (install containers-common's seccomp.json, point the configuration at another profile,"
                    + " or run the container with seccomp unconfined)", e);
        } catch (IOException e) {
            throw new RuntimeSpecException("cannot read the seccomp profile " + file + ": " + e.getMessage(), e);
        }
        try {
            return new SeccompProfile(file, JsonInput.parseObject(bytes, "the seccomp profile " + file));
        } catch (IOException e) {
            // What the reader says names the file, what it expected, where, and what it found instead.
            throw new RuntimeSpecException(e.getMessage(), e);
        }
    }

    public Path source() {
        return source;
    }

    public Map<String, Object> toOci(SeccompArch arch, Collection<String> capabilities, KernelVersion kernel) {
        Map<String, Object> oci = new LinkedHashMap<>();
        oci.put("defaultAction", required("defaultAction"));
        if (profile.get("defaultErrnoRet") != null) {
            oci.put("defaultErrnoRet", profile.get("defaultErrnoRet"));
        }
        oci.put("architectures", architectures(arch));
        List<Map<String, Object>> syscalls = new ArrayList<>();
        for (Object item : list(profile.get("syscalls"))) {
            Map<String, Object> rule = map(item);
            if (applies(rule, arch, capabilities, kernel)) {
                syscalls.add(convert(rule));
            }
        }
        oci.put("syscalls", syscalls);
        return oci;
    }

    private List<String> architectures(SeccompArch arch) {
        List<String> result = new ArrayList<>();
        result.add(arch.scmpName());
        for (Object item : list(profile.get("archMap"))) {
            Map<String, Object> entry = map(item);
            if (arch.scmpName().equals(entry.get("architecture"))) {
                for (Object sub : list(entry.get("subArchitectures"))) {
                    result.add((String) sub);
                }
            }
        }
        return result;
    }

    private static boolean applies(Map<String, Object> rule, SeccompArch arch, Collection<String> caps,
            KernelVersion kernel) {
        Map<String, Object> excludes = map(rule.get("excludes"));
        Map<String, Object> includes = map(rule.get("includes"));
        if (list(excludes.get("arches")).contains(arch.goName())) {
            return false;
        }
        for (Object cap : list(excludes.get("caps"))) {
            if (caps.contains(cap)) {
                return false;
            }
        }
        if (excludes.get("minKernel") != null && kernel.atLeast(KernelVersion.parse((String) excludes.get("minKernel")))) {
            return false;
        }
        List<Object> includedArches = list(includes.get("arches"));
        if (!includedArches.isEmpty() && !includedArches.contains(arch.goName())) {
            return false;
        }
        for (Object cap : list(includes.get("caps"))) {
            if (!caps.contains(cap)) {
                return false;
            }
        }
        return includes.get("minKernel") == null || kernel.atLeast(KernelVersion.parse((String) includes.get("minKernel")));
    }

    /** Keeps only what the OCI object has, leaving out zero valueTwo and empty args as Podman does. */
    private static Map<String, Object> convert(Map<String, Object> rule) {
        Map<String, Object> syscall = new LinkedHashMap<>();
        List<Object> names = new ArrayList<>(list(rule.get("names")));
        if (rule.get("name") != null) {
            names.add(rule.get("name"));
        }
        syscall.put("names", names);
        syscall.put("action", rule.get("action"));
        if (rule.get("errnoRet") != null) {
            syscall.put("errnoRet", rule.get("errnoRet"));
        }
        List<Map<String, Object>> args = new ArrayList<>();
        for (Object item : list(rule.get("args"))) {
            Map<String, Object> arg = map(item);
            Map<String, Object> converted = new LinkedHashMap<>();
            converted.put("index", arg.get("index"));
            converted.put("value", arg.get("value"));
            if (arg.get("valueTwo") != null && ((Number) arg.get("valueTwo")).longValue() != 0) {
                converted.put("valueTwo", arg.get("valueTwo"));
            }
            converted.put("op", arg.get("op"));
            args.add(converted);
        }
        if (!args.isEmpty()) {
            syscall.put("args", args);
        }
        return syscall;
    }

    private Object required(String key) {
        Object value = profile.get(key);
        if (value == null) {
            throw new RuntimeSpecException("the seccomp profile " + source + " has no \"" + key + "\"");
        }
        return value;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object value) {
        return value == null ? List.of() : (List<Object>) value;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return value == null ? Map.of() : (Map<String, Object>) value;
    }
}
