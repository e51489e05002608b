package dev.vaina.unit;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * The unit templates of the top-level templates/ folder, each parsed once, on first use. Their text is compiled into
 * {@link TemplateTexts} by the build: read as a resource, it opened vaina's jar and read its central directory.
 */
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
            String text = TemplateTexts.text(template);
            if (text == null) {
                throw new IOException("no such template in vaina's build");
            }
            loaded = UnitTemplate.parse("templates/" + template, text);
            LOADED.put(template, loaded);
        }
        return loaded;
    }
}
