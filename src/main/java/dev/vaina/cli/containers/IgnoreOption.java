package dev.vaina.cli.containers;

import picocli.CommandLine.Option;

/** `-i/--ignore`: a container that does not exist is not an error. */
final class IgnoreOption {
    @Option(names = {"-i", "--ignore"}, description = "A container that does not exist is not an error.")
    boolean ignore;
}
