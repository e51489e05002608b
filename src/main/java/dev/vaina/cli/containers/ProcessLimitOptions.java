package dev.vaina.cli.containers;

import dev.vaina.spec.ResourceLimits;
import dev.vaina.spec.Ulimit;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Every limit `run` and `create` take: the cgroup limits, and those only the runtime sets (rlimits, the
 * size of /dev/shm, the OOM score adjustment), which `update` cannot change on a running container.
 */
final class ProcessLimitOptions {
    @Mixin
    CgroupLimitOptions cgroup;

    @Option(names = "--ulimit", paramLabel = "NAME=SOFT[:HARD]", description = "Resource limit of the container's processes (as nofile=1024:2048).")
    List<String> ulimits = new ArrayList<>();

    @Option(names = "--shm-size", paramLabel = "SIZE", description = "Size of /dev/shm (default 64m).")
    String shmSize;

    @Option(names = "--oom-score-adj", paramLabel = "NUMBER", description = "OOM score adjustment, -1000 to 1000.")
    String oomScoreAdj;

    ResourceLimits toLimits() {
        List<Ulimit> parsed = new ArrayList<>(); // a loop: no lambda on create's way (see engine.CreateCompletion)
        for (String ulimit : ulimits) {
            parsed.add(Ulimit.parse(ulimit));
        }
        Long oom = CgroupLimitOptions.number("oom-score-adj", oomScoreAdj);
        return cgroup.toLimits(parsed, CgroupLimitOptions.size("shm-size", shmSize), oom == null ? null : (int) (long) oom);
    }
}
