package dev.vaina.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vaina.it.support.EachMode;
import dev.vaina.it.support.Result;
import dev.vaina.it.support.VainaCli;

/** `import` and `images` as a user sees them. */
class ImagesTest {

    @EachMode
    void importedImage_isListedWithPodmansColumns(VainaCli vaina) {
        Images.busybox(vaina);
        Result images = vaina.run("images").assertSuccess();
        String[] lines = images.stdout().split("\n");
        assertTrue(lines[0].matches("REPOSITORY\\s+TAG\\s+IMAGE ID\\s+CREATED\\s+SIZE"), images::describe);
        assertTrue(images.stdout().matches("(?s).*localhost/busybox\\s+latest\\s+[0-9a-f]{12}\\s+.+ ago\\s+\\d.*B.*"),
                images::describe);
    }

    @EachMode
    void importOfAMissingFileOrBadName_fails(VainaCli vaina) {
        vaina.run("import", "/no/such.tar", "x").assertExitCode(125);
        Result bad = vaina.run("import", "/etc/hostname", "Bad:Name").assertExitCode(125);
        assertTrue(bad.stderr().contains("invalid reference format"), bad::describe);
    }
}
