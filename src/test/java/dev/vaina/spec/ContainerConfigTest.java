package dev.vaina.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.RecordComponent;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ContainerConfigTest {
    private static final ContainerConfig NOTHING_GIVEN = ContainerConfig.builder().build();

    /** Every setting away from its default but --rm, which --restart excludes. */
    private static final ContainerConfig EVERYTHING = ContainerConfig.builder()
            .command(List.of("sleep", "100"))
            .entrypoint(List.of("/bin/sh", "-c"))
            .env(Map.of("A", "1"))
            .workingDir("/srv")
            .user("1000:1000")
            .hostname("box")
            .volumes(List.of(VolumeMount.parse("/tmp:/data:ro")))
            .stopSignal(2)
            .stopTimeout(7)
            .restart(RestartPolicy.parse("on-failure:2"))
            .tty(true)
            .interactive(true)
            .network(new NetworkConfig("none", List.of(), List.of("90/tcp"), false, List.of("10.0.0.1"), List.of(),
                    List.of(), List.of(), true))
            .limits(new ResourceLimits(64L << 20, null, null, null, null, null, null, 100L, null, null, null,
                    List.of(), null, null))
            .healthCheck(new HealthCheck(List.of("CMD-SHELL", "true"), 10_000_000_000L, HealthCheck.DEFAULT_TIMEOUT, 0,
                    5))
            .healthOnFailure(HealthOnFailure.KILL)
            .startupHealthCheck(new StartupHealthCheck(List.of("CMD-SHELL", "true"), StartupHealthCheck.DEFAULT_INTERVAL,
                    StartupHealthCheck.DEFAULT_TIMEOUT, 0, 2))
            .sdNotify(NotifyMode.CONTAINER)
            .labels(Map.of("app", "web"))
            .annotations(Map.of("note", "kept"))
            .security(new SecurityOptions(true, List.of(), List.of(), List.of(), true, true, List.of(), Map.of(),
                    List.of()))
            .init(true)
            .timezone("Europe/Madrid")
            .log(new LogConfig(LogConfig.NONE, null, 0))
            .timeout(60)
            .systemd(true)
            .build();
    private static final ContainerConfig REMOVED_ON_EXIT = ContainerConfig.builder().autoRemove(true).build();
    private static final List<ContainerConfig> SAMPLES = List.of(EVERYTHING, REMOVED_ON_EXIT);

    @Test
    void nothingGiven_isTheImagesValuesAndPodmansDefaults() {
        assertEquals(List.of(), NOTHING_GIVEN.command());
        assertEquals(null, NOTHING_GIVEN.entrypoint());
        assertEquals(ContainerConfig.DEFAULT_STOP_SIGNAL, NOTHING_GIVEN.stopSignal());
        assertEquals(ContainerConfig.DEFAULT_STOP_TIMEOUT, NOTHING_GIVEN.stopTimeout());
        assertEquals(RestartPolicy.NO, NOTHING_GIVEN.restart());
        assertEquals(NetworkConfig.DEFAULT, NOTHING_GIVEN.network());
        assertEquals(ResourceLimits.NONE, NOTHING_GIVEN.limits());
        assertEquals(null, NOTHING_GIVEN.healthCheck());
        assertEquals(HealthOnFailure.NONE, NOTHING_GIVEN.healthOnFailure());
        assertEquals(NotifyMode.CONMON, NOTHING_GIVEN.sdNotify());
        assertEquals(SecurityOptions.DEFAULT, NOTHING_GIVEN.security());
        assertEquals(LogConfig.DEFAULT, NOTHING_GIVEN.log());
        assertEquals(0, NOTHING_GIVEN.timeout());
    }

    /** Makes the next test see a setting that the builder's copy leaves out: some sample must set it. */
    @Test
    void theSamples_setEverySettingAwayFromItsDefault() throws Exception {
        for (RecordComponent setting : ContainerConfig.class.getRecordComponents()) {
            Object unset = value(NOTHING_GIVEN, setting);
            boolean set = false;
            for (ContainerConfig sample : SAMPLES) {
                set |= !Objects.equals(unset, value(sample, setting));
            }
            assertTrue(set, "no sample sets " + setting.getName() + ": add it to EVERYTHING");
        }
    }

    @Test
    void toBuilder_keepsEverySetting() {
        for (ContainerConfig sample : SAMPLES) {
            assertEquals(sample, sample.toBuilder().build());
        }
    }

    @Test
    void withMethods_changeTheirSettingAndKeepEveryOther() throws Exception {
        List<VolumeMount> volumes = List.of(VolumeMount.parse("/srv:/srv"));
        assertChangedOnly(EVERYTHING.withVolumes(volumes), Set.of("volumes"));
        assertEquals(volumes, EVERYTHING.withVolumes(volumes).volumes());
        assertChangedOnly(EVERYTHING.withNetwork(NetworkConfig.DEFAULT), Set.of("network"));
        assertEquals(NetworkConfig.DEFAULT, EVERYTHING.withNetwork(NetworkConfig.DEFAULT).network());
        assertChangedOnly(EVERYTHING.withLimits(ResourceLimits.NONE), Set.of("limits"));
        assertEquals(ResourceLimits.NONE, EVERYTHING.withLimits(ResourceLimits.NONE).limits());
        assertChangedOnly(EVERYTHING.withSystemd(false, true), Set.of("systemd"));
        assertEquals(false, EVERYTHING.withSystemd(false, true).systemd());
    }

    @Test
    void withSystemd_takesSystemdsStopSignal_unlessOneWasGiven() {
        assertEquals(ContainerConfig.SYSTEMD_STOP_SIGNAL, NOTHING_GIVEN.withSystemd(true, false).stopSignal());
        assertEquals(2, EVERYTHING.withSystemd(true, true).stopSignal());
        assertEquals(ContainerConfig.DEFAULT_STOP_SIGNAL, NOTHING_GIVEN.withSystemd(false, false).stopSignal());
    }

    @Test
    void build_validatesAsTheRecordDoes() {
        InvalidSpecException e = assertThrows(InvalidSpecException.class,
                () -> ContainerConfig.builder().workingDir("srv").build());
        assertEquals("invalid working directory \"srv\": it must be an absolute path", e.getMessage());
    }

    private static void assertChangedOnly(ContainerConfig changed, Set<String> names) throws Exception {
        for (RecordComponent setting : ContainerConfig.class.getRecordComponents()) {
            boolean same = Objects.equals(value(EVERYTHING, setting), value(changed, setting));
            assertEquals(!names.contains(setting.getName()), same, setting.getName() + " kept or changed wrongly");
        }
    }

    private static Object value(ContainerConfig config, RecordComponent setting) throws Exception {
        return setting.getAccessor().invoke(config);
    }
}
