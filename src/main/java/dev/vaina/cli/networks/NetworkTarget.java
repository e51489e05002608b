package dev.vaina.cli.networks;

import picocli.CommandLine.Parameters;

/** The two arguments of `network connect` and `network disconnect`: NETWORK CONTAINER. */
final class NetworkTarget {
    @Parameters(index = "0", paramLabel = "NETWORK")
    String network;

    @Parameters(index = "1", paramLabel = "CONTAINER")
    String container;
}
