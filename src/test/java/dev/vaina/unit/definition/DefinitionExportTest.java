package dev.vaina.unit.definition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vaina.unit.SystemdQuoting;
import dev.vaina.unit.UnitFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Definition files written from a container's or pod's command line: read back by the generator, they give the
 * same options to the command that makes the container again.
 */
class DefinitionExportTest {
    private static final Tools TOOLS = Tools.under(Path.of("/usr/local"), true);

    @TempDir
    Path temp;

    @Test
    void container_optionsBecomeTheirKeys_andThoseWithoutOneGoToPodmanArgs() {
        String text = DefinitionExport.container("web", "localhost/busybox:latest", List.of("--name=web",
                "--publish=8080:80", "--env=GREETING=hello world", "--label=io.containers.autoupdate=registry",
                "--label=tier=front", "--restart=always", "--read-only", "--tty", "--memory=64m", "--rm"),
                List.of("sh", "-c", "echo 100% $HOME"), null, null);
        assertEquals("""
                [Container]
                ContainerName=web
                Image=localhost/busybox:latest
                PublishPort=8080:80
                Environment="GREETING=hello world"
                AutoUpdate=registry
                Label=tier=front
                ReadOnly=true
                Memory=64m
                PodmanArgs=--tty
                Exec=sh -c "echo 100%% $HOME"

                [Service]
                Restart=always

                [Install]
                WantedBy=default.target
                """, text);
    }

    @Test
    void container_roundTrip_theGeneratorsCreateCommandHasTheOptionsAgain() throws IOException {
        List<String> options = List.of("--publish=8080:80", "--env=A=b c", "--volume=/srv:/data:ro", "--user=1000:1000",
                "--stop-timeout=3", "--cap-add=NET_ADMIN", "--health-cmd=true", "--sdnotify=healthy",
                "--workdir=/tmp", "--publish-all", "--dns=10.0.0.1");
        String text = DefinitionExport.container("app", "localhost/busybox:latest", options,
                List.of("sh", "-c", "sleep 100; echo '%n'"), null, "container-app");
        UnitFile unit = convert(Map.of("app.container", text), "app.container");
        List<String> create = SystemdQuoting.splitWords(unit.lookupLast("Service", "ExecStartPre").orElseThrow());
        String line = String.join(" ", create);
        for (String expected : List.of("--publish 8080:80", "--env A=b c", "--volume /srv:/data:ro", "--user 1000:1000",
                "--stop-timeout 3", "--cap-add NET_ADMIN", "--health-cmd true", "--sdnotify healthy", "--workdir /tmp",
                "--publish-all", "--dns 10.0.0.1", "--name app")) {
            assertTrue(line.contains(expected), expected + " missing from " + line);
        }
        assertEquals(List.of("localhost/busybox:latest", "sh", "-c", "sleep 100; echo '%%n'"),
                create.subList(create.size() - 4, create.size()), "the image and the command, % kept literal");
        assertEquals("8", unit.lookupLast("Service", "TimeoutStopSec").orElseThrow(), "StopTimeout=3 plus the margin");
    }

    @Test
    void pod_andMember_theMemberJoinsThePodFile() throws IOException {
        String pod = DefinitionExport.pod("web", List.of("--name=web", "--publish=8080:80", "--label=a=b",
                "--exit-policy=stop", "--infra-name=web-infra"), "pod-web");
        assertEquals("""
                [Pod]
                PodName=web
                ServiceName=pod-web
                PublishPort=8080:80
                Label=a=b
                ExitPolicy=stop
                PodmanArgs=--infra-name=web-infra

                [Install]
                WantedBy=default.target
                """, pod);
        String member = DefinitionExport.container("app", "localhost/busybox:latest", List.of("--pod=web"), List.of(),
                "web.pod", null);
        UnitFile unit = convert(Map.of("web.pod", pod, "app.container", member), "app.container");
        assertEquals("pod-web.service", unit.lookupLast("Unit", "BindsTo").orElseThrow());
        assertTrue(unit.lookupLast("Service", "ExecStartPre").orElseThrow().contains(" --pod web "));
    }

    @Test
    void aValueThatNoKeyLineCanHold_isRefused() {
        assertThrows(IllegalArgumentException.class, () -> DefinitionExport.container("x", "busybox",
                List.of("--hostname= padded "), List.of(), null, null));
    }

    private UnitFile convert(Map<String, String> files, String name) throws IOException {
        for (Map.Entry<String, String> file : files.entrySet()) {
            Files.writeString(temp.resolve(file.getKey()), file.getValue());
        }
        DefinitionSet set = DefinitionSet.load(DefinitionSources.scan(List.of(temp)));
        return UnitFile.parse(Converters.convert(name, set, TOOLS).text(), name);
    }
}
