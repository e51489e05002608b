package dev.vaina.oci;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Messages as runc 1.1.5 and crun 1.8 print them (captured on this machine). */
class RuntimeFailureTest {
    @Test
    void fromOutput_commandNotInPath_is127() {
        RuntimeFailure failure = RuntimeFailure.fromOutput("create", "time=\"2026-11-28T17:21:22Z\" level=error "
                + "msg=\"runc create failed: unable to start container process: exec: \\\"nosuchcmd\\\": "
                + "executable file not found in $PATH\"\n");
        assertEquals(127, failure.exitCode());
        assertEquals("runc create failed: unable to start container process: exec: \"nosuchcmd\": "
                + "executable file not found in $PATH", failure.message());
    }

    @Test
    void fromOutput_missingPath_is127() {
        assertEquals(127, RuntimeFailure.fromOutput("create", "runc create failed: unable to start container "
                + "process: exec: \"/nodir/x\": stat /nodir/x: no such file or directory").exitCode());
    }

    @Test
    void fromOutput_crunNotFound_is127() {
        assertEquals(127, RuntimeFailure.fromOutput("create",
                "executable file `nosuchcmd` not found in $PATH: No such file or directory").exitCode());
    }

    @Test
    void fromOutput_permissionDenied_is126() {
        assertEquals(126, RuntimeFailure.fromOutput("create", "time=\"x\" level=error msg=\"runc create failed: "
                + "unable to start container process: exec: \\\"/bin\\\": permission denied\"").exitCode());
    }

    @Test
    void fromOutput_otherErrors_are125() {
        RuntimeFailure failure = RuntimeFailure.fromOutput("create",
                "time=\"x\" level=error msg=\"container with given ID already exists\"\n\n");
        assertEquals(125, failure.exitCode());
        assertEquals("container with given ID already exists", failure.message());
    }

    @Test
    void fromOutput_silentFailure_namesTheAction() {
        assertEquals("start failed without saying why", RuntimeFailure.fromOutput("start", "\n").message());
    }
}
