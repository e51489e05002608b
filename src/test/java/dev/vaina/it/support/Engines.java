package dev.vaina.it.support;

import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.ArgumentsProvider;

/**
 * Supplies one {@link VainaCli} per requested mode to a parameterised test (see {@link EachMode}), so
 * one test method runs rootful and rootless. The requested modes come from VAINA_TEST_MODES (both when
 * unset). A requested mode the run did not set up still gets its invocation, and that invocation fails
 * with the reason: a missing manager never turns into a skipped test.
 */
public final class Engines implements ArgumentsProvider {

    /** Tag for tests that only make sense as root; ./test.sh excludes it, loudly, when not run as root. */
    public static final String ROOTFUL_ONLY = "rootful";

    @Override
    public Stream<? extends Arguments> provideArguments(ExtensionContext context) {
        return TestEnvironment.requestedModes().stream().map(mode -> Arguments.of(VainaCli.forMode(mode)));
    }
}
