package dev.vaina.unit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UnitTemplatesTest {
    @Test
    void render_readsATemplateOfThePackedFolder() {
        String slice = UnitTemplates.render("pod.slice.ftl", Map.of("unitName", "vaina-pod_ab.slice", "id", "ab",
                "name", "web", "resources", List.of("CPUQuota=50%", "MemoryMax=1G")), "vaina-pod_ab.slice");
        assertEquals("# vaina-pod_ab.slice, made by vaina for pod ab\n[Unit]\nDescription=vaina pod web\n\n[Slice]\n"
                + "CPUQuota=50%\nMemoryMax=1G\n", slice);
    }

    @Test
    void render_ofAMissingTemplateOrValue_saysWhichUnitAndTemplate() {
        IllegalStateException missing = assertThrows(IllegalStateException.class,
                () -> UnitTemplates.render("nosuch.ftl", Map.of(), "x.service"));
        assertEquals("cannot render x.service: templates/nosuch.ftl: no such template in vaina's build",
                missing.getMessage());
        IllegalStateException unset = assertThrows(IllegalStateException.class,
                () -> UnitTemplates.render("pod.slice.ftl", Map.of("unitName", "s.slice"), "s.slice"));
        assertEquals("cannot render s.slice: templates/pod.slice.ftl:4: id is not set",
                unset.getMessage());
    }
}
