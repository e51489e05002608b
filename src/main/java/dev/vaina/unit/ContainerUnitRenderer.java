package dev.vaina.unit;

import java.io.IOException;
import java.io.StringWriter;
import java.util.HashMap;
import java.util.Map;

import dev.vaina.spec.RestartPolicy;
import freemarker.cache.ClassTemplateLoader;
import freemarker.core.TemplateClassResolver;
import freemarker.template.Configuration;
import freemarker.template.SimpleObjectWrapper;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;

/** Renders container-NAME.service from templates/container.service.ftl. */
public final class ContainerUnitRenderer {
    static final String TEMPLATE = "container.service.ftl";
    /** Beyond the container's stop timeout, time for the monitor to SIGKILL it, reap it and exit. */
    static final int STOP_MARGIN_SECONDS = 5;
    static final int START_TIMEOUT_SECONDS = 120;
    static final int RESTART_DELAY_SECONDS = 1;

    private ContainerUnitRenderer() {
    }

    public static String render(ContainerUnitModel model) {
        Map<String, Object> values = new HashMap<>();
        values.put("unitName", model.unitName());
        values.put("id", model.containerId());
        values.put("name", model.name().value());
        values.put("image", model.image());
        values.put("description", SystemdQuoting.escapeSpecifiers(model.description()));
        values.put("execStart", SystemdQuoting.commandLine(model.execStart()));
        if (!model.execStopPost().isEmpty()) {
            values.put("execStopPost", SystemdQuoting.commandLine(model.execStopPost()));
        }
        values.put("timeoutStopSec", Integer.toString(model.stopTimeoutSeconds() + STOP_MARGIN_SECONDS));
        values.put("timeoutStartSec", Integer.toString(START_TIMEOUT_SECONDS));
        if (model.removedOnExit()) {
            values.put("collectFailed", "yes");
        }
        if (!model.bindsTo().isEmpty()) {
            values.put("bindsTo", String.join(" ", model.bindsTo()));
        }
        values.put("syslogIdentifier", SystemdQuoting.escapeSpecifiers(model.name().value()));
        putRestart(model.restartPolicy(), values);
        StringWriter out = new StringWriter(2048);
        try {
            Template template = Templates.CONFIGURATION.getTemplate(TEMPLATE);
            template.process(values, out);
        } catch (IOException | TemplateException e) {
            throw new IllegalStateException("cannot render " + model.unitName() + " from templates/" + TEMPLATE
                    + ": " + e.getMessage(), e);
        }
        return out.toString();
    }

    private static void putRestart(RestartPolicy policy, Map<String, Object> values) {
        switch (policy.kind()) {
            case NO -> values.put("restart", "no");
            case ON_FAILURE -> {
                values.put("restart", "on-failure");
                if (policy.maxRetries() > 0) {
                    // systemd counts starts, the first one included; Docker counts restarts.
                    values.put("maxRetries", Integer.toString(policy.maxRetries()));
                    values.put("startLimitBurst", Integer.toString(policy.maxRetries() + 1));
                }
            }
            case ALWAYS -> values.put("restart", "always");
            case UNLESS_STOPPED -> {
                values.put("restart", "always");
                values.put("unlessStopped", "yes");
            }
        }
        if (policy.kind() != RestartPolicy.Kind.NO) {
            values.put("restartSec", Integer.toString(RESTART_DELAY_SECONDS));
        }
    }

    /** FreeMarker set up once, on first use, with only what these templates need. */
    private static final class Templates {
        static final Configuration CONFIGURATION = configure();

        private static Configuration configure() {
            Configuration configuration = new Configuration(Configuration.VERSION_2_3_34);
            configuration.setTemplateLoader(new ClassTemplateLoader(ContainerUnitRenderer.class, "/templates"));
            // Strings and maps only: no bean introspection.
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
