package dev.vaina.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.vaina.it.registry.Podman;
import dev.vaina.it.support.EachMode;
import dev.vaina.it.support.Result;
import dev.vaina.it.support.TestImages;
import dev.vaina.it.support.VainaCli;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * {@code --format} with Go templates: vaina and Podman run the same commands on the same kind of objects (an
 * image imported from the same archive under the same name, a running and a created container of it with the
 * same names) and must print the same, fail with the same message and exit with the same code.
 */
class FormatTest {
    private static final String IMAGE = "localhost/fmt-template:1";
    private static final String RUNNING = "fmt-one";
    private static final String CREATED = "fmt-two";

    /** Templates whose values both engines know alike (no ids, times or sizes); README's examples among them. */
    private static final List<List<String>> AGREEING = List.of(
            List.of("inspect", "-f", "{{.State.Status}} {{.Name}} {{json .Config.Cmd}}", CREATED),
            List.of("image", "inspect", "--format", "{{.RepoTags}} {{.Os}} {{.Architecture}}", IMAGE),
            List.of("ps", "-a", "--filter", "name=fmt-two", "--format", "{{.Names}} {{.State}}"),
            List.of("ps", "--filter", "name=fmt-one", "--format", "{{.Names}} {{.Command}} {{.Image}} {{.Labels}}"
                    + " {{.Mounts}} {{.Ports}}|{{.Pod}}|{{.PodName}}|{{.IsInfra}} {{.AutoRemove}} {{.ExitCode}} {{.Exited}} {{len .ID}}"),
            List.of("ps", "-a", "--filter", "name=fmt-two", "--format", "table {{.Names}}\\t{{.Image}}\\t{{.Command}}\\t{{.Status}}"),
            List.of("ps", "-a", "--filter", "name=fmt-two", "--format",
                    "{{if eq .State \"Created\"}}{{upper .Names}}{{end}} {{printf \"%-24s|\" .Image}} {{json .Names}}\\n"),
            List.of("images", "--filter", "reference=localhost/fmt-template", "--format", "{{.Repository}}:{{.Tag}}"),
            List.of("images", "--filter", "reference=localhost/fmt-template", "--format",
                    "table {{.Repository}}\\t{{.Tag}}\\t{{.Dangling}}\\t{{.Containers}}\\t{{.Names}}\\t{{.ReadOnly}}\\t{{.Labels}}"),
            List.of("inspect", "-f", "{{.State.Status}} {{.Name}} {{json .Config.Cmd}} {{.State.Running}} {{.State.ExitCode}}"
                    + " {{len .ID}} {{.Config.Labels}}", CREATED, RUNNING),
            List.of("inspect", "--format", "table {{.Name}}\\t{{.State.Status}}", RUNNING, CREATED),
            List.of("image", "inspect", "--format", "{{.RepoTags}} {{.Os}} {{.Architecture}} {{len .RootFS.Layers}}"
                    + " {{.RootFS.Type}} {{len .ID}}", IMAGE),
            List.of("ps", "-a", "--filter", "name=fmt-two", "--format", "{{.Labels}}|{{json .Labels}}"),
            List.of("inspect", "-f", "{{.Config.Labels}}|{{json .Config.Labels}}", CREATED),
            List.of("image", "inspect", "-f", "{{.Labels}}|{{json .Labels}}|{{len .Labels}}", IMAGE),
            List.of("version", "--format", "{{.Client.Os}} {{.Client.OsArch}}"));

    /** Bad templates: the same "Error: template: ..." line and exit code 125 from both. */
    private static final List<List<String>> FAILING = List.of(
            List.of("ps", "-a", "--format", "{{.Foo}}"),
            List.of("ps", "-a", "--format", "{{.Names"),
            List.of("ps", "-a", "--filter", "name=fmt-two", "--format", "{{.Names}} {{nofunc}}"),
            List.of("images", "--format", "{{.Foo}}"),
            List.of("inspect", "-f", "{{.State.Foo}}", CREATED),
            List.of("inspect", "-f", "{{len .Id}}", CREATED),
            List.of("image", "inspect", "-f", "{{.Id", IMAGE),
            List.of("version", "--format", "{{.Client.Version"));

    @EachMode
    void templates_printWhatPodmanPrints(VainaCli vaina) {
        try (Podman podman = new Podman()) {
            setUp(vaina::run);
            setUp(podman::runAllowingFailure);
            for (List<String> command : AGREEING) {
                Result expected = podman.runAllowingFailure(command.toArray(String[]::new)).assertSuccess();
                assertFalse(expected.stdout().isBlank(), expected::describe);
                Result actual = vaina.run(command.toArray(String[]::new)).assertSuccess();
                assertEquals(expected.stdout(), actual.stdout(), () -> "podman:\n" + expected.describe() + "\nvaina:\n"
                        + actual.describe());
            }
        } finally {
            vaina.run("rm", "-f", "-t", "0", RUNNING, CREATED);
            vaina.run("rmi", IMAGE);
        }
    }

    @EachMode
    void badTemplates_failAsInPodman(VainaCli vaina) {
        try (Podman podman = new Podman()) {
            setUp(vaina::run);
            setUp(podman::runAllowingFailure);
            for (List<String> command : FAILING) {
                Result expected = podman.runAllowingFailure(command.toArray(String[]::new)).assertExitCode(125);
                Result actual = vaina.run(command.toArray(String[]::new)).assertExitCode(125);
                assertEquals(errors(expected), errors(actual), () -> "podman:\n" + expected.describe() + "\nvaina:\n"
                        + actual.describe());
                assertEquals(expected.stdout(), actual.stdout(), actual::describe);
            }
        } finally {
            vaina.run("rm", "-f", "-t", "0", RUNNING, CREATED);
            vaina.run("rmi", IMAGE);
        }
    }

    private static void setUp(Function<String[], Result> engine) {
        engine.apply(new String[] {"rm", "-f", RUNNING, CREATED});
        engine.apply(new String[] {"import", TestImages.busyboxTarball().toString(), IMAGE}).assertSuccess();
        engine.apply(new String[] {"run", "-d", "--name", RUNNING, IMAGE, "sleep", "1000"}).assertSuccess();
        engine.apply(new String[] {"create", "--name", CREATED, IMAGE, "true"}).assertSuccess();
    }

    /** Podman may warn on stderr about its network configuration; the errors are what is compared. */
    private static String errors(Result result) {
        return Arrays.stream(result.stderr().split("\n")).filter(line -> line.startsWith("Error:"))
                .collect(Collectors.joining("\n"));
    }
}
