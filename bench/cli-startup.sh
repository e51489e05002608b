#!/bin/bash
# Mean wall time of `vaina --help` with the installed class-data archive and without it.
# Usage: bench/cli-startup.sh [PREFIX] [RUNS]   (default /usr/local, 10)
set -euo pipefail
prefix=${1:-/usr/local}
runs=${2:-10}
lib="$prefix/lib/vaina"
java=$(sed -n "s/^exec '\([^']*\)'.*/\1/p" "$prefix/bin/vaina" | head -n 1)
[ -x "$java" ] || { echo "cli-startup: no java found in $prefix/bin/vaina" >&2; exit 1; }

mean() { # CMD...: mean wall seconds over RUNS after one warm-up
    local i start total=0
    "$@" >/dev/null 2>&1 || true
    for i in $(seq "$runs"); do
        start=$(date +%s%N)
        "$@" >/dev/null 2>&1 || true
        total=$(( total + $(date +%s%N) - start ))
    done
    awk -v t="$total" -v n="$runs" 'BEGIN { printf "%.3f s", t / n / 1e9 }'
}
flags=(-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xshare:auto)
without=$(mean "$java" "${flags[@]}" -cp "$lib/vaina.jar" dev.vaina.cli.Main --help)
if [ -f "$lib/vaina-cli.jsa" ]; then
    with=$(mean "$java" "${flags[@]}" -XX:SharedArchiveFile="$lib/vaina-cli.jsa" -cp "$lib/vaina.jar" dev.vaina.cli.Main --help)
else
    with="n/a (no archive)"
fi
echo "vaina --help without archive $without, with archive $with"
