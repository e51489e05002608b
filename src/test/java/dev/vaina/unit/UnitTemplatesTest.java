package dev.vaina.unit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import freemarker.ext.beans.ClassMemberAccessPolicy;
import freemarker.ext.beans.DefaultMemberAccessPolicy;
import freemarker.template.Configuration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UnitTemplatesTest {
    /**
     * FreeMarker builds its default member access policy from vaina's rules (src/main/resources), not from the 550
     * it ships: the one that lets templates call no Java method at all. FreeMarker's own expose String.length().
     */
    @Test
    void memberAccessPolicy_isVainasOwn_andExposesNoJavaMember() throws Exception {
        DefaultMemberAccessPolicy policy = DefaultMemberAccessPolicy.getInstance(Configuration.VERSION_2_3_34);
        for (Class<?> type : List.of(String.class, Object.class, java.util.HashMap.class)) {
            ClassMemberAccessPolicy forType = policy.forClass(type);
            assertFalse(forType.isMethodExposed(type.getMethod("toString")), type.getName());
            assertFalse(forType.isMethodExposed(type.getMethod("hashCode")), type.getName());
        }
        assertFalse(policy.forClass(String.class).isMethodExposed(String.class.getMethod("length")));
        assertFalse(policy.forClass(String.class).isConstructorExposed(String.class.getConstructor(String.class)));
    }

    @Test
    void render_stillRendersStringsListsAndMaps() {
        String slice = UnitTemplates.render("pod.slice.ftl", Map.of("unitName", "vaina-pod_ab.slice", "id", "ab",
                "name", "web", "resources", List.of("CPUQuota=50%", "MemoryMax=1G")), "vaina-pod_ab.slice");
        assertEquals("# vaina-pod_ab.slice, made by vaina for pod ab\n[Unit]\nDescription=vaina pod web\n\n[Slice]\n"
                + "CPUQuota=50%\nMemoryMax=1G\n", slice);
    }
}
