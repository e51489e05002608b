package dev.vaina.unit;

import freemarker.cache.ClassTemplateLoader;
import freemarker.core.TemplateClassResolver;
import freemarker.template.Configuration;
import freemarker.template.SimpleObjectWrapper;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import java.io.IOException;
import java.io.StringWriter;
import java.util.Map;

/** The unit templates of the top-level templates/ folder, rendered with FreeMarker set up once, on first use. */
final class UnitTemplates {
    private UnitTemplates() {
    }

    /** @param unitName the unit being rendered, for the message when rendering fails */
    static String render(String template, Map<String, Object> values, String unitName) {
        StringWriter out = new StringWriter(2048);
        try {
            Template loaded = Holder.CONFIGURATION.getTemplate(template);
            loaded.process(values, out);
        } catch (IOException | TemplateException e) {
            throw new IllegalStateException("cannot render " + unitName + " from templates/" + template + ": "
                    + e.getMessage(), e);
        }
        return out.toString();
    }

    private static final class Holder {
        static final Configuration CONFIGURATION = configure();

        private static Configuration configure() {
            // FreeMarker logs through java.util.logging when it finds nothing else, and setting that up cost every
            // create 5 ms or more (its configuration read, a service lookup over the class path); vaina reports
            // a template's failure itself (below: rethrown, not logged).
            System.setProperty("org.freemarker.loggerLibrary", "none");
            Configuration configuration = new Configuration(Configuration.VERSION_2_3_34);
            configuration.setTemplateLoader(new ClassTemplateLoader(UnitTemplates.class, "/templates"));
            // Strings, lists and maps only: no bean introspection, and no Java member a template could call (the
            // member access policy every Configuration builds reads vaina's rules, which allow none: see
            // src/main/resources/freemarker/ext/beans/DefaultMemberAccessPolicy-rules).
            configuration.setObjectWrapper(new SimpleObjectWrapper(Configuration.VERSION_2_3_34));
            configuration.setDefaultEncoding("UTF-8");
            configuration.setLocalizedLookup(false);
            configuration.setTemplateUpdateDelayMilliseconds(Long.MAX_VALUE);
            configuration.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
            configuration.setLogTemplateExceptions(false);
            configuration.setWrapUncheckedExceptions(true);
            configuration.setNewBuiltinClassResolver(TemplateClassResolver.ALLOWS_NOTHING_RESOLVER);
            configuration.setAPIBuiltinEnabled(false);
            return configuration;
        }
    }
}
