package dev.vaina.oci;

import dev.vaina.spec.json.JsonInput;
import dev.vaina.spec.json.JsonOutput;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The process of an exec session (the file {@code runc exec --process} reads): the container's own
 * process from its bundle's config.json (capabilities, rlimits, no_new_privileges, user, environment,
 * working directory), with what the caller overrides. runc and crun keep applying the container's
 * seccomp profile and namespaces themselves.
 */
public final class ExecProcessSpec {
    private final Map<String, Object> process;

    private ExecProcessSpec(Map<String, Object> process) {
        this.process = process;
    }

    @SuppressWarnings("unchecked")
    public static ExecProcessSpec fromBundle(Path configJson) {
        try {
            Map<String, Object> config = JsonInput.parseObject(Files.readAllBytes(configJson), configJson.toString());
            Object process = config.get("process");
            if (!(process instanceof Map)) {
                throw new RuntimeSpecException("the container's " + configJson + " has no process section");
            }
            return new ExecProcessSpec(new LinkedHashMap<>((Map<String, Object>) process));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the container's runtime configuration " + configJson, e);
        }
    }

    public ExecProcessSpec args(List<String> args) {
        process.put("args", List.copyOf(args));
        return this;
    }

    /** Sets or replaces variables, keeping the container's order and adding new ones at the end. */
    public ExecProcessSpec env(Map<String, String> overrides) {
        Map<String, String> env = new LinkedHashMap<>();
        for (String entry : stringList(process.get("env"))) {
            int eq = entry.indexOf('=');
            env.put(eq < 0 ? entry : entry.substring(0, eq), eq < 0 ? "" : entry.substring(eq + 1));
        }
        env.putAll(overrides);
        List<String> entries = new ArrayList<>(env.size());
        env.forEach((key, value) -> entries.add(key + "=" + value));
        process.put("env", entries);
        return this;
    }

    public ExecProcessSpec terminal(boolean terminal) {
        process.put("terminal", terminal);
        process.remove("consoleSize");
        if (terminal) {
            Map<String, String> term = new LinkedHashMap<>();
            if (stringList(process.get("env")).stream().noneMatch(e -> e.startsWith("TERM="))) {
                term.put("TERM", "xterm");
            }
            env(term);
        }
        return this;
    }

    public ExecProcessSpec cwd(String cwd) {
        process.put("cwd", cwd);
        return this;
    }

    /** Another user: its own groups, and the capabilities a process of that user gets at start. */
    public ExecProcessSpec user(ResolvedUser user) {
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("uid", user.uid());
        spec.put("gid", user.gid());
        if (!user.additionalGids().isEmpty()) {
            spec.put("additionalGids", user.additionalGids());
        }
        process.put("user", spec);
        process.put("capabilities", Capabilities.forUser(user, bounding()));
        return this;
    }

    /** --privileged: every capability the host allows, and setuid binaries may gain privileges again. */
    public ExecProcessSpec privileged() {
        int uid = process.get("user") instanceof Map<?, ?> user && user.get("uid") instanceof Number n ? n.intValue() : 0;
        process.put("capabilities", Capabilities.forUser(new ResolvedUser(uid, 0, List.of()), Capabilities.bounding()));
        process.put("noNewPrivileges", false);
        return this;
    }

    public String toJson() {
        return JsonOutput.compact().value(process).toString();
    }

    @SuppressWarnings("unchecked")
    private List<String> bounding() {
        Object caps = process.get("capabilities");
        if (caps instanceof Map<?, ?> sets && sets.get("bounding") instanceof List<?> list) {
            return (List<String>) list;
        }
        return Capabilities.DEFAULT;
    }

    private static List<String> stringList(Object value) {
        List<String> result = new ArrayList<>();
        if (value instanceof List<?> list) {
            list.forEach(item -> result.add(String.valueOf(item)));
        }
        return result;
    }
}
