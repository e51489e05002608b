package dev.vaina.oci;

import java.util.Locale;

/**
 * What the OCI runtime said when it failed, and the exit code Podman gives that failure: 127 when the
 * command was not found, 126 when it could not be invoked, 125 for anything else. The monitor classifies
 * a failed start with it, the engine a failed exec.
 */
public record RuntimeFailure(String message, int exitCode) {
    public static final int ENGINE_ERROR = 125;
    public static final int CANNOT_INVOKE = 126;
    public static final int NOT_FOUND = 127;

    /**
     * Classifies the runtime's output. runc 1.1.5 prints, for example:
     * {@code exec: "nosuchcmd": executable file not found in $PATH},
     * {@code exec: "/nodir/x": stat /nodir/x: no such file or directory},
     * {@code exec: "/etc/passwd": permission denied} (also for a directory);
     * crun says {@code executable file `x` not found in $PATH: No such file or directory}.
     */
    public static RuntimeFailure fromOutput(String action, String output) {
        String message = lastMessage(output);
        if (message.isEmpty()) {
            message = action + " failed without saying why";
        }
        String lower = message.toLowerCase(Locale.ROOT);
        int code = ENGINE_ERROR;
        if (lower.contains("executable file not found") || lower.contains("not found in $path")
                || lower.contains("no such file or directory")) {
            code = NOT_FOUND;
        } else if (lower.contains("permission denied") || lower.contains("not executable")
                || lower.contains("exec format error")) {
            code = CANNOT_INVOKE;
        }
        return new RuntimeFailure(message, code);
    }

    /** The last non-blank line, reduced to its msg="..." part when it is logfmt (runc without --log). */
    public static String lastMessage(String output) {
        String[] lines = output.split("\n");
        String last = "";
        for (int i = lines.length - 1; i >= 0; i--) {
            if (!lines[i].isBlank()) {
                last = lines[i].strip();
                break;
            }
        }
        int start = last.indexOf("msg=\"");
        if (start < 0) {
            return last;
        }
        StringBuilder text = new StringBuilder();
        for (int i = start + 5; i < last.length(); i++) {
            char c = last.charAt(i);
            if (c == '\\' && i + 1 < last.length()) {
                text.append(last.charAt(++i));
            } else if (c == '"') {
                break;
            } else {
                text.append(c);
            }
        }
        return text.toString();
    }

    /** Podman's words after the runtime's own message, which say how it classified the failure. */
    public String podmanSuffix() {
        return switch (exitCode) {
            case NOT_FOUND -> "OCI runtime attempted to invoke a command that was not found";
            case CANNOT_INVOKE -> "OCI permission denied";
            default -> "OCI runtime error";
        };
    }
}
