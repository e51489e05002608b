package dev.vaina.unit;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders the units that named networks share: the holder of a rootless user's network namespaces
 * (templates/netns.service.ftl) and aardvark-dns's (templates/aardvark-dns.service.ftl).
 */
public final class NetworkUnitRenderer {
    private NetworkUnitRenderer() {
    }

    public static String renderHolder(String unitName, List<String> execStart, List<String> execStartPost,
            List<String> execStopPost) {
        Map<String, Object> values = new HashMap<>();
        values.put("unitName", unitName);
        values.put("execStart", SystemdQuoting.commandLine(execStart));
        values.put("execStartPost", SystemdQuoting.commandLine(execStartPost));
        values.put("execStopPost", SystemdQuoting.commandLine(execStopPost));
        return UnitTemplates.render("netns.service.ftl", values, unitName);
    }

    /**
     * @param condition whether there is a container to serve, checked before each start
     * @param bindsTo the holder's unit, rootless; null rootful
     */
    public static String renderDns(String unitName, List<String> execStart, List<String> condition, String bindsTo) {
        Map<String, Object> values = new HashMap<>();
        values.put("unitName", unitName);
        values.put("execStart", SystemdQuoting.commandLine(execStart));
        values.put("execCondition", SystemdQuoting.commandLine(condition));
        if (bindsTo != null) {
            values.put("bindsTo", bindsTo);
        }
        return UnitTemplates.render("aardvark-dns.service.ftl", values, unitName);
    }
}
