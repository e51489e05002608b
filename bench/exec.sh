#!/bin/bash
# Compares `exec CTR true` of vaina with Podman's on this machine, in the same run: one detached
# busybox `sleep` container per engine, then N execs of `true` into each, timed one by one.
# Usage (as root): bench/exec.sh [-n N] [--prefix DIR]
#   DIR holds bin/vaina (default /usr/local). Prints the mean wall time per exec of each engine and
#   the ratio vaina/podman (lower is better; the aim is at most 1.0). A benchmark runner can call it
#   as it is and read the "ratio" line.
# Podman gets its own containers.conf for this machine (runc, no rlimits above the host's); nothing
# under /etc is changed. Without systemd as PID 1 it starts root's own systemd --user through
# scripts/with-managers.sh, as bench/run.sh does.
set -euo pipefail

here=$(dirname "$(readlink -f "$0")")
top=$(dirname "$here")
runs=20
prefix=/usr/local
args=("$@")
while [ $# -gt 0 ]; do
    case "$1" in
        -n) runs=$2; shift 2 ;;
        --prefix) prefix=$2; shift 2 ;;
        *) echo "bench/exec: unknown option $1 (usage: $0 [-n N] [--prefix DIR])" >&2; exit 2 ;;
    esac
done
fail() { echo "bench/exec: $*" >&2; exit 1; }
[ "$(id -u)" = 0 ] || fail "run as root (it compares rootful vaina with rootful podman)"
[[ "$runs" =~ ^[1-9][0-9]*$ ]] || fail "-n takes a positive number, not '$runs'"
vaina="$prefix/bin/vaina"
[ -x "$vaina" ] || fail "$vaina is missing: run 'sudo ./install.sh' or pass --prefix"
command -v podman >/dev/null || fail "podman is missing (apt-get install podman): it is the baseline"

if [ "$(cat /proc/1/comm 2>/dev/null)" != systemd ] && [ -z "${VAINA_TEST_ROOT_RUNTIME_DIR:-}" ]; then
    exec "$top/scripts/with-managers.sh" --root -- "$0" "${args[@]}"
fi

work=$(mktemp -d /tmp/vaina-bench-exec.XXXXXX)
image=localhost/vaina-bench-exec:latest
vaina_ctr=vaina-bench-exec
podman_ctr=podman-bench-exec
export CONTAINERS_CONF=$work/containers.conf
printf '[containers]\ndefault_ulimits = []\n[engine]\nruntime = "runc"\ncgroup_manager = "cgroupfs"\nevents_logger = "file"\n' \
    > "$CONTAINERS_CONF"
finish() {
    "$vaina" rm -f "$vaina_ctr" >/dev/null 2>&1 || true
    podman rm -f -t 0 "$podman_ctr" >/dev/null 2>&1 || true
    "$vaina" rmi -f "$image" >/dev/null 2>&1 || true
    podman rmi -f "$image" >/dev/null 2>&1 || true
    rm -rf "$work"
}
trap finish EXIT

"$top/scripts/make-busybox-rootfs.sh" "$work/busybox.tar" >/dev/null
"$vaina" import "$work/busybox.tar" "$image" >/dev/null || fail "vaina import failed"
podman import -q "$work/busybox.tar" "$image" >/dev/null || fail "podman import failed"
"$vaina" run -d --name "$vaina_ctr" "$image" sleep 100000 >/dev/null || fail "vaina run -d failed"
podman run -d --name "$podman_ctr" "$image" sleep 100000 >/dev/null || fail "podman run -d failed"

# An exec that prints nothing is not an exec: each engine must really run the command first.
for engine in "$vaina" podman; do
    ctr=$([ "$engine" = podman ] && echo "$podman_ctr" || echo "$vaina_ctr")
    out=$("$engine" exec "$ctr" echo exec-ok 2>&1) || fail "$engine exec failed: $out"
    [ "$out" = exec-ok ] || fail "$engine exec printed '$out' instead of 'exec-ok'"
done

seconds_per_exec() { # ENGINE CONTAINER: mean wall time of RUNS execs of true, in seconds
    local engine=$1 ctr=$2 i start end total=0
    for i in $(seq "$runs"); do
        start=$(date +%s%N)
        "$engine" exec "$ctr" true || fail "$engine exec $ctr true failed on run $i"
        end=$(date +%s%N)
        total=$(( total + end - start ))
    done
    awk -v t="$total" -v n="$runs" 'BEGIN { printf "%.3f\n", t / n / 1e9 }'
}

echo "== exec CTR true, mean of $runs; $(nproc) cores; $(podman --version)"
vaina_s=$(seconds_per_exec "$vaina" "$vaina_ctr")
echo "vaina  $vaina_s s"
podman_s=$(seconds_per_exec podman "$podman_ctr")
echo "podman $podman_s s"
awk -v v="$vaina_s" -v p="$podman_s" 'BEGIN { printf "ratio vaina/podman %.2f\n", v / p }'
