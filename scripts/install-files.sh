#!/bin/bash
# Installs vaina's jar and its wrapper scripts under PREFIX, world-readable:
#   PREFIX/bin/vaina, PREFIX/lib/vaina/{vaina.jar,vaina-launcher,vaina-monitor,vaina-generator,jna/libjnidispatch.so},
#   shell completion under PREFIX/share/{bash-completion/completions,zsh/site-functions,fish/vendor_completions.d},
#   man pages in PREFIX/share/man/man1 (vaina.1, vaina-run.1, vaina-pod-create.1, ...)
#   and a class-data archive per JVM (vaina-cli.jsa, vaina-launcher.jsa, vaina-monitor.jsa), dumped
#   statically from the classes real commands load (scripts/record-class-lists.sh), or for a launcher that runs on
#   a newer JDK its AOT cache (vaina-launcher.aot, from a container's start); and the static
#   units of units/ with PREFIX/bin filled in: PREFIX/lib/systemd/user/ (every unit) and
#   PREFIX/lib/systemd/system/ (those that make sense for the system manager). Enabling them is install.sh's.
# Usage: scripts/install-files.sh PREFIX JAR
set -euo pipefail

if [ $# -ne 2 ]; then
    echo "usage: $0 PREFIX JAR" >&2
    exit 2
fi
prefix=$(realpath -m "$1")
jar=$2
[ -f "$jar" ] || { echo "install-files: $jar does not exist (build first: mvn -B package -DskipTests)" >&2; exit 1; }

# systemd user managers run ExecStart with a minimal PATH, so the wrappers name java by absolute path.
java_cmd=$(command -v java || true)
[ -n "$java_cmd" ] || { echo "install-files: no java on PATH (install openjdk-17-jre-headless)" >&2; exit 1; }
java=$(readlink -f "$java_cmd")

lib="$prefix/lib/vaina"
umask 022

here=$(dirname "$(readlink -f "$0")")
libc_dir=$(ldd "$java" 2>/dev/null | awk '$1 ~ /^libc\.so/ { print $3 }' | xargs -r dirname)

write_script() { # PATH CONTENT: written beside, then renamed, so a running wrapper is never half-written
    printf '%s\n' "$2" > "$1.new"
    chmod 0755 "$1.new"
    mv -f "$1.new" "$1"
}

# The JVMs' flags, measured (see bench/): the CLI starts once per command, the launcher once per
# container start and cleanup; the monitor lives as long as its container, one per container.
# Every JVM: no perf data file (/tmp/hsperfdata_USER: a write per start, and a warning when a PID of another
# namespace holds the same file), and the JVM's own warnings on standard error, never mixed into a command's
# output (`run -d` prints only the id).
jvm_flags="-XX:-UsePerfData -Xlog:disable -Xlog:all=warning:stderr"
# Every JVM on JDK 17 collects with G1, the only collector with which it maps the objects a class-data archive holds
# (the module graph, interned strings); with any other each start builds the module graph anew, 8-10 ms of its
# VM creation. Measured with JDK 17 (interleaved A/B against SerialGC): `--version` 38.0 -> 34.5 ms, `images`
# 42.8 -> 38.8, `run -d` 340.1/358.0 -> 328.5/338.6 (the CLI and the launcher), `stop` 149.2/159.3 ->
# 142.6/154.2; with the monitor too, 10.9 -> 10.6 MiB of PSS per monitor with 10 running, the pump as fast.
jvm_flags="$jvm_flags -XX:+UseG1GC"
# Every JVM leaves the cgroup limits it runs under unread: finding them reads the whole mount table at each start,
# which grows with every mount on the host (with 100 containers of another engine running, 74 KB and 2 ms of the
# kernel's and the JVM's time per start). Every heap is bounded here (the command line's too, see below), not by a
# limit it runs under; the processors counted are those the process may run on.
jvm_flags="$jvm_flags -XX:-UseContainerSupport"
# Every JVM maps its class-data archive where the archive asks (ArchiveRelocationMode=0) unless that address is
# taken, instead of at a random one: JDK 17's default relocates it, which writes every pointer of the archive
# into private pages at each start (about 15 ms of `vaina --version`, 45 against 60 ms) and, for the monitor,
# keeps them private (see below). The price is the archive's ASLR.
archive_mapping="-XX:+UnlockDiagnosticVMOptions -XX:ArchiveRelocationMode=0"
# The classes of vaina.jar, which this script installs as root beside the wrappers, are not verified at every
# start: the archives hold them verified already, but picocli's are Java 5 class files, which HotSpot checks with
# its old, slow verifier each time one loads (`images` and `ps -a` 9-20 ms less without it, out of 115-135; a
# monitor 0.25 MiB less PSS). The JDK's own classes are checked as before. A JVM that does not know the flag would
# refuse to start: asked first.
if "$java" $archive_mapping -XX:-BytecodeVerificationRemote -version >/dev/null 2>&1; then
    archive_mapping="$archive_mapping -XX:-BytecodeVerificationRemote"
fi
# The CLI and the launcher compile what runs twice as often as the JIT's defaults want: a command lives for a
# fraction of a second, and on two cores the compiler's thread took time from the command's other thread (its
# D-Bus connection) and from the container's JVMs: pod start 1040 -> 997 ms, run -d 587 -> 566, create --pod
# 244 -> 222, ps -a 87 -> 81 (interleaved A/B); ps -a among 200 containers 4 % slower.
cli_flags="$jvm_flags -XX:CompileThresholdScaling=2 -Xshare:auto $archive_mapping"
# ... and stops at C1 (TieredStopAtLevel=1, in the wrapper), but for the commands that hash layers (pull, push,
# load, save, import, commit): C2 computes SHA-256 with the processor's instructions, C1 has no such intrinsic
# (174 against 16 ms per 25 MiB). A cold pull 583/573 -> 492/493 ms (8 pulls into fresh stores, both orders);
# C2 alone costs a short command 2-4 ms (--version 35.6 -> 37.3, a warm pull 78.0/79.6 -> 82.1/84.1).
# The other commands also start with an 8 MiB heap, not a 64th of the machine's memory: G1 sets up its tables for
# the initial heap before `main` (the JVM's "Genesis": 5.5 -> 3.5 ms with 24 GiB of memory), and grows it when a
# command needs more. `--version` 27.6 -> 26.7 ms, `ps -a` 37.5 -> 36.5, `images` 33.7 -> 32.5, `inspect` 36.4 ->
# 35.1, `ps -a` among 204 containers 77.2 -> 74.8 (interleaved A/B, the same installation). Not the commands that
# hash layers: a cold pull of 25 MiB took 476.7/493.7 -> 490.3/510.1 ms with it, its layers collected as they come.
cli_short_lived="-XX:TieredStopAtLevel=1 -Xms8m"
# The CLI's heap is bounded at 2 GiB, so that it lies below 4 GiB with 32-bit object pointers, where the archive was
# dumped with the same bound (dump_archive): the archive's objects are then mapped where their pointers say. With the
# default bound, a quarter of the machine's memory, the heap is placed below 32 GiB and its top at start is 1 GiB
# above the dump's (which left room for the class space), so every command patched each pointer of the archive's
# objects first: 1.6-3 ms. `--version` 30.0 -> 27.3 ms, `images` 40.3 -> 39.5 (CPU 42.4 -> 40.9; interleaved, the same
# bound with the archive dumped without it against with it). A machine with 8 GiB gets this bound by default; commands
# stream layers and archives, and hold little else.
cli_flags="$cli_flags -Xmx2g"
# The CLI's Unix socket channels (an attaching client's; its D-Bus connection is a raw descriptor, see
# dev.vaina.engine.DescriptorBusSocket) ask a ServiceLoader for a selector provider at their first use: it scans the
# class path (opening vaina.jar) for one before it takes the JDK's. Naming the JDK's own skips that: 3.5 ms less of
# such a command (measured in a JVM with the CLI's flags). (Every Linux build of the JDK, 9 to 25, has that class.)
cli_flags="$cli_flags -Djava.nio.channels.spi.SelectorProvider=sun.nio.ch.EPollSelectorProvider"
# The generator runs at every boot and daemon-reload: a small heap, no JIT beyond C1, no perf data.
generator_flags="$jvm_flags -Xmx64m -XX:TieredStopAtLevel=1 -Xshare:auto $archive_mapping"
# The launcher, whose work is mostly done once per start (the bundle's converted seccomp filter is kept, see
# oci.SeccompCache), compiles only what runs ten times as often as the JIT's defaults want: pod start (four
# launchers on two cores) 498.8/517.1/497.9 -> 497.2/481.9/487.6 ms, run -d 249.2/245.7 -> 244.4/242.2
# (interleaved A/B against 2).
# Its heap and compiler on either JDK (see the newer one below).
launcher_own="-Xmx32m -XX:TieredStopAtLevel=1 -XX:CompileThresholdScaling=10"
launcher_flags="$jvm_flags $launcher_own -Xshare:auto $archive_mapping"
# Root's launcher start runs on a newer JDK where one is installed (25 or later; VAINA_LAUNCHER_JAVA names one, or,
# empty, none): its AOT cache (JEP 483, made from a container's start at install, see train_with_a_container) holds the
# launcher's classes loaded and linked, and the method handles of its lambdas with them, which JDK 17's archive
# cannot hold: JNA loaded in 5.6 ms against 14 (java.util.logging's then, see linux.jnalog), `run -d` 323.4/305.1 ->
# 306.9/294.4 ms (interleaved A/B, the same jar). Without a cache it stays on JDK 17 and its archive. The monitor
# stays on JDK 17 (12.8 against 10.6 MiB PSS per monitor with 10 running, with the same flags and an AOT cache), and
# so does the command line (see bench/levers.md). JNA's native calls need no warning there.
newer_java() { # the first java of 25 or later, or nothing
    local candidate major
    for candidate in ${VAINA_LAUNCHER_JAVA-/usr/lib/jvm/*/bin/java}; do
        [ -x "$candidate" ] || continue
        major=$("$candidate" -version 2>&1 | sed -n '1s/^[^"]*"\([0-9]*\).*/\1/p')
        if [ "${major:-0}" -ge 25 ] 2>/dev/null; then
            readlink -f "$candidate"
            return 0
        fi
    done
}
launcher_java=$(newer_java)
newer_launcher_flags=
launcher_cache_flags=
if [ -n "$launcher_java" ]; then
    newer_launcher_flags="$jvm_flags $launcher_own -XX:+UnlockDiagnosticVMOptions -XX:ArchiveRelocationMode=0"
    if "$launcher_java" $newer_launcher_flags -XX:-BytecodeVerificationRemote -version >/dev/null 2>&1; then
        newer_launcher_flags="$newer_launcher_flags -XX:-BytecodeVerificationRemote"
    fi
    # JDK 25 keeps the adapters between compiled and interpreted code in the cache too, then warns at every start
    # that some do not match their signature and makes them anew: the cache holds none.
    if "$launcher_java" $newer_launcher_flags -XX:-AOTAdapterCaching -version >/dev/null 2>&1; then
        newer_launcher_flags="$newer_launcher_flags -XX:-AOTAdapterCaching"
    fi
    newer_launcher_flags="$newer_launcher_flags --enable-native-access=ALL-UNNAMED"
    # A start with the cache leaves the profiles its training recorded unused (JEP 515): replayed, they have a
    # thread of their own compile methods for a JVM that lives a tenth of a second. `run -d` 246.2/245.1 ->
    # 240.7/238.6 ms, `pod start` 502.0/490.5 -> 496.0/485.8, `run --rm` 480.0/466.8 -> 462.6/465.2 (interleaved).
    if "$launcher_java" $newer_launcher_flags -XX:-AOTReplayTraining -version >/dev/null 2>&1; then
        launcher_cache_flags="-XX:-AOTReplayTraining"
    fi
fi
# The start with the cache collects with SerialGC: JDK 25 copies the cache's objects (a megabyte, dumped with G1,
# the collector that archives them) into a Serial heap instead of mapping them, and sets up none of G1's threads and
# tables for a JVM that lives a tenth of a second beside three others. `pod start` 533.2/516.2 -> 514.8/510.4 ms and
# in an earlier pair 536.3/530.2 -> 509.9/499.3, `run -d` 242.4/250.7 -> 236.7/248.5 (interleaved A/B, the same
# jar). On JDK 17, which ignores an archive's objects under any collector but G1, SerialGC made it slower (`pod
# start` 541.0/510.5 -> 554.1/533.6), and so it did for the monitor, whose pages of those objects stay shared under
# G1 (523.4/488.1 -> 537.8/545.5 ms, 10.55 -> 10.84 MiB PSS per monitor with 10 running).
newer_launcher_start_flags=${newer_launcher_flags/-XX:+UseG1GC/-XX:+UseSerialGC}
# Set while a container trains the launcher's AOT cache: the flags that record its configuration.
launcher_training=
# The monitor's, measured with 10 running (bench/monitor-flags.sh; PSS per monitor, JDK 17): 22.0 MiB
# with the JDK's archive only; 18.4 with its own static archive; 14.2 when that archive is mapped where
# it asks (ArchiveRelocationMode=0: its pages stay shared instead of being relocated into private
# copies, at the price of its ASLR); 12.6 with small string and symbol tables, a smaller young
# generation and stacks, and the native heap trimmed every 5 s. Compiling only what runs 20 times as
# often as the JIT's defaults want (the output pump's loop) saves 0.7 MiB more (14.0 to 13.3 with today's
# monitor) at no cost to the pump: a million lines went to the log in 4.1-4.6 s either way. -Xint would save
# 1.3 MiB but took 33-35 s for those lines.
monitor_flags="$jvm_flags -Xms1m -Xmx8m -Xmn512k -Xss180k -XX:TieredStopAtLevel=1 -XX:CompileThresholdScaling=20 -XX:ReservedCodeCacheSize=8m -Xshare:auto $archive_mapping -XX:StringTableSize=128 -XX:+UnlockExperimentalVMOptions -XX:SymbolTableSize=1024"
# Not every JDK 17 build has it (it came with 17.0.9 or so); a flag the JVM does not know stops it.
if "$java" -XX:TrimNativeHeapInterval=5000 -version >/dev/null 2>&1; then
    monitor_flags="$monitor_flags -XX:TrimNativeHeapInterval=5000"
fi
# An idle monitor's JVM woke up ten times a second for its own housekeeping: deflating idle Java monitors every
# 250 ms, G1's sampling of remembered sets every 300 ms, a safepoint every second. A monitor locks little and its
# heap is 8 MiB: each every 10 s instead, the safepoint only when one is needed. 20 idle monitors: 209 -> 42
# wakeups a second, 0.53 -> 0.15 ms of CPU a second each (bench/levers.md); PSS, run -d and the output pump (20 MB
# through run --rm) measured the same. Each flag only where this JVM takes it without a word (newer JDKs dropped
# the last).
for flag in -XX:AsyncDeflationInterval=10000 -XX:GuaranteedSafepointInterval=0 -XX:G1ConcRefinementServiceIntervalMillis=10000; do
    if answer=$("$java" -XX:+UnlockDiagnosticVMOptions "$flag" -version 2>&1) && ! printf '%s' "$answer" | grep -qi warning; then
        monitor_flags="$monitor_flags $flag"
    fi
done

archive_flags() { # LIB ROLE: the flags that use ROLE's archive, when there is one (and the monitor's top layer)
    [ -f "$1/vaina-$2.jsa" ] || return 0
    if [ "$2" = monitor ] && [ -f "$1/vaina-monitor-cleanup.jsa" ]; then
        echo "-XX:SharedArchiveFile=$1/vaina-monitor.jsa:$1/vaina-monitor-cleanup.jsa"
    else
        echo "-XX:SharedArchiveFile=$1/vaina-$2.jsa"
    fi
}
record_flags() { # LISTS ROLE: a class list per process (scratch installations only)
    [ -n "$1" ] && echo "-XX:DumpLoadedClassList=$1/$2.\$\$.classlist"
}

install_files() { # PREFIX LISTS: the jar, JNA's library and the wrappers; LISTS non-empty records classes
    install -d -m 0755 "$1/bin" "$1/lib/vaina"
    install -m 0644 "$jar" "$1/lib/vaina/vaina.jar.new"
    mv -f "$1/lib/vaina/vaina.jar.new" "$1/lib/vaina/vaina.jar"
    install_jna "$1/lib/vaina"
    write_wrappers "$@"
}

jna_properties() { # LIB: where JNA finds its installed library and libc
    local properties=""
    if [ -f "$1/jna/libjnidispatch.so" ]; then
        # install unpacked JNA's library once; every monitor maps that one file, and no JVM unpacks a copy of
        # its own into a temporary file (the launcher and the CLI use JNA too: exec, namespaces).
        properties="-Djna.boot.library.path=$1/jna -Djna.nounpack=true"
    fi
    if [ -n "$libc_dir" ]; then
        # Without a platform path JNA runs `ldconfig -p` on every start to find libc.
        properties="$properties -Djna.platform.library.path=$libc_dir"
    fi
    echo "$properties"
}

write_monitor_wrapper() { # LIB FLAGS: the monitor's wrapper, its JVM started with FLAGS besides the monitor's own
    write_script "$1/vaina-monitor" "#!/bin/sh
# The per-container monitor, started by the launcher, then the unit's main process: one per running container.
exec '$java' $monitor_flags $2 $(jna_properties "$1") -cp '$1/vaina.jar' dev.vaina.monitor.Monitor \"\$@\""
}

newer_launcher_start() { # LIB LISTS JNA: the launcher's start on the newer JDK, with its AOT cache or training it
    local flags
    if [ -n "$launcher_training" ]; then
        flags="$newer_launcher_flags $launcher_training"
    elif [ -n "$launcher_java" ] && [ -z "$2" ] && [ -f "$1/vaina-launcher.aot" ]; then
        flags="$newer_launcher_start_flags $launcher_cache_flags -XX:AOTCache=$1/vaina-launcher.aot"
    else
        return 0
    fi
    # Only root's start, from which the cache was made: JDK 25 loads a whole cache at every start, and what it lacks
    # comes slower than from JDK 17's archive. The cleanup of a container handed over to systemd (`stop` of a
    # --log-driver passthrough one, which waits for it) took 225.4/399.6 ms with it, 212.1/368.3 on JDK 17 with its
    # archive; a rootless `run -d` 454.3/506.9 against 431.7/464.3 (interleaved A/B).
    printf '%s\n' "if [ \"\$verb\" = start ] && [ \"\$uid\" = 0 ]; then" \
        "    exec '$launcher_java' $flags $3 -cp '$1/vaina.jar' dev.vaina.launch.Launcher \"\$@\"" "fi"
}

write_wrappers() { # PREFIX LISTS: the wrappers, with the archives that are there
    local prefix=$1 lists=$2 lib="$1/lib/vaina" jna_flags
    jna_flags=$(jna_properties "$lib")
    write_script "$prefix/bin/vaina" "#!/bin/sh
# vaina command line. The commands that hash layers compile with C2 as well, and start with the default heap
# (see scripts/install-files.sh).
tier='$cli_short_lived'
for argument in \"\$@\"; do
    case \$argument in pull|push|load|save|import|commit) tier= ; break ;; esac
done
exec '$java' $cli_flags \$tier $(archive_flags "$lib" cli) $(record_flags "$lists" cli) $jna_flags -cp '$lib/vaina.jar' dev.vaina.cli.Main \"\$@\""
    write_script "$lib/vaina-launcher" "#!/bin/sh
# Run by systemd (ExecStart=/ExecStopPost=); it starts the monitor and exits, so no large heap stays.
# ExecStopPost (... cleanup ID) after a monitor that cleaned up itself finds the mark it left for this run of the
# unit (dev.vaina.launch.Cleanup.afterExit): nothing is left to undo, and no JVM starts. The run root is the
# command line's (--runroot DIR or --runroot=DIR), else the caller's default (dev.vaina.store.StoreLayout).
uid= runroot= verb= previous=
# The user's id, read without a process of its own.
while read -r key value rest; do [ \"\$key\" = Uid: ] && uid=\$value && break; done < /proc/self/status
for argument in \"\$@\"; do
    [ \"\$previous\" = --runroot ] && runroot=\$argument
    case \$argument in --runroot=*) runroot=\${argument#--runroot=} ;; esac
    verb=\$previous previous=\$argument
done
if [ -n \"\$INVOCATION_ID\" ] && [ \"\$verb\" = cleanup ]; then
    if [ -z \"\$runroot\" ]; then
        if [ \"\$uid\" = 0 ]; then runroot=/run/vaina; else runroot=\${XDG_RUNTIME_DIR:-/run/user/\$uid}/vaina; fi
    fi
    rm \"\$runroot/cleaned/\$INVOCATION_ID\" 2>/dev/null && exit 0
fi
# Root's start of a container its unit names by id: the monitor's JVM starts now, together with the launcher's, not
# once the launcher runs; it connects to the launcher through this socket (dev.vaina.launch.MonitorStart). Its
# command is the one the launcher would run for any container of root's (dev.vaina.launch.MonitorCommand).
if [ \"\$verb\" = start ] && [ \"\$uid\" = 0 ] && [ -n \"\$NOTIFY_SOCKET\" ]; then
    case \$previous in
        *[!0-9a-f]*) ;;
        ????????????????????????????????????????????????????????????????)
            socket=\${runroot:-/run/vaina}/launch/\${previous%????????????????????????????????????????????????????}
            [ \${#socket} -lt 108 ] && MALLOC_ARENA_MAX=2 /usr/bin/setsid --fork /usr/bin/unshare --mount \\
                --propagation slave -- '$lib/vaina-monitor' --id \"\$previous\" --launcher-socket \"\$socket\" &&
                set -- --monitor-socket \"\$socket\" \"\$@\" ;;
    esac
fi
$(newer_launcher_start "$lib" "$lists" "$jna_flags")
exec '$java' $launcher_flags $(archive_flags "$lib" launcher) $(record_flags "$lists" launcher) $jna_flags -cp '$lib/vaina.jar' dev.vaina.launch.Launcher \"\$@\""
    write_script "$lib/vaina-generator" "#!/bin/sh
# systemd's generator for definition files (systemd.generator(7)): linked from the user- and system-generators
# directories; it writes units, nothing else.
exec '$java' $generator_flags $(archive_flags "$lib" generator) $(record_flags "$lists" generator) -Dvaina.prefix='$prefix' -cp '$lib/vaina.jar' dev.vaina.unit.definition.Generator \"\$@\""
    write_monitor_wrapper "$lib" "$(archive_flags "$lib" monitor) $(record_flags "$lists" monitor)"
    # Left by earlier versions, which started aardvark-dns through netavark; its unit does that now.
    rm -rf "$lib/vaina-aardvark-dns" "$lib/netavark-path"
}

install_jna() { # LIB
    # JNA's native part, unpacked once: monitors then map one shared copy instead of each unpacking its
    # own into a temp file (measured: about 2.7 MiB less PSS per monitor, and a faster start).
    local lib=$1 jna_entry tmp_jna
        rm -rf "$lib/jna"
    jna_entry=$(unzip -Z1 "$lib/vaina.jar" 2>/dev/null | grep -E "^com/sun/jna/linux-$(uname -m | sed 's/_/-/')/libjnidispatch.so$" || true)
    if [ -z "$jna_entry" ] && command -v jar >/dev/null; then
        jna_entry=$(jar tf "$lib/vaina.jar" | grep -E "^com/sun/jna/linux-$(uname -m | sed 's/_/-/')/libjnidispatch.so$" || true)
    fi
    if [ -n "$jna_entry" ]; then
        tmp_jna=$(mktemp -d)
        (cd "$tmp_jna" && { unzip -q "$lib/vaina.jar" "$jna_entry" 2>/dev/null || jar xf "$lib/vaina.jar" "$jna_entry"; })
        install -d -m 0755 "$lib/jna"
        install -m 0644 "$tmp_jna/$jna_entry" "$lib/jna/libjnidispatch.so"
        rm -rf "$tmp_jna"
    fi
}

install_units() { # PREFIX: units/ as they are, but for the path of vaina itself
    local unit name
    install -d -m 0755 "$1/lib/systemd/user" "$1/lib/systemd/system"
    for unit in "$here"/../units/*.service "$here"/../units/*.timer; do
        [ -f "$unit" ] || continue
        name=$(basename "$unit")
        sed "s|@BINDIR@|$1/bin|g" "$unit" > "$1/lib/systemd/user/$name"
        # A user manager's network wait has no place in the system manager, which has network-online.target.
        if [ "$name" != vaina-network-online.service ]; then
            cp "$1/lib/systemd/user/$name" "$1/lib/systemd/system/$name"
        fi
    done
}

umask 022
lib="$prefix/lib/vaina"
install_units "$prefix"
# The archives are rebuilt for every jar: a stale one would be refused by the JVM anyway.
rm -f "$lib"/vaina-*.jsa "$lib"/vaina-*.aot
install_files "$prefix" ""

# Class lists from real commands, run with a scratch installation of this jar whose wrappers record.
scratch=$(mktemp -d /tmp/vaina-cds.XXXXXX)
# Where a manager answers here (systemd as PID 1, or a caller's own), the training's containers ran in this mount
# namespace and left mounts in the scratch directory.
trap '"$here/remove-mounted-tree.sh" "$scratch"' EXIT
chmod 0755 "$scratch"
mkdir -m 1777 "$scratch/lists"
install_files "$scratch/prefix" "$scratch/lists"
with_a_manager() { # CMD...: runs CMD where a systemd manager answers; its failures are not errors
    if [ "$(id -u)" = 0 ] && [ "$(cat /proc/1/comm 2>/dev/null)" != systemd ] && [ -z "${XDG_RUNTIME_DIR:-}" ] \
            && [ -x /usr/lib/systemd/systemd ]; then
        # No manager here: root's own, in a private namespace, for the containers' part.
        "$here/with-managers.sh" --root -- "$@" >/dev/null 2>&1 || true
    else
        "$@" >/dev/null 2>&1 || true
    fi
}
with_a_manager "$here/record-class-lists.sh" "$scratch/prefix" "$scratch/store" "$scratch/lists"

# The generator's classes, from a run over one file of each kind (and a broken one, for the error path).
definitions="$scratch/definitions"
mkdir -p "$definitions"
printf '[Pod]\nPublishPort=8080:80\n[Install]\nWantedBy=default.target\n' > "$definitions/web.pod"
printf '[Unit]\nAfter=db.container\n[Container]\nImage=busybox\nPod=web.pod\nExec=sh -c "true"\nEnvironment=A=1\nVolume=data.volume:/d\n[Service]\nRestart=on-failure\n' > "$definitions/app.container"
printf '[Volume]\nLabel=a=b\n' > "$definitions/data.volume"
printf '[Network]\nSubnet=10.99.0.0/24\n' > "$definitions/net.network"
printf '[Image]\nImage=busybox\n' > "$definitions/x.image"
printf '[Container]\nImage=busybox\nPublishPort=x\n' > "$definitions/bad.container"
VAINA_DEFINITION_DIRS="$definitions" "$scratch/prefix/lib/vaina/vaina-generator" "$scratch/generated" >/dev/null 2>&1 || true

# The monitor's archive holds what a running monitor loads, not the cleanup it runs once its container has
# exited (a list is in load order): every monitor maps the archive, and with the cleanup's classes in it each
# of 10 running monitors measured about 0.5 MiB more PSS.
while_running() { # ROLE LIST
    awk -v role="$1" 'role == "monitor" && $1 == "dev/vaina/launch/Cleanup" { exit } { print }' "$2"
}
# A class missing from an archive is read from the jar, whose central directory the JVM then reads (half a MiB),
# and some paths never run in the training: it runs as root, so the launcher's rootless ones (user namespaces,
# pasta and slirp4netns) do not, and its records are small, while the JSON parser takes other paths through
# larger documents. The archives hold every class of those packages besides.
untrained() { # ROLE
    case $1 in
        launcher) set -- 'dev/vaina/launch/*' 'dev/vaina/net/*' 'dev/vaina/store/*' 'dev/vaina/spec/*' \
            'dev/vaina/oci/*' 'dev/vaina/linux/*' 'com/fasterxml/jackson/*' ;;
        cli) set -- 'com/fasterxml/jackson/*' ;;
        *) return 0 ;;
    esac
    unzip -Z1 "$lib/vaina.jar" "$@" 2>/dev/null | sed -n 's/\.class$//p'
}
dump_archive() { # ROLE FLAGS: dumps ROLE's archive, keeps it only if a JVM with ROLE's FLAGS maps it
    local role=$1 flags=$2 list="$scratch/$1.classlist" archive="$lib/vaina-$1.jsa" recorded
    # A line is kept once per list, but as often as one list has it: two call sites that link the same lambda
    # (the same method reference twice in a class) each take an archived class of their own, and where the merged
    # list had one the second site spun its class at run time (1-2 ms of `run -d`, its bytecode generator loaded).
    { for recorded in "$scratch/lists/$role".*.classlist; do
        [ -f "$recorded" ] && while_running "$role" "$recorded" | awk '{ print ++seen[$0] "\t" $0 }'
    done; untrained "$role" | sed 's/^/1\t/'; } | awk '!seen[$0]++ { sub(/^[0-9]+\t/, ""); print }' > "$list" || true
    [ -s "$list" ] || return 0
    # Dumped with G1, which archives objects, and with the role's largest heap, so that their compressed pointers
    # are encoded as that JVM encodes its own: it maps them as they are instead of copying and patching them at
    # every start (2.5 ms of the launcher's).
    "$java" -Xshare:dump -XX:+UseG1GC $(printf '%s\n' $flags | grep -- '^-Xmx') -XX:SharedClassListFile="$list" \
        -XX:SharedArchiveFile="$archive.new" -cp "$lib/vaina.jar" > "$scratch/$role.dump.log" 2>&1 \
        || { rm -f "$archive.new"; return 0; }
    chmod 0644 "$archive.new"
    # -Xshare:on fails instead of running without the archive: a check that it is usable.
    if "$java" ${flags/-Xshare:auto/-Xshare:on} -XX:SharedArchiveFile="$archive.new" -cp "$lib/vaina.jar" -version >/dev/null 2>&1; then
        mv -f "$archive.new" "$archive"
    else
        rm -f "$archive.new"
    fi
}
dump_archive cli "$cli_flags"
dump_archive launcher "$launcher_flags"
dump_archive monitor "$monitor_flags"
dump_archive generator "$generator_flags"

# One container run to its end with this installation (scripts/train-with-a-container.sh), whose wrappers record
# for that run only: the monitor's cleanup classes, dumped as a second layer on top of its archive (what it loaded
# beyond it), and, on a newer JDK, the configuration of the launcher that started it, from which its AOT cache is
# made. A JVM checks each (-Xshare:on, -XX:AOTMode=on) before it is kept.
train_with_a_container() {
    # Written into the scratch directory: a JVM that another user's container started with a training wrapper,
    # ending after this script, finds nowhere to write.
    local top="$lib/vaina-monitor-cleanup.jsa" dumped="$scratch/monitor-cleanup.jsa" configs="$scratch/launcher-aot"
    local config cache="$lib/vaina-launcher.aot"
    [ -f "$scratch/store/busybox.tar" ] || return 0
    if [ -n "$launcher_java" ]; then
        mkdir -p "$configs"
        launcher_training="-XX:AOTMode=record -XX:AOTConfiguration=$configs/launcher.\$\$.aotconf"
        write_wrappers "$prefix" ""
        launcher_training=
    fi
    if [ -f "$lib/vaina-monitor.jsa" ]; then
        write_monitor_wrapper "$lib" "-XX:SharedArchiveFile=$lib/vaina-monitor.jsa -XX:ArchiveClassesAtExit=$dumped"
    fi
    with_a_manager "$here/train-with-a-container.sh" "$prefix" "$scratch/train" "$scratch/store/busybox.tar"
    if [ -f "$dumped" ]; then
        install -m 0644 "$dumped" "$top.new"
        if "$java" ${monitor_flags/-Xshare:auto/-Xshare:on} -XX:SharedArchiveFile="$lib/vaina-monitor.jsa:$top.new" \
                -cp "$lib/vaina.jar" -version >/dev/null 2>&1; then
            mv -f "$top.new" "$top"
        else
            rm -f "$top.new"
        fi
    fi
    # The container's start, the largest of the launcher's runs (its ExecStopPost may have run one too); none
    # without a newer JDK, or where the training could not run a container.
    [ -n "$launcher_java" ] || return 0
    config=$(ls -S "$configs"/launcher.*.aotconf 2>/dev/null | head -n 1) || true
    [ -n "$config" ] || return 0
    "$launcher_java" $newer_launcher_flags -XX:AOTMode=create -XX:AOTConfiguration="$config" -XX:AOTCache="$cache.new" \
        -cp "$lib/vaina.jar" > "$scratch/launcher-aot.log" 2>&1 || { rm -f "$cache.new"; return 0; }
    chmod 0644 "$cache.new"
    if "$launcher_java" $newer_launcher_start_flags -XX:AOTMode=on -XX:AOTCache="$cache.new" -cp "$lib/vaina.jar" -version \
            >/dev/null 2>&1; then
        mv -f "$cache.new" "$cache"
    else
        rm -f "$cache.new"
    fi
}
train_with_a_container
# The jar stays as it is: an archive is valid only for the jar file it was dumped with.
write_wrappers "$prefix" ""

# Shell completion, made by the installed command from its own model, where each shell looks for it.
install_completion() { # SHELL FILE
    install -d -m 0755 "$(dirname "$2")"
    "$prefix/bin/vaina" completion "$1" > "$2.new" && chmod 0644 "$2.new" && mv -f "$2.new" "$2"
}
install_completion bash "$prefix/share/bash-completion/completions/vaina"
install_completion zsh "$prefix/share/zsh/site-functions/_vaina"
install_completion fish "$prefix/share/fish/vendor_completions.d/vaina.fish"
# A man page per verb (man vaina-run), from the same model.
man_dir="$prefix/share/man/man1"
rm -rf "$man_dir.new" && install -d -m 0755 "$man_dir.new"
"$java" -cp "$lib/vaina.jar" dev.vaina.cli.ManPages "$man_dir.new"
chmod 0644 "$man_dir.new"/vaina*.1
install -d -m 0755 "$man_dir" && rm -f "$man_dir"/vaina.1 "$man_dir"/vaina-*.1 && mv -f "$man_dir.new"/vaina*.1 "$man_dir"/ && rmdir "$man_dir.new"

echo "installed vaina into $prefix (java: $java, class-data archives:$(cd "$lib" && ls vaina-*.jsa vaina-*.aot 2>/dev/null | sed 's/^/ /' | tr -d '\n'))"
