package dev.vaina.engine;

import dev.vaina.spec.Ascii;
import dev.vaina.spec.FileBytes;
import dev.vaina.store.OwnProcess;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The processes that share a PID namespace with a container's init, read from /proc the way ps(1)
 * reads it. Ids are translated into the container's view: pids through NSpid, users through the
 * container's uid_map and its own /etc/passwd.
 */
final class ProcessTable {
    /** USER_HZ: the unit of /proc's tick counts on every architecture Linux exposes to user space. */
    private static final long TICKS_PER_SECOND = 100;
    private static final long PAGE_KIB = 4;

    /** A class, not a lambda: no method-handle machinery on `top`'s way (see ContainerStore.find). */
    private static final Comparator<ContainerProcess> BY_PID = new Comparator<>() {
        @Override
        public int compare(ContainerProcess a, ContainerProcess b) {
            return Long.compare(a.pid(), b.pid());
        }
    };

    private ProcessTable() {
    }

    static List<ContainerProcess> inNamespaceOf(long init) throws IOException {
        Path initDir = procDir(init);
        Path namespace = Files.readSymbolicLink(initDir.resolve("ns/pid"));
        IdNames users = IdNames.of(initDir, "uid_map", "etc/passwd");
        IdNames groups = IdNames.of(initDir, "gid_map", "etc/group");
        long bootSeconds = OwnProcess.bootSeconds();
        if (bootSeconds < 0) {
            throw new IOException("/proc/stat has no btime line");
        }
        long bootMillis = bootSeconds * 1000;
        long nowMillis = System.currentTimeMillis();
        List<RawProcess> raw = new ArrayList<>();
        // File.list and a name per process, not a DirectoryStream and Paths: a host runs hundreds of processes.
        String[] entries = new File("/proc").list();
        if (entries == null) {
            throw new IOException("/proc cannot be listed: is procfs mounted?");
        }
        for (String entry : entries) {
            if (!Ascii.isDigit(entry.charAt(0))) {
                continue; // not a process (no glob: it would be compiled to a regular expression)
            }
            try {
                if (Files.readSymbolicLink(Path.of("/proc/" + entry + "/ns/pid")).equals(namespace)) {
                    raw.add(RawProcess.read(Path.of("/proc/" + entry)));
                }
            } catch (IOException | RuntimeException e) {
                // Gone meanwhile, or not ours to look at: not a process of this container.
            }
        }
        Map<Long, Long> toContainerPid = new HashMap<>();
        for (RawProcess p : raw) {
            toContainerPid.put(p.hostPid, p.nsPid);
        }
        List<ContainerProcess> processes = new ArrayList<>();
        for (RawProcess p : raw) {
            processes.add(new ContainerProcess(p.nsPid, toContainerPid.getOrDefault(p.hostPpid, 0L),
                    toContainerPid.getOrDefault(p.hostPgid, 0L), p.hostPid, users.name(p.hostUid),
                    groups.name(p.hostGid), p.hostUid, p.hostGid, tty(p.ttyNr), p.state, p.nice,
                    Duration.ofMillis(p.cpuTicks * 1000 / TICKS_PER_SECOND),
                    // As ps and Podman count it: from the boot time (whole seconds) plus the start in ticks.
                    Duration.ofMillis(Math.max(0, nowMillis - bootMillis - p.startTicks * 1000 / TICKS_PER_SECOND)),
                    p.vszBytes / 1024, p.rssPages * PAGE_KIB, p.args, p.comm));
        }
        processes.sort(BY_PID);
        return processes;
    }

    /** ps's TTY column from stat's tty_nr: "?" for none, pts/N for pseudo-terminals. */
    static String tty(long ttyNr) {
        if (ttyNr == 0) {
            return "?";
        }
        long major = (ttyNr >> 8) & 0xfff;
        long minor = (ttyNr & 0xff) | ((ttyNr >> 12) & 0xfff00);
        if (major >= 136 && major <= 143) {
            return "pts/" + ((major - 136) * 256 + minor);
        }
        if (major == 4 && minor < 64) {
            return "tty" + minor;
        }
        return major + ":" + minor;
    }

    private static Path procDir(long pid) {
        return Path.of("/proc", Long.toString(pid));
    }

    /** The fields of /proc/PID/stat and status that ps shows, in the host's terms. */
    private record RawProcess(long hostPid, long nsPid, long hostPpid, long hostPgid, long hostUid, long hostGid,
            char state, long ttyNr, int nice, long cpuTicks, long startTicks, long vszBytes, long rssPages,
            String args, String comm) {

        static RawProcess read(Path dir) throws IOException {
            String stat = FileBytes.readString(dir.resolve("stat"));
            int open = stat.indexOf('(');
            int close = stat.lastIndexOf(')');
            String comm = stat.substring(open + 1, close);
            String[] f = stat.substring(close + 2).split(" ");
            long hostPid = Long.parseLong(stat.substring(0, open).strip());
            long nsPid = hostPid;
            long uid = -1;
            long gid = -1;
            for (String line : FileBytes.lines(dir.resolve("status"))) {
                String[] parts = Ascii.fields(line);
                if (parts.length == 0) {
                    continue;
                }
                switch (parts[0]) {
                    case "NSpid:" -> nsPid = Long.parseLong(parts[parts.length - 1]);
                    case "Uid:" -> uid = Long.parseLong(parts[2]);
                    case "Gid:" -> gid = Long.parseLong(parts[2]);
                    default -> {
                    }
                }
            }
            // ps's COMMAND: the arguments with their NUL separators as spaces; [comm] for kernel-style threads.
            String args = FileBytes.readString(dir.resolve("cmdline")).replace('\0', ' ');
            if (args.isEmpty()) {
                args = "[" + comm + "]";
            }
            return new RawProcess(hostPid, nsPid, Long.parseLong(f[1]), Long.parseLong(f[2]), uid, gid, f[0].charAt(0),
                    Long.parseLong(f[4]), Integer.parseInt(f[16]), Long.parseLong(f[11]) + Long.parseLong(f[12]),
                    Long.parseLong(f[19]), Long.parseLong(f[20]), Long.parseLong(f[21]), args, comm);
        }
    }

    /** Host ids turned into the container's names: its id map, then its own passwd or group file. */
    private record IdNames(List<long[]> map, Map<Long, String> names) {

        static IdNames of(Path initDir, String mapFile, String namesFile) throws IOException {
            List<long[]> map = new ArrayList<>();
            for (String line : Resources.lines(initDir.resolve(mapFile))) {
                String[] f = Ascii.fields(line);
                if (f.length == 3) {
                    map.add(new long[] {Long.parseLong(f[0]), Long.parseLong(f[1]), Long.parseLong(f[2])});
                }
            }
            Map<Long, String> names = new HashMap<>();
            List<String> entries;
            try {
                entries = Resources.lines(initDir.resolve("root").resolve(namesFile));
            } catch (IOException e) {
                entries = List.of();
            }
            for (String line : entries) {
                String[] f = line.split(":");
                if (f.length >= 3 && Ascii.isDigits(f[2])) {
                    names.putIfAbsent(Long.parseLong(f[2]), f[0]);
                }
            }
            return new IdNames(map, names);
        }

        /** The container's name for a host id, or its number inside the container when unnamed. */
        String name(long hostId) {
            long inside = hostId;
            for (long[] range : map) {
                if (hostId >= range[1] && hostId < range[1] + range[2]) {
                    inside = range[0] + hostId - range[1];
                    break;
                }
            }
            return names.getOrDefault(inside, Long.toString(inside));
        }
    }
}
