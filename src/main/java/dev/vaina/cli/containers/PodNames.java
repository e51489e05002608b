package dev.vaina.cli.containers;

import dev.vaina.cli.common.Context;
import dev.vaina.store.ContainerRecord;
import dev.vaina.store.PodRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** The pods of listed containers, each read once, for ps's POD ID and PODNAME columns. */
final class PodNames {
    private final Context context;
    private final Map<String, Optional<PodRecord>> pods = new HashMap<>();

    PodNames(Context context) {
        this.context = context;
    }

    Optional<PodRecord> of(ContainerRecord record) {
        if (!record.inPod()) {
            return Optional.empty();
        }
        Optional<PodRecord> pod = pods.get(record.pod()); // not computeIfAbsent's lambda: see PsRow.Field
        if (pod == null) {
            try {
                pod = context.engine().podStore().lookup(record.pod());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            pods.put(record.pod(), pod);
        }
        return pod;
    }

    String[] withPodColumns(ContainerRecord record, String[] cells, boolean noTrunc) {
        String[] extended = Arrays.copyOf(cells, cells.length + 2);
        Optional<PodRecord> pod = of(record);
        extended[cells.length] = pod.isEmpty() ? "" : noTrunc ? pod.get().id() : pod.get().shortId();
        extended[cells.length + 1] = pod.isEmpty() ? "" : pod.get().name();
        return extended;
    }
}
