package dev.vaina.launch;

import dev.vaina.store.AtomicFiles;
import dev.vaina.store.ContainerRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The container's /etc/hostname, /etc/hosts and /etc/resolv.conf, bind-mounted from the run directory. */
record EtcFiles(String hostname, Path hostnameFile, Path hostsFile, Path resolvConf) {

    static EtcFiles write(Path runDir, ContainerRecord record) throws IOException {
        String hostname = record.config().hostname() != null ? record.config().hostname() : record.shortId();
        Path hostnameFile = runDir.resolve("hostname");
        Path hostsFile = runDir.resolve("hosts");
        Path resolvConf = runDir.resolve("resolv.conf");
        AtomicFiles.write(hostnameFile, hostname + "\n");
        AtomicFiles.write(hostsFile, "127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\n"
                + "127.0.1.1\t" + hostname + " " + record.name() + "\n");
        Path host = Path.of("/etc/resolv.conf");
        AtomicFiles.write(resolvConf, Files.isReadable(host) ? Files.readString(host) : "");
        return new EtcFiles(hostname, hostnameFile, hostsFile, resolvConf);
    }
}
