#!/bin/bash
# Runs CMD with real systemd user managers reachable, on a machine whose PID 1 is not systemd
# (build and CI machines). Run as root:
#
#   scripts/with-managers.sh [--root] [--user NAME] -- CMD [ARGS...]
#
# --root starts root's own `systemd --user` (XDG_RUNTIME_DIR=/run/user/0); --user NAME starts NAME's.
# Everything happens in a private mount namespace: /run/systemd, /run/user and /run/vaina are fresh
# tmpfs mounts and /var/lib/vaina is a fresh directory, so no state of an earlier run leaks in and
# nothing leaks out. It is also a private PID namespace whose init is this script: when it ends, the
# kernel kills whatever is left (a container the runtime put outside the managers' cgroups too).
# CMD sees (for the managers asked for):
#   VAINA_TEST_ROOT_RUNTIME_DIR                            root's manager
#   VAINA_TEST_USER, VAINA_TEST_USER_UID, VAINA_TEST_USER_HOME, VAINA_TEST_USER_RUNTIME_DIR,
#   VAINA_TEST_USER_DATA_HOME, VAINA_TEST_USER_CONFIG_HOME NAME's manager
#   VAINA_TEST_MODES                                       rootful and/or rootless, comma-separated
# and, for root's manager, XDG_RUNTIME_DIR and DBUS_SESSION_BUS_ADDRESS. Both managers are stopped
# and their cgroups emptied when CMD ends; the exit code is CMD's.
set -euo pipefail

here=$(dirname "$(readlink -f "$0")")
die() { echo "with-managers: $*" >&2; exit 1; }

want_root=false users=()
while [ $# -gt 0 ]; do
    case "$1" in
        --root) want_root=true; shift ;;
        --user) [ $# -ge 2 ] || die "--user needs a name"; users+=("$2"); shift 2 ;;
        --) shift; break ;;
        *) die "unknown option $1 (usage: $0 [--root] [--user NAME] -- CMD...)" ;;
    esac
done
[ $# -gt 0 ] || die "no command given (usage: $0 [--root] [--user NAME] -- CMD...)"
[ "$(id -u)" = 0 ] || die "must run as root: it starts managers for other users and mounts tmpfs in a private namespace"
[ -x /usr/lib/systemd/systemd ] || die "/usr/lib/systemd/systemd is missing (apt-get install systemd dbus-user-session)"

if [ "${VAINA_MANAGERS_NAMESPACE:-}" != "$$" ]; then
    # Re-run this script in private mount and PID namespaces; the marker names the new shell's own PID.
    exec unshare --mount --propagation private --pid --fork --mount-proc bash -c \
        'export VAINA_MANAGERS_NAMESPACE=$$; exec "$0" "$@"' "$0" \
        $($want_root && echo --root) $(for u in "${users[@]}"; do printf -- '--user %s ' "$u"; done) -- "$@"
fi

mount -t tmpfs -o mode=0755 tmpfs /run/systemd
mkdir -p /run/systemd/system
mkdir -p /run/user /run/vaina /var/lib/vaina
mount -t tmpfs -o mode=0755 tmpfs /run/user
mount -t tmpfs -o mode=0700 tmpfs /run/vaina

state=$(mktemp -d /tmp/vaina-managers.XXXXXX)
chmod 0755 "$state"
mkdir -m 0700 "$state/rootful-data"
mount --bind "$state/rootful-data" /var/lib/vaina

started=()
cleanup() {
    local u
    for u in "${started[@]}"; do
        "$here/user-manager.sh" stop "$u" "$state" || true
    done
    umount /var/lib/vaina 2>/dev/null || true
    if [ -n "${VAINA_TEST_KEEP_STATE:-}" ]; then
        echo "with-managers: state kept in $state" >&2
    else
        rm -rf "$state" 2>/dev/null || true
    fi
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

modes=()
if $want_root; then
    "$here/user-manager.sh" start root "$state"
    started+=(root)
fi
for u in "${users[@]}"; do
    "$here/user-manager.sh" start "$u" "$state"
    started+=("$u")
done
for u in "${started[@]}"; do
    "$here/user-manager.sh" wait "$u" "$state" 10
done

if $want_root; then
    export VAINA_TEST_ROOT_RUNTIME_DIR=/run/user/0
    export XDG_RUNTIME_DIR=/run/user/0
    export DBUS_SESSION_BUS_ADDRESS=unix:path=/run/user/0/bus
    modes+=(rootful)
fi
if [ ${#users[@]} -gt 0 ]; then
    u=${users[0]}
    export VAINA_TEST_USER=$u
    export VAINA_TEST_USER_UID=$(id -u "$u")
    export VAINA_TEST_USER_HOME=$(getent passwd "$u" | cut -d: -f6)
    export VAINA_TEST_USER_RUNTIME_DIR=/run/user/$VAINA_TEST_USER_UID
    export VAINA_TEST_USER_DATA_HOME=$state/$u/data
    export VAINA_TEST_USER_CONFIG_HOME=$state/$u/config
    modes+=(rootless)
fi
export VAINA_TEST_MODES=$(IFS=,; echo "${modes[*]}")
# Where user-manager.sh keeps the managers' state: a test that stops and starts a manager (a "reboot") needs it.
export VAINA_TEST_MANAGERS_STATE=$state

set +e
"$@"
rc=$?
set -e
exit $rc
