package dev.vaina.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.vaina.spec.ContainerConfig;
import dev.vaina.spec.ImageConfig;
import dev.vaina.store.ContainerRecord;
import dev.vaina.store.ContainerStore;
import dev.vaina.store.NoSuchContainerException;
import dev.vaina.store.StoreLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TargetsTest {
    @TempDir
    Path dir;

    private ContainerStore store;
    private Containers containers;
    private ContainerRecord older;
    private ContainerRecord newer;

    @BeforeEach
    void twoContainers() throws Exception {
        Engine engine = new Engine(new StoreLayout(dir.resolve("data"), dir.resolve("run"), false), null, null, null,
                Map.of());
        store = engine.store();
        containers = engine.containers();
        older = record("older", "2026-01-01T00:00:00Z");
        newer = record("newer", "2026-01-02T00:00:00Z");
        store.create(older);
        store.create(newer);
    }

    private static ContainerRecord record(String name, String created) {
        return new ContainerRecord(ContainerStore.newId(), name, created, "ab".repeat(32), "localhost/busybox:latest",
                List.of("true"), ContainerConfig.builder().command(List.of("true")).build(), ImageConfig.EMPTY,
                List.of("cd".repeat(32)), "container-" + name + ".service", null, false);
    }

    private static List<String> references(List<Targets.Target> targets) {
        return targets.stream().map(Targets.Target::reference).toList();
    }

    @Test
    void names_keepTheUsersSpelling_inTheGivenOrder() throws Exception {
        String prefix = older.id().substring(0, 6);
        List<Targets.Target> targets = Targets.named(List.of("newer", prefix)).resolve(containers);
        assertEquals(List.of("newer", prefix), references(targets));
        assertEquals(List.of(newer, older), targets.stream().map(Targets.Target::record).toList());
    }

    @Test
    void all_isEveryContainer_newestFirst_byFullId() throws Exception {
        assertEquals(List.of(newer.id(), older.id()), references(Targets.named(null).all(true).resolve(containers)));
    }

    @Test
    void latest_isTheNewest() throws Exception {
        assertEquals(List.of(newer.id()), references(Targets.named(List.of()).latest(true).resolve(containers)));
    }

    @Test
    void latest_withNoContainer_failsUnlessIgnored() throws Exception {
        store.remove(older);
        store.remove(newer);
        assertThrows(NoSuchContainerException.class, () -> Targets.named(null).latest(true).resolve(containers));
        assertEquals(List.of(), Targets.named(null).latest(true).ignoreMissing(true).resolve(containers));
    }

    @Test
    void missingName_failsBeforeAnyIsReturned_unlessIgnored() throws Exception {
        NoSuchContainerException e = assertThrows(NoSuchContainerException.class,
                () -> Targets.named(List.of("older", "nope")).resolve(containers));
        assertEquals("no container with name or ID \"nope\" found: no such container", e.getMessage());
        assertEquals(List.of("older"), references(Targets.named(List.of("older", "nope")).ignoreMissing(true)
                .resolve(containers)));
    }

    @Test
    void cidfile_givesTheFullId() throws Exception {
        Path cidfile = dir.resolve("cid");
        Files.writeString(cidfile, older.id() + "\n");
        assertEquals(List.of(older.id()), references(Targets.named(null).cidfiles(List.of(cidfile)).resolve(containers)));
    }

    @Test
    void missingCidfile_isNamed() {
        Path cidfile = dir.resolve("absent");
        EngineException e = assertThrows(EngineException.class,
                () -> Targets.named(null).cidfiles(List.of(cidfile)).resolve(containers));
        assertEquals("reading CIDFile: open " + cidfile + ": no such file or directory", e.getMessage());
    }

    @Test
    void conflictingChoices_areRefused() {
        assertEquals("--all and --latest cannot be used together", assertThrows(EngineException.class,
                () -> Targets.named(null).all(true).latest(true).resolve(containers)).getMessage());
        assertEquals("no arguments are needed with --all", assertThrows(EngineException.class,
                () -> Targets.named(List.of("older")).all(true).resolve(containers)).getMessage());
        assertEquals("--latest and containers cannot be used together", assertThrows(EngineException.class,
                () -> Targets.named(List.of("older")).latest(true).resolve(containers)).getMessage());
        assertEquals("you must provide at least one container name or ID (or --all, --latest, --cidfile)",
                assertThrows(EngineException.class, () -> Targets.named(null).resolve(containers)).getMessage());
    }

    @Test
    void runningOnly_dropsContainersThatDoNotRun() throws Exception {
        // Both were only created: neither runs.
        assertEquals(List.of(), Targets.named(null).all(true).runningOnly(true).resolve(containers));
        assertEquals(2, Targets.named(null).all(true).runningOnly(false).resolve(containers).size());
    }
}
