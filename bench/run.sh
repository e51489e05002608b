#!/bin/bash
# The benchmark suite: every row of the performance table, vaina against Podman on this machine in
# one run. Each command runs alternately with vaina and with Podman (the order swapped every round),
# so a machine whose load changes treats both alike; a row reports the median of each and their ratio.
#   CLI:     --version, ps -a (3 containers), images, inspect CONTAINER, Go templates; on a running container:
#            ps, inspect, logs, top, stats --no-stream; version, history IMAGE
#   runs:    run --rm IMAGE true, run --rm -p PORT:80 IMAGE true, run -d, stop, rm -f (a running container)
#   pods:    pod create with 3 members, pod start, pod stop and rm, pod ps
#   memory:  PSS per monitor with 10 detached `sleep` containers running (vaina's monitor, the unit's
#            MainPID, against Podman's conmon); the same with --log-driver passthrough (every JVM left in
#            the unit, none once the container is handed over to systemd, against conmon)
#   passthrough: run -d --log-driver passthrough, and its stop
#   pull:    a four-layer image (busybox + 3 x 8 MiB random, bench/registry.sh) from a local registry,
#            cold (empty store) and warm (image already stored)
# It writes OUT/results.md (date, machine, JDK, the table) and OUT/ratios.svg (a chart of the ratios).
#   scale:   with --scale, 200 containers per engine (100 running): ps -a, and run -d among them; then 20 pods
#            of 2 containers among them: pod ps, pod inspect
# Where the installation's launcher starts containers on a newer JDK than the command line's, the rows that
# start or stop containers also run a copy of the same jar installed without one (VAINA_LAUNCHER_JAVA=, every
# JVM on the command line's JDK: what a machine without a newer JDK, Debian 12's, runs), in a store of its own.
# Usage (as root): bench/run.sh [-n N] [--prefix DIR] [--out DIR] [--scale]
#   N rounds per row (default 7; pulls and memory take fewer), DIR holds bin/vaina (default
#   /usr/local), OUT defaults to this folder. Podman gets a private store and configuration.
# Without systemd as PID 1 it starts root's own systemd --user through scripts/with-managers.sh.
set -euo pipefail

here=$(dirname "$(readlink -f "$0")")
top=$(dirname "$here")
runs=7
prefix=/usr/local
out=$here
args=("$@")
usage="usage: $0 [-n N] [--prefix DIR] [--out DIR] [--scale]"
scale=false
while [ $# -gt 0 ]; do
    case "$1" in
        -n) [ $# -ge 2 ] || { echo "bench: -n needs a number ($usage)" >&2; exit 2; }; runs=$2; shift 2 ;;
        --prefix) [ $# -ge 2 ] || { echo "bench: --prefix needs a directory ($usage)" >&2; exit 2; }; prefix=$2; shift 2 ;;
        --out) [ $# -ge 2 ] || { echo "bench: --out needs a directory ($usage)" >&2; exit 2; }; out=$2; shift 2 ;;
        --scale) scale=true; shift ;;
        *) echo "bench: unknown option $1 ($usage)" >&2; exit 2 ;;
    esac
done
die() { echo "bench: $*" >&2; exit 1; }
[[ "$runs" =~ ^[1-9][0-9]*$ ]] || die "-n takes a positive number, not '$runs'"
[ "$(id -u)" = 0 ] || die "run as root (it compares rootful vaina with rootful podman)"
vaina="$(realpath -m "$prefix")/bin/vaina"
[ -x "$vaina" ] || die "$vaina is missing: run 'sudo ./install.sh' or pass --prefix"
command -v podman >/dev/null || die "podman is missing (apt-get install podman): it is the baseline"
[ -x /usr/bin/time ] || die "/usr/bin/time is missing (apt-get install time): it measures CPU time"
mkdir -p "$out" || die "cannot create $out"
out=$(realpath "$out")

pid1_is_systemd() { [ "$(cat /proc/1/comm 2>/dev/null)" = systemd ]; }
if ! pid1_is_systemd && [ -z "${VAINA_TEST_ROOT_RUNTIME_DIR:-}" ]; then
    exec "$top/scripts/with-managers.sh" --root -- "$0" "${args[@]}"
fi
if [ -n "${VAINA_TEST_ROOT_RUNTIME_DIR:-}" ]; then systemctl=(systemctl --user); else systemctl=(systemctl); fi

# Short paths: podman refuses a runroot longer than 50 characters.
work=$(mktemp -d /tmp/vbench.XXXXXX)
source "$here/registry.sh"

# Podman with a store and a configuration of its own, so nothing of the machine's is used or changed:
# no rlimits above the host's hard limits, runc (crun refuses cgroup v1 hybrid hosts), netavark.
mkdir -p "$work/p"
printf '[containers]\ndefault_ulimits = []\n[engine]\nruntime = "runc"\n[network]\nnetwork_backend = "netavark"\n' \
    > "$work/p/containers.conf"
export CONTAINERS_CONF="$work/p/containers.conf"
podman_store() { echo --root "$1/root" --runroot "$1/run" --tmpdir "$1/tmp"; }
podman=(podman $(podman_store "$work/p"))
# Without a system manager podman must not look for one (with-managers.sh creates /run/systemd/system).
pid1_is_systemd || podman+=(--cgroup-manager=cgroupfs --events-backend=file)

image=localhost/vaina-bench-busybox:latest
registry_pid=""
cleanup() {
    set +e
    for name in $(cat "$work/containers" 2>/dev/null); do
        "$vaina" rm -f -t 0 "$name" >/dev/null 2>&1
        "${podman[@]}" rm -f -t 0 "$name" >/dev/null 2>&1
    done
    for pod in $(cat "$work/pods" 2>/dev/null); do
        "$vaina" pod rm -f -t 0 "$pod" >/dev/null 2>&1
        "${podman[@]}" pod rm -f -t 0 "$pod" >/dev/null 2>&1
    done
    "$vaina" rmi -f "$image" >/dev/null 2>&1
    "${podman[@]}" rmi -a -f >/dev/null 2>&1
    if [ ${#single[@]} -gt 0 ]; then
        "${single[@]}" pod rm -a -f -t 0 >/dev/null 2>&1
        "${single[@]}" rm -a -f -t 0 >/dev/null 2>&1
    fi
    if [ -n "$registry_pid" ]; then kill "$registry_pid" 2>/dev/null; wait "$registry_pid" 2>/dev/null; fi
    # A store's driver may have left mounts under the work directory (or the one-JDK copy's run root).
    "$top/scripts/remove-mounted-tree.sh" "$work" "$single_run"
}
single=()
single_run=""
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# --- timing --------------------------------------------------------------------------------------
# run_vaina / run_podman ARGS...: one command of each engine; output kept for the error message only.
run_vaina() { "$vaina" "$@" > "$work/last.out" 2>&1 || die "vaina $* failed: $(tail -n 5 "$work/last.out")"; }
run_single() { "${single[@]}" "$@" > "$work/last.out" 2>&1 || die "vaina (one JDK) $* failed: $(tail -n 5 "$work/last.out")"; }
run_podman() { "${podman[@]}" "$@" > "$work/last.out" 2>&1 || die "podman $* failed: $(tail -n 5 "$work/last.out")"; }
command_of() { # ENGINE: its command line, one word per line
    case $1 in
        vaina) printf '%s\n' "$vaina" ;;
        single) printf '%s\n' "${single[@]}" ;;
        *) printf '%s\n' "${podman[@]}" ;;
    esac
}
named() { # NAME ENGINE: the name of a container or pod; the one-JDK copy's differ, their units being the same manager's
    if [ "$2" = single ]; then echo "$1-single"; else echo "$1"; fi
}
timed() { # ROW ENGINE ARGS...: runs ENGINE ARGS; appends its wall and its CPU microseconds (user +
    # system of the command and the children it waited for) to $work/ROW.ENGINE and $work/ROW.ENGINE.cpu
    local row=$1 engine=$2 command; shift 2
    mapfile -t command < <(command_of "$engine")
    measured "$row" "$engine" "${command[@]}" "$@"
}
timed_steps() { # ROW ENGINE STEP...: the STEPs (each one command's arguments, words without spaces) one
    # after the other, measured as one, the way timed() measures a single command
    local row=$1 engine=$2 script="" step command; shift 2
    command=$(command_of "$engine" | while read -r word; do printf '%q ' "$word"; done)
    for step in "$@"; do script+="$command $step || exit 1; "; done
    measured "$row" "$engine" bash -c "$script"
}
measured() { # ROW ENGINE COMMAND...: runs COMMAND, records its wall and CPU time under ROW for ENGINE
    local row=$1 engine=$2 start end; shift 2
    start=${EPOCHREALTIME/./}
    /usr/bin/time -f '%U %S' -o "$work/cpu" "$@" > "$work/last.out" 2>&1 \
        || die "$engine ${*: -1} failed: $(tail -n 5 "$work/last.out")"
    end=${EPOCHREALTIME/./}
    echo $(( end - start )) >> "$work/$row.$engine"
    awk '{ printf "%d\n", ($1 + $2) * 1e6 }' "$work/cpu" >> "$work/$row.$engine.cpu"
}
rows=()
row() { # ROW TITLE: declares a row of the table, in the order rows are declared
    rows+=("$1")
    echo "$2" > "$work/$1.title"
}
engines=(vaina podman)
interleaved() { # ROW TITLE ARGS...: a warm-up each, then $runs rounds of the same command per engine of $engines
    local row=$1 round engine order; row "$1" "$2"; shift 2
    for engine in "${engines[@]}"; do "run_$engine" "$@"; done
    for round in $(seq "$runs"); do
        for engine in $(in_turn "$round" "${engines[@]}"); do timed "$row" "$engine" "$@"; done
    done
}
in_turn() { # ROUND ENGINE...: the engines in their order in odd rounds, reversed in even ones, so that none always
    # follows the same other (whose leftovers, a cleanup still running, a cache warmed or cooled, it would pay for)
    local round=$1; shift
    if (( round % 2 )); then printf '%s\n' "$@"; else printf '%s\n' "$@" | tac; fi
}
median() { sort -n "$1" | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
progress() { echo "bench: $*" >&2; }
remember() { echo "$1" >> "$work/containers"; }

# --- the rows ------------------------------------------------------------------------------------
vaina_version=$("$vaina" version 2>/dev/null) || die "vaina version failed"
progress "$(echo "$vaina_version" | tr -s ' \n' ' '); $(podman --version)"
"$top/scripts/make-busybox-rootfs.sh" "$work/busybox.tar"
run_vaina import "$work/busybox.tar" "$image"
run_podman import -q "$work/busybox.tar" "$image"

java_bin=$(grep -o "'/[^']*/bin/java'" "$vaina" | head -n 1 | tr -d "'")
lib=$(dirname "$(readlink -f "$vaina")")/../lib/vaina
launcher_java=$(grep -o "'/[^']*/bin/java'" "$lib/vaina-launcher" 2>/dev/null | head -n 1 | tr -d "'")
if [ -n "$launcher_java" ] && [ "$launcher_java" != "$java_bin" ]; then
    progress "installing the same jar without the launcher's newer JDK"
    VAINA_LAUNCHER_JAVA= "$top/scripts/install-files.sh" "$work/single" "$lib/vaina.jar" > "$work/single.log" 2>&1 \
        || die "the one-JDK installation failed: $(tail -n 5 "$work/single.log")"
    ! grep -q "'$launcher_java'" "$work/single/lib/vaina/vaina-launcher" || die "the one-JDK installation still names $launcher_java"
    # Its store beside the default one (the same file system), its run root in /run as the default one's.
    single_run=$(mktemp -d /run/vbench.XXXXXX)
    single=("$work/single/bin/vaina" --root "$work/single-store" --runroot "$single_run")
    run_single import "$work/busybox.tar" "$image"
fi
starting=(vaina podman)
[ ${#single[@]} -eq 0 ] || starting=(vaina single podman)

# A run that prints nothing is not a run: check that each engine really runs the image.
check_runs() { # NAME CMD...
    local name=$1 said; shift
    said=$("$@" run --rm "$image" echo bench-ok 2>"$work/last.err") || die "$name could not run $image: $(tail -n 5 "$work/last.err")"
    [ "$said" = bench-ok ] || die "$name run printed '$said' instead of 'bench-ok'"
}
check_runs vaina "$vaina"
check_runs podman "${podman[@]}"

progress "CLI start-up"
for i in 1 2 3; do
    remember "bench-ps-$i"
    run_vaina run --name "bench-ps-$i" "$image" true
    run_podman run --name "bench-ps-$i" "$image" true
done
interleaved version '`--version`' --version
interleaved ps '`ps -a` (3 containers)' ps -a
interleaved images '`images` (1 image)' images
interleaved inspect '`inspect CONTAINER`' inspect bench-ps-1
# Fields read through Go templates, as scripts read them.
interleaved ps-format "\`ps -a --format '{{.Names}} {{.Status}}'\`" ps -a --format '{{.Names}} {{.Status}}'
interleaved inspect-format "\`inspect --format '{{.State.Status}}' CONTAINER\`" inspect --format '{{.State.Status}}' bench-ps-1
# What people and scripts run beside those, on a running container (one per engine, gone again after).
remember bench-up
run_vaina run -d --name bench-up "$image" sh -c 'echo up; exec sleep 1000'
run_podman run -d --name bench-up "$image" sh -c 'echo up; exec sleep 1000'
interleaved ps-running '`ps` (1 running)' ps
interleaved inspect-running '`inspect RUNNING`' inspect bench-up
interleaved logs '`logs RUNNING`' logs bench-up
interleaved top '`top RUNNING`' top bench-up
interleaved stats '`stats --no-stream RUNNING`' stats --no-stream bench-up
interleaved version-verb '`version`' version
interleaved history '`history IMAGE`' history "$image"
run_vaina rm -f -t 0 bench-up
run_podman rm -f -t 0 bench-up

progress "containers"
engines=("${starting[@]}")
interleaved run-rm "\`run --rm IMAGE true\`" run --rm "$image" true
# A published port: the bridge network set up and torn down, the host port held (the same port for both).
bench_port=$(( 20000 + RANDOM % 20000 ))
interleaved run-rm-p "\`run --rm -p PORT:80 IMAGE true\`" run --rm -p "$bench_port:80" "$image" true
row run-d '`run -d IMAGE sleep`'
row stop '`stop` (stop timeout 0)'
row rm-f '`rm -f` (running)'
for round in $(seq "$runs"); do
    for engine in $(in_turn "$round" "${starting[@]}"); do
        d=$(named "bench-d-$round" "$engine"); f=$(named "bench-f-$round" "$engine")
        remember "$d"; remember "$f"
        timed run-d "$engine" run -d --stop-timeout 0 --name "$d" "$image" sleep 1000
        timed stop "$engine" stop "$d"
        "run_$engine" rm "$d"
        "run_$engine" run -d --stop-timeout 0 --name "$f" "$image" sleep 1000
        timed rm-f "$engine" rm -f "$f"
    done
done

# Output to the unit's own (Quadlet's LogDriver=passthrough): vaina hands the running container over to systemd.
row run-d-pt '`run -d --log-driver passthrough IMAGE sleep`'
row stop-pt '`stop` of it (stop timeout 0)'
for round in $(seq "$runs"); do
    for engine in $(in_turn "$round" "${starting[@]}"); do
        t=$(named "bench-t-$round" "$engine")
        remember "$t"
        timed run-d-pt "$engine" run -d --stop-timeout 0 --log-driver passthrough --name "$t" "$image" sleep 1000
        timed stop-pt "$engine" stop "$t"
        "run_$engine" rm "$t"
    done
done

progress "pods"
row pod-create '`pod create` and 3 `create --pod` members'
row pod-start '`pod start` (infra container and 3 members)'
row pod-rm '`pod stop -t 0` and `pod rm`'
for round in $(seq "$runs"); do
    for engine in $(in_turn "$round" "${starting[@]}"); do
        pod=$(named "bench-pod-$round" "$engine")
        echo "$pod" >> "$work/pods"
        timed_steps pod-create "$engine" "pod create --name $pod" \
            "create --pod $pod --name $pod-a $image sleep 1000" "create --pod $pod --name $pod-b $image sleep 1000" \
            "create --pod $pod --name $pod-c $image sleep 1000"
        timed pod-start "$engine" pod start "$pod"
        timed_steps pod-rm "$engine" "pod stop -t 0 $pod" "pod rm $pod"
    done
done
engines=(vaina podman)
interleaved pod-ps '`pod ps` (no pods)' pod ps

progress "memory: 10 containers running per engine"
pss_kib() { [ -r "/proc/$1/smaps_rollup" ] || die "cannot read /proc/$1/smaps_rollup"; awk '/^Pss:/ { print $2; exit }' "/proc/$1/smaps_rollup"; }
if [ -f /sys/fs/cgroup/cgroup.controllers ]; then cgroup_root=/sys/fs/cgroup; else cgroup_root=/sys/fs/cgroup/systemd; fi
jvm_pss_kib() { # UNIT: the PSS of every JVM in the unit's cgroup (the monitor, or none once it handed over)
    local group kib=0 pid
    group=$cgroup_root$("${systemctl[@]}" show -p ControlGroup --value "$1")
    [ -d "$group" ] || die "$1 has no cgroup at $group"
    for pid in $(find "$group" -name cgroup.procs -exec cat {} +); do
        [ "$(readlink "/proc/$pid/exe" 2>/dev/null)" = "$java_bin" ] && kib=$(( kib + $(pss_kib "$pid") ))
    done
    echo "$kib"
}
pss_row() { # ROW TITLE PREFIX [RUN OPTIONS...]: 10 `sleep` containers per engine, PSS of vaina's JVMs against conmon
    local row=$1 prefix=$3 i pid; row "$1" "$2"; shift 3
    for i in $(seq 10); do
        remember "$prefix-$i"
        run_vaina run -d "$@" --name "$prefix-$i" "$image" sleep 1000
        run_podman run -d "$@" --name "$prefix-$i" "$image" sleep 1000
    done
    sleep 2
    for i in $(seq 10); do
        # Stored as "microseconds" of the other rows' unit: KiB * 1e6 / 1024 gives MiB once divided by 1e6.
        echo $(( $(jvm_pss_kib "container-$prefix-$i.service") * 1000000 / 1024 )) >> "$work/$row.vaina"
        pid=$("${podman[@]}" inspect --format '{{.State.ConmonPid}}' "$prefix-$i")
        echo $(( $(pss_kib "$pid") * 1000000 / 1024 )) >> "$work/$row.podman"
    done
    for i in $(seq 10); do
        "$vaina" rm -f -t 0 "$prefix-$i" >/dev/null 2>&1 || true
        "${podman[@]}" rm -f -t 0 "$prefix-$i" >/dev/null 2>&1 || true
    done
}
pss_row pss 'monitor PSS per container, 10 running (MiB)' bench-m
# With --log-driver passthrough the monitor hands the container over to systemd and exits.
pss_row pss-pt 'resident PSS per container, 10 running, passthrough (MiB)' bench-mt --log-driver passthrough

if $scale; then
    # Does a command slow down with the number of containers? ps -a with 200 (to hold against ps -a with 3
    # above), and run -d among them.
    progress "scale: 200 containers per engine, 100 of them running"
    for i in $(seq 100); do
        remember "bench-s-$i"; remember "bench-c-$i"
        run_vaina run -d --name "bench-s-$i" "$image" sleep 1000
        run_podman run -d --name "bench-s-$i" "$image" sleep 1000
        run_vaina create --name "bench-c-$i" "$image" true
        run_podman create --name "bench-c-$i" "$image" true
    done
    interleaved ps-scale '`ps -a` (200 containers, 100 running)' ps -a
    # Commands about pods, with pods among those containers: each pod's members are found among all of them.
    for i in $(seq 20); do
        echo "bench-sp-$i" >> "$work/pods"
        for engine in vaina podman; do
            "run_$engine" pod create --name "bench-sp-$i"
            "run_$engine" create --pod "bench-sp-$i" --name "bench-sp-$i-a" "$image" sleep 1000
        done
    done
    interleaved pod-ps-scale '`pod ps` (20 pods, 240 containers)' pod ps
    interleaved pod-inspect-scale '`pod inspect POD` (20 pods, 240 containers)' pod inspect bench-sp-1
    row run-d-scale '`run -d IMAGE sleep` (200 containers, 100 running)'
    for round in $(seq "$runs"); do
        for engine in $(in_turn "$round" vaina podman); do
            remember "bench-u-$round"
            timed run-d-scale "$engine" run -d --name "bench-u-$round" "$image" sleep 1000
            "run_$engine" rm -f -t 0 "bench-u-$round"
        done
    done
    progress "scale: removing the 200 containers and 20 pods"
    for i in $(seq 20); do
        "$vaina" pod rm -f -t 0 "bench-sp-$i" >/dev/null 2>&1 || true
        "${podman[@]}" pod rm -f -t 0 "bench-sp-$i" >/dev/null 2>&1 || true
    done
    for i in $(seq 100); do
        "$vaina" rm -f -t 0 "bench-s-$i" "bench-c-$i" >/dev/null 2>&1 || true
        "${podman[@]}" rm -f -t 0 "bench-s-$i" "bench-c-$i" >/dev/null 2>&1 || true
    done
fi

progress "pull: starting a local registry"
bench_registry "$work" "$top"
row pull-cold "cold \`pull\`, 4 layers, $registry_mib MiB, local registry"
row pull-warm 'warm `pull` (image already stored)'
pull_runs=$(( runs < 3 ? runs : 3 ))
for round in $(seq "$pull_runs"); do
    for engine in $(in_turn "$round" vaina podman); do
        store="$work/s$engine$round"
        mkdir -p "$store"
        if [ "$engine" = vaina ]; then flags=(--root "$store/root" --runroot "$store/run"); else flags=($(podman_store "$store")); fi
        timed pull-cold "$engine" "${flags[@]}" pull -q --tls-verify=false "$registry_image"
        "run_$engine" "${flags[@]}" image exists "$registry_image"
        timed pull-warm "$engine" "${flags[@]}" pull -q --tls-verify=false "$registry_image"
        if [ "$engine" = podman ]; then run_podman "${flags[@]}" rmi -a -f; fi
        "$top/scripts/remove-mounted-tree.sh" "$store"
    done
done

# --- the report ----------------------------------------------------------------------------------
for row in "${rows[@]}"; do
    v=$(median "$work/$row.vaina"); p=$(median "$work/$row.podman")
    vc=-; pc=-; vs=-
    if [ -s "$work/$row.vaina.cpu" ]; then vc=$(median "$work/$row.vaina.cpu"); pc=$(median "$work/$row.podman.cpu"); fi
    if [ -s "$work/$row.single" ]; then vs=$(median "$work/$row.single"); fi
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$row" "$v" "$p" "$(cat "$work/$row.title")" "$vc" "$pc" "$vs"
done > "$out/results.tsv"
{
    echo "$vaina_version" | sed -n 's/^Version: */vaina\t/p; s/^Java Version: */java\t/p'
    printf 'java_path\t%s\n' "$java_bin"
    # A launcher whose start runs on a newer JDK (scripts/install-files.sh) names it first.
    if [ -n "$launcher_java" ]; then
        printf 'launcher_java\t%s (%s)\n' "$("$launcher_java" -version 2>&1 | sed -n '1s/^[^"]*"\([^"]*\)".*/\1/p')" \
            "$launcher_java"
    fi
    printf 'podman\t%s\n' "$(podman --version)"
    printf 'runs\t%s\npull_runs\t%s\n' "$runs" "$pull_runs"
    printf 'date\t%s\n' "$(date -u '+%Y-%m-%d %H:%M UTC')"
    printf 'machine\t%s cores (%s), %s GiB, kernel %s, load average %s at the end\n' "$(nproc)" \
        "$(sed -n 's/^model name[[:space:]]*: *//p' /proc/cpuinfo | head -n 1)" \
        "$(awk '/^MemTotal:/ { printf "%.0f", $2 / 1048576 }' /proc/meminfo)" "$(uname -r)" "$(cut -d' ' -f1-3 /proc/loadavg)"
} > "$out/results.env"
"$here/report.sh" "$out"
cat "$out/results.md"
echo "bench: wrote $out/results.md and $out/ratios.svg" >&2
