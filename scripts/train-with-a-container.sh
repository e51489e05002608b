#!/bin/bash
# Runs a container to its end with an installed vaina whose wrappers, written by install-files.sh for this run
# only, record what their JVMs did: the monitor dumps the classes it loaded beyond its archive when it exits
# (-XX:ArchiveClassesAtExit), those of the cleanup it runs once its container has exited, the top layer of the
# monitor's archive (kept apart from the archive every running monitor maps, they cost a running monitor
# nothing; loading them from the jar cost each container's end about 0.1 s); a launcher on a newer JDK writes
# the configuration its AOT cache is made from (-XX:AOTMode=record).
# Usage: scripts/train-with-a-container.sh PREFIX STORE_DIR ROOTFS_TAR
# Needs a systemd manager (install-files.sh runs it where the class lists were recorded). Failures are not
# errors: without the top layer, the cleanup's classes load from the jar; without the configuration, the
# launcher runs on the JDK the command line runs on.
set -uo pipefail

[ $# -eq 3 ] || { echo "usage: $0 PREFIX STORE_DIR ROOTFS_TAR" >&2; exit 2; }
vaina=("$1/bin/vaina" --root "$2/root" --runroot "$2/run")
image=localhost/vaina-cleanup-training:latest
name=vaina-cleanup-training-$$
quietly() { "$@" >/dev/null 2>&1 </dev/null; }

mkdir -p "$2"
quietly "${vaina[@]}" import "$3" "$image" || exit 0
# The launcher writes its configuration as it exits, after the container has started; the unit's stop would kill
# it half-way.
launched() {
    for i in $(seq 100); do
        pgrep -f -- "-XX:AOTMode=record" >/dev/null || break
        sleep 0.1
    done
}
# A first container, whose start shares the network namespaces' directory: the second's is then the common one,
# its monitor started beside its launcher (dev.vaina.launch.MonitorStart), and the last of each to write what it
# recorded. The unit is inactive once the monitor has exited, so the layer has been written when stop returns.
quietly "${vaina[@]}" run -d --name "$name-first" "$image" sleep 60 || exit 0
launched
quietly "${vaina[@]}" rm -f -t 0 "$name-first"
quietly "${vaina[@]}" run -d --name "$name" "$image" sleep 60 || exit 0
launched
quietly "${vaina[@]}" stop -t 0 "$name"
quietly "${vaina[@]}" rm -f -t 0 "$name"
quietly "${vaina[@]}" rmi -f "$image"
exit 0
