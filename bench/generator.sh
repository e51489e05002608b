#!/bin/bash
# Times the definition-file generator as systemd runs it (at boot and at every daemon-reload): for 10, 100
# and 1000 files, half pods and half containers (each container a member of one of the pods, publishing
# nothing, with a few keys), the median wall time of 5 runs writing into a fresh output folder.
# Compares with Podman's Quadlet on the same files when /usr/libexec/podman/quadlet is there (Podman 4.4+).
# Usage: bench/generator.sh [--prefix DIR] [-n RUNS]   (DIR holds lib/vaina/vaina-generator; default /usr/local)
set -euo pipefail

prefix=/usr/local
runs=5
while [ $# -gt 0 ]; do
    case "$1" in
        --prefix) prefix=$2; shift 2 ;;
        -n) runs=$2; shift 2 ;;
        *) echo "bench/generator: unknown option $1 (usage: $0 [--prefix DIR] [-n RUNS])" >&2; exit 2 ;;
    esac
done
generator="$prefix/lib/vaina/vaina-generator"
[ -x "$generator" ] || { echo "bench/generator: $generator is missing: install first (install.sh or scripts/install-files.sh)" >&2; exit 1; }
quadlet=/usr/libexec/podman/quadlet
work=$(mktemp -d /tmp/vaina-bench-generator.XXXXXX)
# systemd's generator folders are on a tmpfs (/run): the units are written to one here too.
out_root=$(mktemp -d "$( [ -d /dev/shm ] && echo /dev/shm || echo /tmp )/vaina-bench-generator-out.XXXXXX")
trap 'rm -rf "$work" "$out_root"' EXIT

make_files() { # DIR COUNT
    local dir=$1 count=$2 i pods=$(( $2 / 2 ))
    mkdir -p "$dir"
    for ((i = 0; i < pods; i++)); do
        printf '[Unit]\nDescription=pod %d\n\n[Pod]\nPublishPort=%d:80\nLabel=bench=yes\n\n[Install]\nWantedBy=default.target\n' \
            "$i" $(( 20000 + i )) > "$dir/pod$i.pod"
    done
    for ((i = 0; i < count - pods; i++)); do
        printf '[Container]\nImage=localhost/busybox:latest\nPod=pod%d.pod\nExec=httpd -f -p 80\nEnvironment=A=1 B=2\nVolume=/srv/%d:/data:ro\n\n[Service]\nRestart=on-failure\n' \
            $(( i % pods )) "$i" > "$dir/ctr$i.container"
    done
}

median() { sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }

time_runs() { # ENV-VAR-NAME DIR CMD...
    local var=$1 dir=$2 i start end out
    shift 2
    for ((i = 0; i < runs; i++)); do
        out=$(mktemp -d "$out_root/out.XXXXXX")
        start=$(date +%s%N)
        env "$var=$dir" "$@" "$out" >/dev/null 2>&1
        end=$(date +%s%N)
        echo $(( (end - start) / 1000000 ))
        rm -rf "$out"
    done | median
}

printf '%-6s %14s %14s\n' files "vaina (ms)" "quadlet (ms)"
for count in 10 100 1000; do
    dir="$work/defs-$count"
    make_files "$dir" "$count"
    vaina_ms=$(time_runs VAINA_DEFINITION_DIRS "$dir" "$generator")
    units=$(out=$(mktemp -d "$out_root/check.XXXXXX"); VAINA_DEFINITION_DIRS="$dir" "$generator" "$out"; ls "$out" | grep -c '\.service$')
    [ "$units" = "$count" ] || { echo "bench/generator: $count files gave $units units" >&2; exit 1; }
    quadlet_ms="-"
    if [ -x "$quadlet" ]; then
        quadlet_ms=$(time_runs QUADLET_UNIT_DIRS "$dir" "$quadlet" -no-kmsg-log)
    fi
    printf '%-6s %14s %14s\n' "$count" "$vaina_ms" "$quadlet_ms"
done
