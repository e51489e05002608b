package dev.vaina.oci;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vaina.spec.ImageConfig;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProcessArgsTest {
    private static final ImageConfig NGINX = new ImageConfig(List.of(), List.of("/docker-entrypoint.sh"),
            List.of("nginx", "-g", "daemon off;"), null, null, null);
    private static final ImageConfig CMD_ONLY = new ImageConfig(List.of(), null, List.of("sh"), null, null, null);

    @Test
    void noUserArgs_imageEntrypointThenCmd() {
        assertEquals(List.of("/docker-entrypoint.sh", "nginx", "-g", "daemon off;"),
                ProcessArgs.resolve(TestConfigs.command().build(), NGINX));
    }

    @Test
    void userCommand_replacesTheImageCmdOnly() {
        assertEquals(List.of("/docker-entrypoint.sh", "nginx", "-t"),
                ProcessArgs.resolve(TestConfigs.command("nginx", "-t").build(), NGINX));
    }

    @Test
    void userEntrypoint_clearsTheImageCmd() {
        assertEquals(List.of("/bin/sh"), ProcessArgs.resolve(TestConfigs.command().entrypoint("/bin/sh").build(), NGINX));
    }

    @Test
    void userEntrypointAndCommand_bothUsed() {
        assertEquals(List.of("/bin/sh", "-c", "echo hi"),
                ProcessArgs.resolve(TestConfigs.command("-c", "echo hi").entrypoint("/bin/sh").build(), NGINX));
    }

    @Test
    void emptyEntrypoint_leavesTheUserCommandAlone() {
        assertEquals(List.of("ls"), ProcessArgs.resolve(TestConfigs.command("ls").entrypoint().build(), NGINX));
    }

    @Test
    void imageCmdOnly_isTheCommand() {
        assertEquals(List.of("sh"), ProcessArgs.resolve(TestConfigs.command().build(), CMD_ONLY));
    }

    @Test
    void nothingAtAll_failsClearly() {
        RuntimeSpecException e = assertThrows(RuntimeSpecException.class,
                () -> ProcessArgs.resolve(TestConfigs.command().build(), ImageConfig.EMPTY));
        assertTrue(e.getMessage().startsWith("no command or entrypoint specified for the container"), e.getMessage());
    }
}
