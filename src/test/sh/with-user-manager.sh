#!/bin/bash
# Runs a command next to a real systemd user manager and its D-Bus session bus:
#   src/test/sh/with-user-manager.sh CMD [ARGS...]
# CMD sees XDG_RUNTIME_DIR and DBUS_SESSION_BUS_ADDRESS of that manager, and its exit code is ours.
#
# Where PID 1 is systemd and the caller already has a user manager (a developer's laptop), CMD simply
# runs against that one. Elsewhere (build machines without systemd as PID 1) this needs root: it makes
# a private mount namespace whose /run/systemd is a fresh tmpfs holding run/systemd/system (the marker
# `systemd --user` insists on), starts `systemd --user` with a private 0700 runtime directory, waits
# until it is up, runs CMD, then stops the manager and removes the runtime directory.
set -euo pipefail

if [ $# -eq 0 ]; then
    echo "usage: $0 CMD [ARGS...]" >&2
    exit 2
fi

existing_bus() {
    if [ -n "${DBUS_SESSION_BUS_ADDRESS:-}" ]; then
        return 0
    fi
    [ -n "${XDG_RUNTIME_DIR:-}" ] && [ -S "$XDG_RUNTIME_DIR/bus" ]
}

if [ "${1:-}" != "--inside-namespace" ]; then
    if [ "$(cat /proc/1/comm 2>/dev/null)" = systemd ] && existing_bus \
            && systemctl --user is-system-running >/dev/null 2>&1; then
        exec "$@"
    fi
    if [ "$(id -u)" != 0 ]; then
        echo "$0: PID 1 is not systemd and there is no running user manager; starting a private one" \
             "needs root (a private mount namespace with a fake /run/systemd/system)" >&2
        exit 1
    fi
    if ! command -v unshare >/dev/null; then
        echo "$0: unshare (util-linux) is needed" >&2
        exit 1
    fi
    exec unshare --mount --propagation private -- "$0" --inside-namespace "$@"
fi
shift

manager=/usr/lib/systemd/systemd
mkdir -p /run/systemd
mount -t tmpfs -o mode=0755 tmpfs /run/systemd
mkdir -p /run/systemd/system

runtime_dir=$(mktemp -d "${TMPDIR:-/tmp}/vaina-user-manager.XXXXXX")
chmod 0700 "$runtime_dir"
export XDG_RUNTIME_DIR=$runtime_dir
export DBUS_SESSION_BUS_ADDRESS=unix:path=$runtime_dir/bus
manager_pid=

stop_manager() {
    if [ -n "$manager_pid" ] && kill -0 "$manager_pid" 2>/dev/null; then
        kill -TERM "$manager_pid" 2>/dev/null || true
        for _ in $(seq 100); do
            kill -0 "$manager_pid" 2>/dev/null || break
            sleep 0.1
        done
        if kill -0 "$manager_pid" 2>/dev/null; then
            echo "$0: the user manager did not stop within 10 s; killing it" >&2
            kill -KILL "$manager_pid" 2>/dev/null || true
        fi
        wait "$manager_pid" 2>/dev/null || true
    fi
    rm -rf "$runtime_dir"
}
trap stop_manager EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

"$manager" --user >"$runtime_dir/manager.log" 2>&1 &
manager_pid=$!

state=
for _ in $(seq 150); do
    if ! kill -0 "$manager_pid" 2>/dev/null; then
        echo "$0: systemd --user exited while starting; its output:" >&2
        cat "$runtime_dir/manager.log" >&2
        exit 1
    fi
    state=$(systemctl --user is-system-running 2>/dev/null || true)
    case "$state" in
        running|degraded) break ;;
    esac
    sleep 0.1
done
case "$state" in
    running|degraded) ;;
    *)
        echo "$0: the user manager did not come up within 15 s (state: ${state:-none}); its output:" >&2
        cat "$runtime_dir/manager.log" >&2
        exit 1
        ;;
esac

set +e
"$@"
status=$?
set -e
exit "$status"
