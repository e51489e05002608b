package dev.vaina.unit;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/** The unit templates of the top-level templates/ folder (packed under /templates), each read once, on first use. */
final class UnitTemplates {
    private static final Map<String, UnitTemplate> LOADED = new HashMap<>();

    private UnitTemplates() {
    }

    /** @param unitName the unit being rendered, for the message when rendering fails */
    static String render(String template, Map<String, Object> values, String unitName) {
        try {
            return load(template).render(values);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("cannot render " + unitName + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new IllegalStateException("cannot render " + unitName + ": templates/" + template + ": "
                    + e.getMessage(), e);
        }
    }

    static synchronized UnitTemplate load(String template) throws IOException {
        UnitTemplate loaded = LOADED.get(template);
        if (loaded == null) {
            try (InputStream in = UnitTemplates.class.getResourceAsStream("/templates/" + template)) {
                if (in == null) {
                    throw new IOException("no such template in vaina's jar");
                }
                loaded = UnitTemplate.parse("templates/" + template, new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
            LOADED.put(template, loaded);
        }
        return loaded;
    }
}
