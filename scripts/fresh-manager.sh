#!/bin/bash
# Starts another `systemd --user` for USER as if the machine had just booted: in a private mount namespace
# with a fresh /run/user (a fresh XDG_RUNTIME_DIR), fresh /run/vaina and /var/lib/vaina, and fresh data and
# config homes, so nothing of the running managers' state is seen. Run as root inside scripts/with-managers.sh
# (it needs /run/systemd/system, and finds generators in /run/systemd/user-generators):
#
#   scripts/fresh-manager.sh USER BEFORE AFTER
#
# BEFORE is a shell command run as USER, with that manager's environment, before the manager starts (to put
# images and definition files in place); AFTER runs once the manager is running, and its output and exit code
# are this script's. The manager is stopped, and everything it started killed, at the end.
set -euo pipefail

here=$(dirname "$(readlink -f "$0")")
die() { echo "fresh-manager: $*" >&2; exit 1; }
[ $# -eq 3 ] || die "usage: $0 USER BEFORE AFTER"
[ "$(id -u)" = 0 ] || die "must run as root"
if [ "${VAINA_FRESH_MANAGER_NAMESPACE:-}" != "$$" ]; then
    exec unshare --mount --propagation private bash -c 'export VAINA_FRESH_MANAGER_NAMESPACE=$$; exec "$0" "$@"' \
        "$0" "$@"
fi
user=$1 before=$2 after=$3
uid=$(id -u "$user")
gid=$(id -g "$user")
state=$(mktemp -d /tmp/vaina-fresh-manager.XXXXXX)
chmod 0755 "$state"

mount -t tmpfs -o mode=0755 tmpfs /run/user
mount -t tmpfs -o mode=0700 tmpfs /run/vaina
mkdir -m 0700 "$state/rootful-data"
mount --bind "$state/rootful-data" /var/lib/vaina
cleanup() {
    "$here/user-manager.sh" stop "$user" "$state" >/dev/null 2>&1 || true
    umount /var/lib/vaina 2>/dev/null || true
    rm -rf "$state" 2>/dev/null || true
}
trap cleanup EXIT

install -d -m 0700 -o "$uid" -g "$gid" "$state/$user" "$state/$user/data" "$state/$user/config" "/run/user/$uid"
as_user() { # CMD: as USER, with exactly the environment its manager gets
    local env_args
    mapfile -t env_args < <("$here/user-manager.sh" env "$user" "$state")
    setpriv --reuid="$uid" --regid="$gid" --init-groups env -i "${env_args[@]}" sh -c "$1"
}

as_user "$before"
"$here/user-manager.sh" start "$user" "$state"
"$here/user-manager.sh" wait "$user" "$state" 30 >/dev/null
as_user "$after"
