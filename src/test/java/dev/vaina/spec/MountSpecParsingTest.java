package dev.vaina.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** -v, --mount, --tmpfs and --volumes-from values, and Podman's messages for bad ones. */
class MountSpecParsingTest {

    @Test
    void volume_kindsBySource() {
        VolumeMount bind = VolumeMount.parse("/srv/data:/data:ro,Z");
        assertTrue(bind.isBind());
        assertEquals("/srv/data", bind.source());
        assertEquals(List.of("ro", "Z"), bind.options());

        VolumeMount named = VolumeMount.parse("cache:/var/cache:nocopy,U");
        assertTrue(named.isVolume());
        assertFalse(named.anonymous());
        assertEquals("cache", named.source());
        assertTrue(named.has("nocopy") && named.has("U"));

        VolumeMount anonymous = VolumeMount.parse("/data");
        assertTrue(anonymous.isVolume() && anonymous.anonymous());
        assertNull(anonymous.source());
        assertEquals("/data", anonymous.destination());

        VolumeMount relative = VolumeMount.parse("./here:/x");
        assertTrue(relative.isBind());
        assertTrue(relative.source().startsWith("/") && relative.source().endsWith("/here"), relative.source());
    }

    @Test
    void volume_podmansMessages() {
        assertMessage("invalid option type \"bogus\"", () -> VolumeMount.parse("data:/data:bogus"));
        assertMessage("invalid container path \"data\", must be an absolute path", () -> VolumeMount.parse("data"));
        assertMessage("invalid container path \"rel\", must be an absolute path", () -> VolumeMount.parse("data:rel"));
        assertMessage("host directory cannot be empty", () -> VolumeMount.parse(":/x"));
        assertMessage("invalid options \"ro, rw\", can only specify 1 'rw' or 'ro' option",
                () -> VolumeMount.parse("/a:/b:ro,rw"));
        assertMessage("invalid options \"z, Z\", can only specify 1 'z', 'Z', or 'O' option",
                () -> VolumeMount.parse("a:/x:z,Z"));
        assertMessage("creating named volume \"bad@name\": running volume create option: names must match"
                + " [a-zA-Z0-9][a-zA-Z0-9_.-]*: invalid argument", () -> VolumeMount.parse("bad@name:/x"));
        assertMessage("a:/b:ro:x: incorrect volume format, should be [host-dir:]ctr-dir[:option]",
                () -> VolumeMount.parse("a:/b:ro:x"));
    }

    @Test
    void volume_overlayAlone_andPodmansRulesForWhatGoesWithIt() {
        VolumeMount overlay = VolumeMount.parse("/srv/data:/data:O");
        assertTrue(overlay.isBind() && overlay.overlay());
        assertTrue(VolumeMount.parse("cache:/c:O").overlay());
        assertFalse(VolumeMount.parse("/srv:/s:ro").overlay());
        for (String options : List.of("O,ro", "rw,O", "O,nocopy", "O,nosuid", "O,U,ro", "O,rshared")) {
            assertMessage("can't use 'O' with other options", () -> VolumeMount.parse("/srv:/s:" + options));
            assertMessage("can't use 'O' with other options", () -> VolumeMount.parse("vol:/s:" + options));
        }
        assertMessage("must set both `upperdir` and `workdir`", () -> VolumeMount.parse("/srv:/s:O,upperdir=/u"));
        assertMessage("must set both `upperdir` and `workdir`", () -> VolumeMount.parse("/srv:/s:workdir=/w,O"));
        assertMessage("invalid options \"O, z\", can only specify 1 'z', 'Z', or 'O' option",
                () -> VolumeMount.parse("/srv:/s:O,z"));
        // What Podman takes with O and vaina does not.
        assertMessage("invalid options \"O, upperdir=/u, workdir=/w\": vaina does not take upperdir and workdir; use O"
                + " alone, whose changes go to temporary directories of the container",
                () -> VolumeMount.parse("/srv:/s:O,upperdir=/u,workdir=/w"));
        assertMessage("invalid options \"upperdir=/u\": vaina does not take upperdir and workdir; use O alone, whose"
                + " changes go to temporary directories of the container", () -> VolumeMount.parse("/srv:/s:upperdir=/u"));
        assertMessage("invalid options \"O, U\": vaina does not take U with O; use O alone, or U without O",
                () -> VolumeMount.parse("/srv:/s:O,U"));
    }

    @Test
    void mount_keysOfEachType() {
        VolumeMount bind = MountSpecParser.parse("type=bind,source=/srv,target=/x,ro=true,bind-propagation=rslave");
        assertTrue(bind.isBind());
        assertEquals("/srv", bind.source());
        assertEquals(List.of("ro", "rslave"), bind.options());

        VolumeMount volume = MountSpecParser.parse("type=volume,src=v,dst=/x,volume-nocopy,U");
        assertTrue(volume.isVolume() && !volume.anonymous());
        assertEquals(List.of("nocopy", "U"), volume.options());

        VolumeMount anonymous = MountSpecParser.parse("type=volume,dst=/x");
        assertTrue(anonymous.anonymous());

        VolumeMount tmpfs = MountSpecParser.parse("type=tmpfs,dst=/t,tmpfs-size=64m,tmpfs-mode=1777");
        assertTrue(tmpfs.isTmpfs());
        assertEquals(List.of("size=64m", "mode=1777"), tmpfs.options());

        assertFalse(MountSpecParser.parse("type=volume,src=v,dst=/x,ro=false").readOnly());
    }

    @Test
    void mount_podmansMessages() {
        assertMessage("invalid filesystem type \"foo\"", () -> MountSpecParser.parse("type=foo,dst=/x"));
        assertMessage("incorrect mount format: should be --mount type=<bind|tmpfs|volume>,[src=<host-dir|volume-name>,]"
                + "target=<ctr-dir>[,options]", () -> MountSpecParser.parse("dst=/x"));
        assertMessage("bogus: invalid mount option", () -> MountSpecParser.parse("type=volume,src=v,dst=/x,bogus"));
        assertMessage("must set volume destination", () -> MountSpecParser.parse("type=volume,src=v"));
        assertMessage("source is not supported with tmpfs mounts", () -> MountSpecParser.parse("type=tmpfs,src=/tmp,dst=/x"));
        assertMessage("invalid option type \"foo\"",
                () -> MountSpecParser.parse("type=bind,src=/tmp,dst=/x,bind-propagation=foo"));
        assertMessage("O: invalid mount option", () -> MountSpecParser.parse("type=volume,src=v,dst=/x,O"));
        assertMessage("readonly: invalid mount option", () -> MountSpecParser.parse("type=volume,src=v,dst=/x,readonly"));
        assertThrows(InvalidSpecException.class, () -> MountSpecParser.parse("type=bind,dst=/x"));
        assertThrows(InvalidSpecException.class, () -> MountSpecParser.parse("type=tmpfs,dst=/x,tmpfs-size=abc"));
    }

    @Test
    void tmpfs_optionsAndMessages() {
        VolumeMount tmpfs = TmpfsSpecParser.parse("/run/x:size=10m,mode=1777,ro,exec");
        assertEquals("/run/x", tmpfs.destination());
        assertEquals(List.of("size=10m", "mode=1777", "ro", "exec"), tmpfs.options());
        assertEquals(List.of(), TmpfsSpecParser.parse("/t").options());
        assertMessage("invalid container path \"rel\", must be an absolute path", () -> TmpfsSpecParser.parse("rel"));
        assertMessage("unknown mount option \"bogus\": invalid mount option", () -> TmpfsSpecParser.parse("/x:bogus"));
    }

    @Test
    void volumesFrom_optionsAndMessage() {
        assertEquals(new VolumesFrom("web", true), VolumesFrom.parse("web:ro"));
        assertEquals(new VolumesFrom("web", false), VolumesFrom.parse("web:rw,z"));
        assertEquals(new VolumesFrom("web", null), VolumesFrom.parse("web"));
        assertMessage("invalid option \"foo\" specified - volumes from another container can only use z,ro,rw options",
                () -> VolumesFrom.parse("web:foo"));
        VolumeMount shared = VolumeMount.parse("/data").named("abc").sharedWith(true);
        assertFalse(shared.anonymous(), "another container's anonymous volume is not this one's to remove");
        assertTrue(shared.readOnly());
    }

    @Test
    void duplicateDestinations_refused() {
        assertMessage("/x: duplicate mount destination", () -> Mounts.checkDestinations(
                List.of(VolumeMount.parse("a:/x"), TmpfsSpecParser.parse("/x/"))));
        Mounts.checkDestinations(List.of(VolumeMount.parse("a:/x"), VolumeMount.parse("b:/y")));
    }

    @Test
    void volumeNames_podmansAlphabet() {
        assertTrue(VolumeName.isValid("a.b_c-1"));
        for (String bad : List.of("", "-a", ".a", "a/b", "a b", "a@b")) {
            assertFalse(VolumeName.isValid(bad), bad);
        }
    }

    private static void assertMessage(String expected, Runnable parse) {
        InvalidSpecException e = assertThrows(InvalidSpecException.class, parse::run);
        assertEquals(expected, e.getMessage());
    }
}
