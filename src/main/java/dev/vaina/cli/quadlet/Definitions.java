package dev.vaina.cli.quadlet;

import dev.vaina.cli.common.Context;
import dev.vaina.unit.definition.DefinitionSet;
import dev.vaina.unit.definition.DefinitionSources;
import dev.vaina.unit.definition.SearchPaths;
import java.io.IOException;
import java.nio.file.Path;

/** The caller's definition files, found where the generator finds them, and where `quadlet install` puts them. */
final class Definitions {
    private Definitions() {
    }

    static DefinitionSet load(Context context) throws IOException {
        return DefinitionSet.load(DefinitionSources.scan(SearchPaths.of(context.env(), rootful(context),
                new com.sun.security.auth.module.UnixSystem().getUid())));
    }

    static Path installDirectory(Context context) {
        return SearchPaths.userDirectory(context.env(), rootful(context));
    }

    private static boolean rootful(Context context) {
        return !context.engine().layout().rootless();
    }
}
