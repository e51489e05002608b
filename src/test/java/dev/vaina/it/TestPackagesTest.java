package dev.vaina.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vaina.it.registry.Tools;
import dev.vaina.it.support.Engines;
import dev.vaina.it.support.Result;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * README's test command installs what only the tests need: scripts/test-packages.sh and test.sh, run from a
 * copy of the checkout whose package list names a package that does not exist, with an apt-get on PATH that
 * only records how it was called, so the machine's packages are never touched.
 */
class TestPackagesTest {
    private static final Duration SCRIPT = Duration.ofSeconds(60);
    private static final String ABSENT = "vaina-test-no-such-package";
    private static final String INSTALLED = "bash";

    private Path copy;
    private Path aptLog;

    @BeforeEach
    void copyScripts() throws IOException {
        copy = Tools.worldReadableTempDir("vaina-it-checkout");
        Path scripts = copy.resolve("scripts");
        try (var files = Files.list(Path.of("scripts"))) {
            for (Path file : files.toList()) {
                Tools.writeWorldReadable(scripts.resolve(file.getFileName()), Files.readString(file));
                if (Files.isExecutable(file)) {
                    Files.setPosixFilePermissions(scripts.resolve(file.getFileName()),
                            PosixFilePermissions.fromString("rwxr-xr-x"));
                }
            }
        }
        Tools.writeWorldReadable(copy.resolve("test.sh"), Files.readString(Path.of("test.sh")));
        Files.setPosixFilePermissions(copy.resolve("test.sh"), PosixFilePermissions.fromString("rwxr-xr-x"));
        aptLog = copy.resolve("apt-get.log");
        Path fakeApt = Tools.writeWorldReadable(copy.resolve("bin/apt-get"),
                "#!/bin/sh\necho \"$*\" >> " + aptLog + "\n");
        Files.setPosixFilePermissions(fakeApt, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    @AfterEach
    void delete() {
        Tools.deleteTree(copy);
    }

    @Test
    void theRealList_isInstalledHere_soNothingIsMissing() {
        Result missing = Tools.run(SCRIPT, List.of("scripts/test-packages.sh", "missing")).assertSuccess();
        assertEquals("\n", missing.stdout(), missing::describe);
    }

    @Test
    void missing_namesOnlyTheTestPackagesThatAreNotInstalled() {
        packageList(INSTALLED + " " + ABSENT + "   # a comment\nzstd-not-a-package-either\n");
        Result missing = script("missing").assertSuccess();
        assertEquals(ABSENT + " zstd-not-a-package-either\n", missing.stdout(), missing::describe);
    }

    @Test
    @Tag(Engines.ROOTFUL_ONLY)
    void install_callsOneAptGetInstall_onlyWhenSomethingIsMissing() throws IOException {
        packageList(INSTALLED + "\n");
        script("install").assertSuccess();
        assertFalse(Files.exists(aptLog), "nothing missing: no apt-get at all");

        packageList(INSTALLED + " " + ABSENT + "\n");
        Result install = script("install").assertSuccess();
        List<String> calls = Files.readAllLines(aptLog);
        assertEquals(List.of("install -y -q --no-install-recommends " + ABSENT),
                calls.stream().filter(call -> call.startsWith("install")).toList(), install::describe);
    }

    @Test
    void testSh_asNonRoot_printsTheExactAptGetLine_beforeBuilding() {
        packageList(INSTALLED + " " + ABSENT + "\n");
        List<String> command = new ArrayList<>();
        if (ProcessHandle.current().info().user().orElse("").equals("root")) {
            command.addAll(List.of("runuser", "-u", System.getenv("VAINA_TEST_USER"), "--"));
        }
        command.addAll(List.of("env", "PATH=" + copy.resolve("bin") + ":/usr/sbin:/usr/bin:/sbin:/bin",
                copy.resolve("test.sh").toString()));
        Result run = Tools.run(SCRIPT, command).assertExitCode(1);
        assertTrue(run.stderr().contains("\n    sudo apt-get install -y --no-install-recommends " + ABSENT + "\n"),
                run::describe);
        assertFalse(run.stdout().contains("building"), run::describe);
        assertFalse(Files.exists(copy.resolve("target")), "nothing was built");
        assertFalse(Files.exists(aptLog), "a non-root run installs nothing");
    }

    private void packageList(String testPackages) {
        Tools.writeWorldReadable(copy.resolve("scripts/debian-packages.txt"),
                "runc  # not for the tests\n# For the tests only: what the tests use\n" + testPackages);
    }

    private Result script(String verb) {
        return Tools.run(SCRIPT, List.of("env", "PATH=" + copy.resolve("bin") + ":/usr/sbin:/usr/bin:/sbin:/bin",
                copy.resolve("scripts/test-packages.sh").toString(), verb));
    }
}
