package dev.vaina.it.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ArgumentsSource;

/**
 * Runs the annotated test once per mode, rootful and rootless, with a {@link VainaCli} for that mode
 * as its parameter: {@code @EachMode void runsTrue(VainaCli vaina) { vaina.run("run", "--rm", ...) }}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@ParameterizedTest(name = "{0}")
@ArgumentsSource(Engines.class)
public @interface EachMode {
}
