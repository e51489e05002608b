package dev.vaina.cli.images;

import dev.vaina.cli.common.CommandFailedException;
import dev.vaina.cli.common.Context;
import dev.vaina.cli.common.ContextCommand;
import dev.vaina.cli.common.ExitCodes;
import dev.vaina.image.naming.AuthFile;
import dev.vaina.spec.InvalidSpecException;
import dev.vaina.store.OwnProcess;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** `vaina logout`: forgets the credentials stored for a registry (or for all of them). */
@Command(name = "logout", description = "Log out of a container registry.")
public final class LogoutCommand extends ContextCommand {
    @Option(names = "--authfile", paramLabel = "FILE",
            description = "Credentials file (default: $REGISTRY_AUTH_FILE, else $XDG_RUNTIME_DIR/containers/auth.json).")
    Path authfile;

    @Option(names = {"-a", "--all"}, description = "Remove the credentials of every registry.")
    boolean all;

    @Parameters(index = "0", arity = "0..1", paramLabel = "REGISTRY", description = "The registry's host[:port].")
    String registry;

    @Override
    protected int execute(Context context) throws Exception {
        AuthFile auth = AuthFile.forUser(context.env(), (int) OwnProcess.realUid(), authfile);
        if (all) {
            if (registry != null) {
                throw new InvalidSpecException("--all takes no REGISTRY");
            }
            auth.removeAll();
            out().println("Removed login credentials for all registries");
            out().flush();
            return 0;
        }
        if (registry == null) {
            throw new InvalidSpecException("a REGISTRY (or --all) is required");
        }
        String host = RegistryArgument.host(registry);
        if (!auth.remove(host)) {
            Optional<Path> elsewhere = auth.fallbackHolding(host);
            if (elsewhere.isPresent()) {
                throw new CommandFailedException(ExitCodes.ENGINE, "not logged into " + host + " with vaina: "
                        + "the credentials in use come from " + elsewhere.get() + ", which vaina does not edit");
            }
            throw new CommandFailedException(ExitCodes.ENGINE, "not logged into " + host);
        }
        out().println("Removed login credentials for " + host);
        out().flush();
        return 0;
    }
}
