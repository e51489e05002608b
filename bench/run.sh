#!/bin/bash
# Measures vaina against Podman on this machine, in the same run:
#   1. start-up of the CLI (`vaina --help`) with and without its class-data archive;
#   2. wall time of `run --rm IMAGE true`, N times each (hyperfine when installed);
#   3. mean PSS of the per-container monitor with 10 detached `sleep` containers each:
#      vaina's monitors (MainPID of the container-*.service units) against Podman's conmon.
# Usage (as root): bench/run.sh [-n N] [--prefix DIR] [--only vaina|podman]
#   DIR holds bin/vaina (default /usr/local); --only measures one engine (no ratio then).
# Without systemd as PID 1 it starts root's own systemd --user through scripts/with-managers.sh.
set -euo pipefail

here=$(dirname "$(readlink -f "$0")")
top=$(dirname "$here")
runs=10
prefix=/usr/local
containers=10
only=""
args=("$@")
while [ $# -gt 0 ]; do
    case "$1" in
        -n) runs=$2; shift 2 ;;
        --prefix) prefix=$2; shift 2 ;;
        --only) only=$2; shift 2 ;;
        *) echo "bench: unknown option $1 (usage: $0 [-n N] [--prefix DIR] [--only vaina|podman])" >&2; exit 2 ;;
    esac
done
die() { echo "bench: $*" >&2; exit 1; }
[ "$(id -u)" = 0 ] || die "run as root (it compares rootful vaina with rootful podman)"
case "$only" in ""|vaina|podman) ;; *) die "--only takes vaina or podman" ;; esac
measure() { [ -z "$only" ] || [ "$only" = "$1" ]; }
vaina="$prefix/bin/vaina"
if measure vaina; then
    [ -x "$vaina" ] || die "$vaina is missing: run 'sudo ./install.sh' or pass --prefix"
fi
if measure podman; then
    command -v podman >/dev/null || die "podman is missing (apt-get install podman): it is the baseline"
fi

pid1_is_systemd() { [ "$(cat /proc/1/comm 2>/dev/null)" = systemd ]; }
if measure vaina && ! pid1_is_systemd && [ -z "${VAINA_TEST_ROOT_RUNTIME_DIR:-}" ]; then
    exec "$top/scripts/with-managers.sh" --root -- "$0" "${args[@]}"
fi

podman=(podman)
if ! pid1_is_systemd; then
    # with-managers.sh creates /run/systemd/system in its namespace, which would make podman look for
    # a system manager; outside that namespace it picks these two by itself.
    podman+=(--cgroup-manager=cgroupfs --events-backend=file)
fi
if [ -n "${VAINA_TEST_ROOT_RUNTIME_DIR:-}" ]; then
    systemctl=(systemctl --user)
else
    systemctl=(systemctl)
fi

if measure podman; then
    "$here/podman-config.sh"
fi

image=localhost/vaina-bench-busybox:latest
work=$(mktemp -d /tmp/vaina-bench.XXXXXX)
cleanup() {
    local i
    for i in $(seq "$containers"); do
        if measure vaina; then "$vaina" rm -f "vaina-bench-$i" >/dev/null 2>&1 || true; fi
        if measure podman; then "${podman[@]}" rm -f -t 0 "podman-bench-$i" >/dev/null 2>&1 || true; fi
    done
    if measure podman; then "${podman[@]}" rmi -f "$image" >/dev/null 2>&1 || true; fi
    if measure vaina; then "$vaina" rmi -f "$image" >/dev/null 2>&1 || true; fi
    rm -rf "$work"
}
trap cleanup EXIT

now_ns() { date +%s%N; }
mean_seconds() { # NAME RUNS CMD...: runs CMD RUNS times after one warm-up, prints the mean in seconds
    local name=$1 n=$2; shift 2
    "$@" >/dev/null 2>&1 || die "$name failed: $* (output: $("$@" 2>&1 | tail -n 5))"
    if command -v hyperfine >/dev/null; then
        hyperfine --runs "$n" --warmup 0 --export-json "$work/$name.json" "$(printf '%q ' "$@")" >/dev/null 2>&1 \
            || die "hyperfine failed for $name"
        sed -n 's/.*"mean": *\([0-9.e-]*\).*/\1/p' "$work/$name.json" | head -n 1
        return
    fi
    local i start total=0
    for i in $(seq "$n"); do
        start=$(now_ns)
        "$@" >/dev/null 2>&1 || die "$name failed on run $i: $*"
        total=$(( total + $(now_ns) - start ))
    done
    awk -v t="$total" -v n="$n" 'BEGIN { printf "%.3f\n", t / n / 1e9 }'
}
pss_kib() { [ -r "/proc/$1/smaps_rollup" ] || die "cannot read /proc/$1/smaps_rollup"; awk '/^Pss:/ { print $2; exit }' "/proc/$1/smaps_rollup"; }
mean_mib() { awk '{ s += $1; n++ } END { if (n) printf "%.1f", s / n / 1024; else print "n/a" }'; }

echo "== $(measure vaina && echo "vaina $("$vaina" version 2>/dev/null | head -n 1 || true);") $(measure podman && podman --version); $(nproc) cores; kernel $(uname -r)"

if measure vaina; then
    echo "== CLI start-up: vaina --help, mean of $runs"
    "$here/cli-startup.sh" "$prefix" "$runs"
fi

echo "== images"
"$top/scripts/make-busybox-rootfs.sh" "$work/busybox.tar"
if measure vaina; then "$vaina" import "$work/busybox.tar" "$image" >/dev/null || die "vaina import failed"; fi
if measure podman; then "${podman[@]}" import -q "$work/busybox.tar" "$image" >/dev/null || die "podman import failed"; fi

# A run that prints nothing is not a run: check that each engine really runs the image.
check_runs() { # NAME CMD...
    local name=$1 out; shift
    out=$("$@" run --rm "$image" echo bench-ok 2>&1) || die "$name could not run $image: $out"
    [ "$out" = bench-ok ] || die "$name run printed '$out' instead of 'bench-ok'"
}
if measure vaina; then check_runs vaina "$vaina"; fi
if measure podman; then check_runs podman "${podman[@]}"; fi

echo "== run --rm $image true, mean of $runs$(command -v hyperfine >/dev/null && echo ' (hyperfine)')"
if measure vaina; then
    vaina_s=$(mean_seconds vaina-run "$runs" "$vaina" run --rm "$image" true)
    echo "vaina  $vaina_s s"
fi
if measure podman; then
    podman_s=$(mean_seconds podman-run "$runs" "${podman[@]}" run --rm "$image" true)
    echo "podman $podman_s s"
fi
if [ -z "$only" ]; then
    awk -v v="$vaina_s" -v p="$podman_s" 'BEGIN { printf "ratio vaina/podman %.2f\n", v / p }'
fi

echo "== memory: $containers detached sleep containers each, mean PSS per monitor"
for i in $(seq "$containers"); do
    if measure vaina; then
        "$vaina" run -d --name "vaina-bench-$i" "$image" sleep 1000 >/dev/null || die "vaina run -d failed"
    fi
    if measure podman; then
        "${podman[@]}" run -d --name "podman-bench-$i" "$image" sleep 1000 >/dev/null || die "podman run -d failed"
    fi
done
sleep 2
if measure vaina; then
    for i in $(seq "$containers"); do
        pid=$("${systemctl[@]}" show -p MainPID --value "container-vaina-bench-$i.service")
        [ -n "$pid" ] && [ "$pid" != 0 ] || die "container-vaina-bench-$i.service has no MainPID"
        pss_kib "$pid"
    done > "$work/vaina-pss"
    echo "vaina monitor  $(mean_mib < "$work/vaina-pss") MiB"
fi
if measure podman; then
    for i in $(seq "$containers"); do
        pid=$("${podman[@]}" inspect --format '{{.State.ConmonPid}}' "podman-bench-$i")
        pss_kib "$pid"
    done > "$work/podman-pss"
    echo "podman conmon  $(mean_mib < "$work/podman-pss") MiB"
fi
