#!/bin/bash
# Measures the monitor's JVM flags, one set after another, with an installed vaina: for each set the
# monitor's wrapper (PREFIX/lib/vaina/vaina-monitor) is rewritten with it, then
#   - PSS per monitor with 10 detached `sleep` containers running (mean, from /proc/PID/smaps_rollup),
#   - start-up: the median wall time of `run -d` (the CLI returns once the monitor sent READY=1),
#   - throughput: wall time of `run --rm` of a container writing 20 MB of log lines,
#   - NMT's breakdown (heap, class/metaspace, code, threads, malloc...) of one more monitor started
#     with -XX:NativeMemoryTracking=summary (which itself costs memory: read it for proportions).
# The wrapper is restored at the end. Flag sets are lines of bench/monitor-flags.txt (NAME: FLAGS),
# or FILE. Usage (as root): bench/monitor-flags.sh [--prefix DIR] [FILE]
set -euo pipefail

here=$(dirname "$(readlink -f "$0")")
top=$(dirname "$here")
prefix=/usr/local
sets="$here/monitor-flags.txt"
args=("$@")
while [ $# -gt 0 ]; do
    case "$1" in
        --prefix) [ $# -ge 2 ] || { echo "bench: --prefix needs a directory" >&2; exit 2; }; prefix=$2; shift 2 ;;
        -*) echo "bench: unknown option $1 (usage: $0 [--prefix DIR] [FILE])" >&2; exit 2 ;;
        *) sets=$1; shift ;;
    esac
done
die() { echo "bench: $*" >&2; exit 1; }
[ "$(id -u)" = 0 ] || die "run as root"
prefix=$(realpath -m "$prefix")
vaina="$prefix/bin/vaina"
wrapper="$prefix/lib/vaina/vaina-monitor"
[ -x "$vaina" ] && [ -x "$wrapper" ] || die "no vaina installed in $prefix (install.sh, or --prefix)"
[ -r "$sets" ] || die "cannot read the flag sets in $sets"
if [ "$(cat /proc/1/comm 2>/dev/null)" != systemd ] && [ -z "${VAINA_TEST_ROOT_RUNTIME_DIR:-}" ]; then
    exec "$top/scripts/with-managers.sh" --root -- "$0" "${args[@]}"
fi
if [ -n "${VAINA_TEST_ROOT_RUNTIME_DIR:-}" ]; then systemctl=(systemctl --user); else systemctl=(systemctl); fi
command -v jcmd >/dev/null || die "jcmd is missing (a JDK, not only a JRE, is needed for the NMT breakdown)"

work=$(mktemp -d /tmp/vmflags.XXXXXX)
cp -p "$wrapper" "$work/wrapper.orig"
image=localhost/vaina-flags-busybox:latest
cleanup() {
    set +e
    cp -p "$work/wrapper.orig" "$wrapper"
    for i in $(seq 0 10); do "$vaina" rm -f "flags-$i" >/dev/null 2>&1; done
    "$vaina" rmi -f "$image" >/dev/null 2>&1
    rm -rf "$work"
}
trap cleanup EXIT
"$top/scripts/make-busybox-rootfs.sh" "$work/busybox.tar"
"$vaina" import "$work/busybox.tar" "$image" >/dev/null

# The wrapper's own flags: everything between the java path and -cp, with JNA's properties kept.
java=$(grep -o "^exec '[^']*'" "$work/wrapper.orig" | cut -d"'" -f2)
jna=$(grep -o -- "-Djna[^ ]*" "$work/wrapper.orig" | tr '\n' ' ')
classpath=$(grep -o -- "-cp '[^']*'" "$work/wrapper.orig")
main_pid() { "${systemctl[@]}" show -p MainPID --value "container-$1.service"; }
median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

printf '| flags | PSS per monitor, 10 running | run -d (median) | run --rm writing 20 MB | NMT MiB: heap | class | shared archive | code | threads | other |\n'
printf '|---|---|---|---|---|---|---|---|---|---|\n'
grep -v '^[[:space:]]*\(#\|$\)' "$sets" | while IFS= read -r line; do
    name=${line%%:*}
    flags=${line#*:}
    flags=${flags//@LIB@/$prefix/lib/vaina}
    printf '#!/bin/sh\nexec %s %s %s %s dev.vaina.monitor.Monitor "$@"\n' "'$java'" "$flags" "$jna" "$classpath" > "$wrapper"
    : > "$work/starts"
    for i in $(seq 10); do
        start=${EPOCHREALTIME/./}
        "$vaina" run -d --name "flags-$i" "$image" sleep 1000 >/dev/null || die "[$name] run -d failed"
        echo $(( ${EPOCHREALTIME/./} - start )) >> "$work/starts"
    done
    sleep 2
    pss=$(for i in $(seq 10); do awk '/^Pss:/ { print $2 }' "/proc/$(main_pid "flags-$i")/smaps_rollup"; done \
        | awk '{ s += $1 } END { printf "%.1f MiB", s / NR / 1024 }')
    for i in $(seq 10); do "$vaina" rm -f "flags-$i" >/dev/null 2>&1 || true; done
    start=${EPOCHREALTIME/./}
    "$vaina" run --rm "$image" sh -c 'i=0; while [ $i -lt 400000 ]; do echo "line $i of the log, padded to about fifty bytes"; i=$((i+1)); done' \
        >/dev/null || die "[$name] the logging container failed"
    pump=$(( ${EPOCHREALTIME/./} - start ))
    # NMT: one more monitor, the same flags plus tracking.
    printf '#!/bin/sh\nexec %s %s -XX:NativeMemoryTracking=summary %s %s dev.vaina.monitor.Monitor "$@"\n' \
        "'$java'" "$flags" "$jna" "$classpath" > "$wrapper"
    "$vaina" run -d --name flags-0 "$image" sleep 1000 >/dev/null || die "[$name] run -d with NMT failed"
    sleep 1
    jcmd "$(main_pid flags-0)" VM.native_memory summary scale=KB > "$work/nmt" 2>&1 || true
    "$vaina" rm -f flags-0 >/dev/null 2>&1 || true
    nmt() { awk -v k="$1" '$0 ~ "^-[ ]*" k " \\(" { sub(/.*committed=/, ""); sub(/KB.*/, ""); printf "%.1f", $0 / 1024; f = 1 } END { if (!f) printf "?" }' "$work/nmt"; }
    other=$(awk '/^-/ && !/Java Heap|Class \(|Shared class space|Code \(|Thread \(/ { c = $0; sub(/.*committed=/, "", c); sub(/KB.*/, "", c); s += c } END { printf "%.1f", s / 1024 }' "$work/nmt")
    printf '| %s | %s | %.2f s | %.2f s | %s | %s | %s | %s | %s | %s |\n' "$name" "$pss" \
        "$(median < "$work/starts" | awk '{ print $1 / 1e6 }')" "$(awk -v p="$pump" 'BEGIN { print p / 1e6 }')" \
        "$(nmt 'Java Heap')" "$(nmt Class)" "$(nmt 'Shared class space')" "$(nmt Code)" "$(nmt Thread)" "$other"
done
