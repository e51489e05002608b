#!/bin/bash
# Runs real vaina commands with a scratch installation whose wrappers record the classes each JVM
# loads (-XX:DumpLoadedClassList, one file per process: ROLE.PID.classlist in the wrappers' list
# directory), so install-files.sh can dump class-data archives that hold what real commands load:
# picocli, the store, JSON, FreeMarker, D-Bus (CLI); the bundle and cleanup (launcher); JNA (monitor).
# Usage: scripts/record-class-lists.sh SCRATCH_PREFIX STORE_DIR LIST_DIR
# The containers' part needs a systemd manager: run it where one answers (install-files.sh starts
# root's own through with-managers.sh on machines without systemd as PID 1). Without one, only the
# commands that need no manager are recorded. Failures are not errors: a missing list means no archive.
set -uo pipefail

[ $# -eq 3 ] || { echo "usage: $0 SCRATCH_PREFIX STORE_DIR LIST_DIR" >&2; exit 2; }
here=$(dirname "$(readlink -f "$0")")
vaina=("$1/bin/vaina" --root "$2/root" --runroot "$2/run")
image=localhost/vaina-archive-training:latest
name=vaina-archive-training-$$

mkdir -p "$2"
quietly() { "$@" >/dev/null 2>&1 </dev/null; }
quietly "${vaina[@]}" --version
quietly "${vaina[@]}" --help
quietly "${vaina[@]}" ps --help
quietly "${vaina[@]}" version
quietly "${vaina[@]}" ps -a
quietly "${vaina[@]}" images
"$here/make-busybox-rootfs.sh" "$2/busybox.tar" && quietly "${vaina[@]}" import "$2/busybox.tar" "$image"
quietly "${vaina[@]}" images
quietly "${vaina[@]}" inspect "$image"

manager_answers() {
    [ "$(cat /proc/1/comm 2>/dev/null)" = systemd ] && return 0
    [ -n "${DBUS_SESSION_BUS_ADDRESS:-}" ] || [ -S "${XDG_RUNTIME_DIR:-/nonexistent}/bus" ]
}
if manager_answers; then
    quietly "${vaina[@]}" run --rm "$image" true
    quietly "${vaina[@]}" run -d --name "$name" "$image" sleep 60
    quietly "${vaina[@]}" ps -a
    quietly "${vaina[@]}" inspect "$name"
    quietly "${vaina[@]}" logs "$name"
    quietly "${vaina[@]}" stop -t 0 "$name"
    quietly "${vaina[@]}" rm -f "$name"
    quietly "${vaina[@]}" run --rm "$image" sh -c 'echo out; echo err >&2; exit 3'
fi
quietly "${vaina[@]}" rmi -f "$image"
# A unit's cleanup (ExecStopPost) may still be writing its list.
for i in $(seq 100); do
    pgrep -f "DumpLoadedClassList=$3/" >/dev/null || break
    sleep 0.1
done
exit 0
