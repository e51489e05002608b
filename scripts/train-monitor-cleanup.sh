#!/bin/bash
# Runs one container to its end with an installed vaina whose monitor wrapper dumps the classes its JVM
# loaded beyond the monitor's archive when it exits (-XX:ArchiveClassesAtExit, written by install-files.sh
# for this run only): those of the cleanup the monitor runs once its container has exited, the top layer of
# the monitor's archive. Kept apart from the archive every running monitor maps, they cost a running
# monitor nothing; loading them from the jar cost each container's end about 0.1 s.
# Usage: scripts/train-monitor-cleanup.sh PREFIX STORE_DIR ROOTFS_TAR
# Needs a systemd manager (install-files.sh runs it where the class lists were recorded). Failures are not
# errors: without the top layer, the cleanup's classes load from the jar.
set -uo pipefail

[ $# -eq 3 ] || { echo "usage: $0 PREFIX STORE_DIR ROOTFS_TAR" >&2; exit 2; }
vaina=("$1/bin/vaina" --root "$2/root" --runroot "$2/run")
image=localhost/vaina-cleanup-training:latest
name=vaina-cleanup-training-$$
quietly() { "$@" >/dev/null 2>&1 </dev/null; }

mkdir -p "$2"
quietly "${vaina[@]}" import "$3" "$image" || exit 0
# The unit is inactive once the monitor has exited, so the layer has been written when stop returns.
quietly "${vaina[@]}" run -d --name "$name" "$image" sleep 60 && quietly "${vaina[@]}" stop -t 0 "$name"
quietly "${vaina[@]}" rm -f -t 0 "$name"
quietly "${vaina[@]}" rmi -f "$image"
exit 0
