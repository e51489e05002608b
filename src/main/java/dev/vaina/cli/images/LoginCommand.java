package dev.vaina.cli.images;

import dev.vaina.cli.common.CommandFailedException;
import dev.vaina.cli.common.Context;
import dev.vaina.cli.common.ContextCommand;
import dev.vaina.cli.common.ExitCodes;
import dev.vaina.image.naming.AuthEntry;
import dev.vaina.image.naming.AuthFile;
import dev.vaina.image.naming.CredentialCheck;
import dev.vaina.image.naming.RegistriesConf;
import dev.vaina.spec.InvalidSpecException;
import dev.vaina.store.OwnProcess;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** `vaina login`: checks a user name and password with the registry, then keeps them in auth.json. */
@Command(name = "login", description = "Log in to a container registry.")
public final class LoginCommand extends ContextCommand {
    @Option(names = {"-u", "--username"}, paramLabel = "USER", description = "User name (prompted for when missing).")
    String username;

    @Option(names = {"-p", "--password"}, paramLabel = "PASS",
            description = "Password (prompted for when missing; visible to other users in the process list).")
    String password;

    @Option(names = "--password-stdin", description = "Read the password from standard input.")
    boolean passwordStdin;

    @Option(names = "--authfile", paramLabel = "FILE",
            description = "Credentials file (default: $REGISTRY_AUTH_FILE, else $XDG_RUNTIME_DIR/containers/auth.json).")
    Path authfile;

    @Option(names = "--tls-verify", paramLabel = "true|false", arity = "0..1", fallbackValue = "true",
            description = "Require HTTPS with a verified certificate (default: true unless registries.conf marks the registry insecure).")
    Boolean tlsVerify;

    @Option(names = "--get-login", description = "Print the user name stored for the registry, and check nothing.")
    boolean getLogin;

    @Parameters(index = "0", paramLabel = "REGISTRY", description = "The registry's host[:port].")
    String registry;

    private final CredentialCheck check;
    private final InputStream stdin;
    private final Console console;

    LoginCommand() {
        this(RegistryLogin::check, System.in, System.console());
    }

    LoginCommand(CredentialCheck check, InputStream stdin, Console console) {
        this.check = check;
        this.stdin = stdin;
        this.console = console;
    }

    @Override
    protected int execute(Context context) throws Exception {
        String host = RegistryArgument.host(registry);
        AuthFile auth = AuthFile.forUser(context.env(), (int) OwnProcess.realUid(), authfile);
        if (getLogin) {
            Optional<AuthEntry> entry = auth.find(host);
            if (entry.isEmpty()) {
                throw new CommandFailedException(ExitCodes.ENGINE, "not logged into " + host);
            }
            out().println(entry.get().username());
            out().flush();
            return 0;
        }
        if (passwordStdin && password != null) {
            throw new InvalidSpecException("can't specify both --password-stdin and --password");
        }
        if (passwordStdin && username == null) {
            throw new InvalidSpecException("must provide --username with --password-stdin");
        }
        String user = username != null ? username : prompt("Username: ");
        String pass = passwordStdin ? readStdinPassword() : password != null ? password : promptSecret("Password: ");
        if (user.isEmpty()) {
            throw new InvalidSpecException("a user name is required to log in to " + host);
        }
        if (pass.isEmpty()) {
            throw new InvalidSpecException("a password is required to log in to " + host);
        }
        boolean verify = tlsVerify != null ? tlsVerify : !insecure(context, host);
        try {
            check.check(host, verify, user, pass);
        } catch (IOException e) {
            throw new CommandFailedException(ExitCodes.ENGINE, "logging into \"" + host + "\": " + e.getMessage());
        }
        auth.store(host, user, pass);
        out().println("Login Succeeded!");
        out().flush();
        return 0;
    }

    private boolean insecure(Context context, String host) throws IOException {
        RegistriesConf conf = RegistriesConf.load(RegistriesConf.defaultFiles(context.env(), context.layout().rootless()));
        conf.warnings().forEach(w -> err().println("WARN: " + w));
        err().flush();
        return conf.isInsecure(host);
    }

    private String prompt(String label) {
        if (console == null) {
            throw new InvalidSpecException("no terminal to ask for the user name: give it with --username");
        }
        String line = console.readLine("%s", label);
        if (line == null) {
            throw new InvalidSpecException("no user name given (end of input)");
        }
        return line.strip();
    }

    private String promptSecret(String label) {
        if (console == null) {
            throw new InvalidSpecException("no terminal to ask for the password: give it with --password-stdin");
        }
        char[] secret = console.readPassword("%s", label);
        if (secret == null) {
            throw new InvalidSpecException("no password given (end of input)");
        }
        return new String(secret);
    }

    /** Everything on standard input, without the trailing newline a shell pipe adds (as Podman reads it). */
    private String readStdinPassword() throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(stdin, StandardCharsets.UTF_8));
        StringBuilder text = new StringBuilder();
        char[] buffer = new char[256];
        for (int n; (n = reader.read(buffer)) > 0; ) {
            text.append(buffer, 0, n);
        }
        String value = text.toString();
        while (value.endsWith("\n") || value.endsWith("\r")) {
            value = value.substring(0, value.length() - 1);
        }
        return value;
    }
}
