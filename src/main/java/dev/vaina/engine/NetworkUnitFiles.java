package dev.vaina.engine;

import dev.vaina.net.Netavark;
import dev.vaina.net.RootlessNetns;
import dev.vaina.spec.NetworkAttachment;
import dev.vaina.spec.NetworkDefinition;
import dev.vaina.spec.NetworkMode;
import dev.vaina.store.AtomicFiles;
import dev.vaina.store.ContainerRecord;
import dev.vaina.systemd.JobResult;
import dev.vaina.unit.NetworkUnitRenderer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The units that a container's named networks need, written beside the containers' units: rootless, the holder
 * of the networks' namespaces ({@link RootlessNetns#UNIT}), which the container's unit is bound to; for a
 * network with DNS, aardvark-dns's ({@link Netavark#AARDVARK_UNIT}), which the container's unit wants and starts
 * before: aardvark-dns exits when it has no entry, so it can only start once netavark wrote the first one, in
 * the container's start. Being units that systemd pulls in, they also come back when systemd restarts a
 * container by itself (a restart policy, a boot) without any vaina command.
 */
final class NetworkUnitFiles {
    /** What a container's unit names: the holder it is bound to, the DNS unit it starts before; null for none. */
    record Needs(String holder, String dns) {
        static final Needs NONE = new Needs(null, null);
    }

    private NetworkUnitFiles() {
    }

    static Needs write(Engine engine, ContainerRecord record) throws IOException {
        if (record.config().network().networkMode().kind() != NetworkMode.Kind.DEFAULT) {
            return Needs.NONE;
        }
        List<NetworkAttachment> named = engine.store().networks(record);
        if (named.isEmpty()) {
            return Needs.NONE; // the default network: no DNS, and rootless a helper of the container's own
        }
        String holder = null;
        if (engine.layout().rootless()) {
            writeHolder(engine);
            holder = RootlessNetns.UNIT;
        }
        boolean dns = false;
        for (NetworkAttachment attachment : named) {
            // Not Optional.map: no lambda on a container's start.
            Optional<NetworkDefinition> network = engine.networks().lookup(attachment.network());
            dns |= network.isPresent() && network.get().dnsEnabled();
        }
        if (dns) {
            writeDns(engine);
        }
        return new Needs(holder, dns ? Netavark.AARDVARK_UNIT : null);
    }

    /**
     * For a definition file's unit, which wants these units but cannot have been generated with their files in
     * place (the engine writes them): called from its start's create, it writes them and starts them. The holder
     * must run before the launcher comes, so this waits for it; aardvark-dns's start is only queued, since the
     * unit orders it after its own start, of which this create is a part.
     */
    static void startForGeneratedUnit(Engine engine, ContainerRecord record) throws IOException {
        Needs needs = write(engine, record);
        if (needs.holder() != null) {
            JobResult started = engine.systemd().startUnit(needs.holder());
            if (!started.succeeded()) {
                throw new EngineException("cannot start " + needs.holder() + ", which holds the namespaces of named"
                        + " networks: systemd says " + started);
            }
        }
        if (needs.dns() != null) {
            engine.systemd().queueStart(needs.dns());
        }
    }

    private static void writeHolder(Engine engine) throws IOException {
        List<String> up = new ArrayList<>(engine.launcherCommand());
        up.addAll(List.of("netns", "up"));
        List<String> down = new ArrayList<>(engine.launcherCommand());
        down.addAll(List.of("netns", "down"));
        writeUnit(engine, RootlessNetns.UNIT, NetworkUnitRenderer.renderHolder(RootlessNetns.UNIT,
                RootlessNetns.holderCommand(), up, down));
    }

    static void writeDns(Engine engine) throws IOException {
        List<String> start = new ArrayList<>(engine.launcherCommand());
        start.addAll(List.of("aardvark-dns", "run"));
        writeUnit(engine, Netavark.AARDVARK_UNIT, NetworkUnitRenderer.renderDns(Netavark.AARDVARK_UNIT, start,
                Netavark.aardvarkNeeded(Netavark.configDir(engine.layout().networkRunRoot())),
                engine.layout().rootless() ? RootlessNetns.UNIT : null));
    }

    private static void writeUnit(Engine engine, String unit, String text) throws IOException {
        if (!AtomicFiles.writeIfChanged(engine.unitDirectory().resolve(unit), text)) {
            return;
        }
        if (engine.systemd().needsReload(unit)) {
            engine.systemd().reload();
        }
    }
}
