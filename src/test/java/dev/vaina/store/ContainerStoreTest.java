package dev.vaina.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vaina.spec.ContainerConfig;
import dev.vaina.spec.DeviceMapping;
import dev.vaina.spec.HealthCheck;
import dev.vaina.spec.HealthOnFailure;
import dev.vaina.spec.ImageConfig;
import dev.vaina.spec.LogConfig;
import dev.vaina.spec.NetworkConfig;
import dev.vaina.spec.NotifyMode;
import dev.vaina.spec.PortMapping;
import dev.vaina.spec.ResourceLimits;
import dev.vaina.spec.RestartPolicy;
import dev.vaina.spec.SecurityOptions;
import dev.vaina.spec.StartupHealthCheck;
import dev.vaina.spec.TmpfsSpecParser;
import dev.vaina.spec.Ulimit;
import dev.vaina.spec.VolumeMount;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContainerStoreTest {
    @TempDir
    Path dir;

    private ContainerStore store() {
        return new ContainerStore(new StoreLayout(dir.resolve("data"), dir.resolve("run"), false));
    }

    private static ContainerRecord record(String name) {
        return record(ContainerStore.newId(), name, ContainerConfig.builder().command(List.of("true"))
                .env(Map.of("A", "1")).restart(RestartPolicy.parse("on-failure:2")).build());
    }

    private static ContainerRecord record(String id, String name, ContainerConfig config) {
        return new ContainerRecord(id, name, "2026-01-01T00:00:00Z", "ab".repeat(32),
                "localhost/busybox:latest", List.of("true"), config, ImageConfig.EMPTY, List.of("cd".repeat(32)),
                "container-" + name + ".service", null, false);
    }

    @Test
    void create_thenFindByNameIdAndPrefix() throws Exception {
        ContainerStore store = store();
        ContainerRecord record = record("web");
        store.create(record);
        assertEquals(record, store.find("web"));
        assertEquals(record, store.find(record.id()));
        assertEquals(record, store.find(record.id().substring(0, 5)));
        assertEquals(ContainerState.CREATED, store.state(record.id()).status());
    }

    @Test
    void inPod_andInPods_findThePodsContainers_notOnesThatOnlyNameAPodInALabel() throws Exception {
        ContainerStore store = store();
        String pod = "ef".repeat(32);
        String other = "01".repeat(32);
        ContainerRecord infra = inPod(record("p-infra"), pod, true);
        ContainerRecord member = inPod(record("p-a"), pod, false);
        ContainerRecord elsewhere = inPod(record("q-a"), other, false);
        ContainerRecord mentioning = record(ContainerStore.newId(), "labelled", ContainerConfig.builder()
                .command(List.of("true")).labels(Map.of("pod", pod)).build());
        for (ContainerRecord record : List.of(infra, member, elsewhere, mentioning, record("alone"))) {
            store.create(record);
        }
        List<ContainerRecord> found = new ArrayList<>(store.inPod(pod));
        found.sort((a, b) -> a.name().compareTo(b.name()));
        assertEquals(List.of(member, infra), found);
        assertEquals(List.of(elsewhere), store.inPod(other));
        assertEquals(List.of(), store.inPod("23".repeat(32)));
        List<ContainerRecord> inPods = new ArrayList<>(store.inPods());
        inPods.sort((a, b) -> a.name().compareTo(b.name()));
        assertEquals(List.of(member, infra, elsewhere), inPods, "not the one with a label named pod, nor the one alone");
    }

    private static ContainerRecord inPod(ContainerRecord record, String pod, boolean infra) {
        return new ContainerRecord(record.id(), record.name(), record.created(), record.imageId(), record.imageName(),
                record.args(), record.config(), record.imageConfig(), record.layers(), record.unit(), pod, infra);
    }

    @Test
    void networkConfig_roundTrips_andOldRecordsReadWithTheDefault() throws Exception {
        ContainerStore store = store();
        ContainerRecord plain = record("old");
        NetworkConfig network = new NetworkConfig("none", List.of(new PortMapping("127.0.0.1", 8080, 80, 2, "udp")),
                List.of("90/tcp"), true, List.of("10.0.0.1"), List.of("example.org"), List.of("ndots:2"),
                List.of("db:10.0.0.5"), true);
        ContainerRecord networked = record(ContainerStore.newId(), "new",
                ContainerConfig.builder().command(List.of("true")).network(network).build());
        store.create(networked);
        assertEquals(networked, store.find("new"));
        // A record written before networking existed has no "network" key at all.
        store.create(plain);
        Path file = store.layout().container(plain.id()).resolve("container.json");
        Map<String, Object> json = Json.compact().mapFrom(Files.readAllBytes(file));
        @SuppressWarnings("unchecked")
        Map<String, Object> config = (Map<String, Object>) json.get("config");
        config.remove("network");
        Files.write(file, Json.compact().asBytes(json));
        assertEquals(NetworkConfig.DEFAULT, new ContainerStore(store.layout()).find("old").config().network());
    }

    /**
     * container-all-options.json is the record that `create` with (nearly) every option wrote before configurations
     * were made by a builder: it must load with every setting, and be written back with the same keys and values.
     */
    @Test
    void aRecordOfEveryOption_loadsEverySetting_andIsWrittenBackAsItWasRead() throws Exception {
        byte[] stored = Files.readAllBytes(Path.of("src/test/resources/fixtures/store/container-all-options.json"));
        String id = "0123456789abcdef".repeat(4);
        ContainerStore store = store();
        store.create(record(id, "full", ContainerConfig.builder().build()));
        Path file = store.layout().container(id).resolve("container.json");
        Files.write(file, stored);

        ContainerConfig config = new ContainerStore(store.layout()).find("full").config();

        ContainerConfig expected = ContainerConfig.builder()
                .command(List.of("sleep", "100"))
                .entrypoint(List.of("/bin/sh", "-c"))
                .env(Map.of("A", "1", "B", "two"))
                .workingDir("/srv")
                .user("1000:1000")
                .hostname("box")
                .volumes(List.of(VolumeMount.parse("/tmp:/data:ro,z"), TmpfsSpecParser.parse("/scratch"),
                        TmpfsSpecParser.parse("/cache:size=1m")))
                .stopSignal(2)
                .stopTimeout(7)
                .restart(RestartPolicy.parse("on-failure:2"))
                .interactive(true)
                .network(new NetworkConfig(null, List.of(PortMapping.parse("127.0.0.1:8080:80/tcp")), List.of("90/tcp"),
                        false, List.of("10.0.0.1"), List.of("example.org"), List.of("ndots:2"), List.of("db:10.0.0.5"),
                        false))
                .limits(new ResourceLimits(64L << 20, null, null, 500_000_000L, null, null, null, 100L, null, null, null,
                        List.of(Ulimit.parse("nofile=1024:2048")), null, null))
                .healthCheck(new HealthCheck(List.of("CMD-SHELL", "true"), 10_000_000_000L, HealthCheck.DEFAULT_TIMEOUT,
                        0, 5))
                .healthOnFailure(HealthOnFailure.KILL)
                .startupHealthCheck(new StartupHealthCheck(List.of("CMD-SHELL", "test -f /ready"),
                        StartupHealthCheck.DEFAULT_INTERVAL, StartupHealthCheck.DEFAULT_TIMEOUT, 0, 2))
                .sdNotify(NotifyMode.CONTAINER)
                .labels(Map.of("app", "web"))
                .annotations(Map.of("note", "kept"))
                .security(new SecurityOptions(false, List.of("CAP_NET_ADMIN"), List.of("CAP_CHOWN"),
                        List.of("no-new-privileges"), true, true, List.of("7"), Map.of("net.ipv4.ip_forward", "1"),
                        List.of(DeviceMapping.parse("/dev/null:/dev/mynull:rw"))))
                .init(true)
                .timezone("Europe/Madrid")
                .log(new LogConfig(LogConfig.K8S_FILE, null, 1 << 20))
                .timeout(60)
                .build();
        assertEquals(expected, config);

        store.replaceConfig(store.find("full"), config);
        Map<String, Object> written = Json.compact().mapFrom(Files.readAllBytes(file));
        Map<String, Object> read = Json.compact().mapFrom(stored);
        @SuppressWarnings("unchecked")
        Map<String, Object> writtenConfig = (Map<String, Object>) written.get("config");
        @SuppressWarnings("unchecked")
        Map<String, Object> readConfig = (Map<String, Object>) read.get("config");
        // A setting added later adds a key; none of the keys read may change or go.
        readConfig.forEach((key, value) -> assertEquals(value, writtenConfig.get(key), key));
    }

    @Test
    void rename_movesTheName_andFreesTheOldOne_butNotAnotherContainersName() throws Exception {
        ContainerStore store = store();
        ContainerRecord web = record("web");
        ContainerRecord db = record("db");
        store.create(web);
        store.create(db);
        ContainerRecord renamed = web.renamed("front", "container-front.service");
        store.rename(web, renamed);
        assertEquals(renamed, store.find("front"));
        assertTrue(store.lookup("web").isEmpty(), "the old name is free");
        assertThrows(NameInUseException.class, () -> store.rename(renamed, renamed.renamed("db", "container-db.service")));
        assertEquals(renamed, store.find("front"), "a refused rename changes nothing");
        store.create(record("web"));
    }

    @Test
    void aRenameCutShort_leavesAClaimThatCountsAsFree() throws Exception {
        ContainerStore store = store();
        ContainerRecord web = record("web");
        store.create(web);
        // What a rename that died after claiming "front" but before rewriting the record leaves.
        java.nio.file.Files.writeString(store.layout().names().resolve("front"), web.id());
        assertTrue(store.lookup("front").isEmpty(), "the claim's owner is still called web");
        assertEquals(web, store.find("web"));
        store.create(record("front"));
        assertEquals("front", store.find("front").name());
    }

    @Test
    void find_unknownNameSaysSo() {
        NoSuchContainerException e = assertThrows(NoSuchContainerException.class, () -> store().find("nope"));
        assertEquals("no container with name or ID \"nope\" found: no such container", e.getMessage());
    }

    @Test
    void create_duplicateNameFailsNamingTheName() throws Exception {
        ContainerStore store = store();
        ContainerRecord first = record("web");
        store.create(first);
        NameInUseException e = assertThrows(NameInUseException.class, () -> store.create(record("web")));
        assertTrue(e.getMessage().contains("\"web\" is already in use by " + first.id()), e.getMessage());
        assertEquals(1, store.list().size());
    }

    @Test
    void create_concurrentSameNameExactlyOneWins() throws Exception {
        ContainerStore store = store();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<Boolean>> results = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            results.add(pool.submit(() -> {
                try {
                    store().create(record("same"));
                    return true;
                } catch (NameInUseException e) {
                    return false;
                }
            }));
        }
        int wins = 0;
        for (Future<Boolean> result : results) {
            wins += result.get() ? 1 : 0;
        }
        pool.shutdown();
        assertEquals(1, wins);
        assertEquals(1, store.list().size());
    }

    @Test
    void remove_freesTheNameAndLeavesNothing() throws Exception {
        ContainerStore store = store();
        ContainerRecord record = record("web");
        store.create(record);
        store.remove(record);
        assertFalse(store.exists(record.id()));
        assertFalse(store.nameTaken("web"));
        store.create(record("web"));
        try (var entries = Files.list(store.layout().containers())) {
            assertEquals(1, entries.count());
        }
    }

    @Test
    void nameClaimLeftByACrash_isTakenOver() throws Exception {
        ContainerStore store = store();
        Files.createDirectories(store.layout().names());
        Files.writeString(store.layout().names().resolve("web"), "ef".repeat(32));
        store.create(record("web"));
        assertEquals(1, store.list().size());
    }

    @Test
    void repair_deletesHalfMadeDirectories() throws Exception {
        ContainerStore store = store();
        Path leftover = store.layout().containers().resolve(".abc.new");
        Files.createDirectories(leftover.resolve("x"));
        store.repair();
        assertFalse(Files.exists(leftover));
        assertEquals(Collections.emptyList(), store.list());
    }

    @Test
    void state_roundTrips() throws Exception {
        ContainerStore store = store();
        ContainerRecord record = record("web");
        store.create(record);
        ContainerState running = store.state(record.id()).running(42, "2026-01-01T00:00:01Z");
        store.writeState(record.id(), running);
        assertEquals(running, store.state(record.id()));
        ContainerState exited = running.exited(3, "2026-01-01T00:00:02Z", null);
        store.writeState(record.id(), exited);
        assertEquals(3, store.state(record.id()).exitCode());
    }

    @Test
    void listings_areEmptyWithoutADirectory_andPassOverWhatIsNoRecord() throws Exception {
        ContainerStore store = store();
        assertEquals(List.of(), store.list());
        assertEquals(List.of(), store.recordedRunning());
        ContainerRecord web = record("web");
        ContainerRecord db = record("db");
        store.create(web);
        store.create(db);
        store.writeState(db.id(), store.state(db.id()).running(42, "2026-01-01T00:00:01Z"));
        Files.createDirectories(store.layout().containers().resolve(".abc.new"));
        Files.createDirectories(store.layout().containers().resolve("ef".repeat(32)));
        Files.writeString(store.layout().containers().resolve("stray"), "not a record's directory");

        List<String> names = new ArrayList<>();
        for (ContainerRecord listed : store.list()) {
            names.add(listed.name());
        }
        Collections.sort(names);
        assertEquals(List.of("db", "web"), names);
        List<ContainerRecords.Running> running = store.recordedRunning();
        assertEquals(1, running.size());
        assertEquals(db, running.get(0).record());
        assertEquals(42, running.get(0).state().monitorPid());
        assertEquals(db, store.find(db.id()));
    }

    @Test
    void aStoreThatIsNotADirectory_isNoListing() throws Exception {
        ContainerStore store = store();
        Files.createDirectories(store.layout().containers().getParent());
        Files.writeString(store.layout().containers(), "a file");
        assertEquals(List.of(), store.list());
    }

    @Test
    void fileNames_nameTheFilesOfTheContainersDirectories() {
        StoreLayout layout = store().layout();
        String id = "ab".repeat(32);
        assertEquals(layout.container(id).resolve("state.json").toString(), layout.containerFileName(id, "state.json"));
        assertEquals(layout.containerRun(id).resolve("pid").toString(), layout.containerRunFileName(id, "pid"));
    }
}
