package dev.vaina.cli.containers;

import picocli.CommandLine.Option;

/** What an attached client does with its keyboard and its signals: run, start -a and attach share these. */
final class AttachOptions {
    @Option(names = "--detach-keys", paramLabel = "KEYS", defaultValue = DetachKeys.DEFAULT,
            description = "Keys that detach from the container and leave it running: characters or ctrl-<value>"
                    + " (<value> one of a-z, @, ^, [, \\, ], _), comma-separated; \"\" turns detaching off"
                    + " (default: ${DEFAULT-VALUE}).")
    String detachKeys;

    @Option(names = "--sig-proxy", negatable = true, defaultValue = "true", fallbackValue = "true", arity = "0..1",
            description = "Pass the signals this command receives on to the container (default: true).")
    boolean sigProxy;

    DetachKeys detachKeys() {
        return DetachKeys.parse(detachKeys);
    }
}
