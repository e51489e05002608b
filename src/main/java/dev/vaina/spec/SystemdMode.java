package dev.vaina.spec;

import java.util.List;

/** --systemd true|false|always: whether the container's command is systemd, to be given what it needs. */
public enum SystemdMode {
    TRUE, FALSE, ALWAYS;

    public static SystemdMode parse(String text) {
        return switch (text == null ? "true" : text) {
            case "true" -> TRUE;
            case "false" -> FALSE;
            case "always" -> ALWAYS;
            default -> throw new InvalidSpecException("invalid --systemd \"" + text + "\": must be true, false or always");
        };
    }

    /** true: only when the command is systemd or an init, as Podman decides it. */
    public boolean appliesTo(List<String> args) {
        if (this != TRUE) {
            return this == ALWAYS;
        }
        if (args.isEmpty()) {
            return false;
        }
        String command = args.get(0);
        return command.equals("/sbin/init") || command.equals("/usr/sbin/init") || command.equals("/usr/local/sbin/init")
                || command.endsWith("/systemd") || command.equals("systemd");
    }
}
