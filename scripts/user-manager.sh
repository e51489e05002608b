#!/bin/bash
# Starts and stops a real `systemd --user` manager (with its D-Bus session bus) for USER on a
# machine whose PID 1 is not systemd. Run as root inside a private mount namespace where
# /run/systemd/system exists and /run/user is private: scripts/with-managers.sh sets that up.
#
#   user-manager.sh start USER STATE_DIR     start the manager in a cgroup subtree delegated to USER
#   user-manager.sh wait  USER STATE_DIR [S] wait up to S seconds (10) for running or degraded
#   user-manager.sh stop  USER STATE_DIR     stop it, kill what is left in its cgroups, remove them
#   user-manager.sh env   USER STATE_DIR     print the environment that reaches this manager
#
# USER's XDG_DATA_HOME and XDG_CONFIG_HOME are fresh directories under STATE_DIR/USER, so nothing
# from an earlier run is seen; the manager and every command run for USER share them.
set -euo pipefail

die() { echo "user-manager: $*" >&2; exit 1; }
[ $# -ge 3 ] || die "usage: $0 start|wait|stop|env USER STATE_DIR [SECONDS]"
action=$1 user=$2 state=$3
uid=$(id -u "$user") || die "no such user: $user"
gid=$(id -g "$user")
home=$(getent passwd "$user" | cut -d: -f6)
dir="$state/$user"
# VAINA_MANAGER_RUNTIME_DIR: another runtime directory, for a second, private manager of the same user (a
# test that restarts "its" manager without disturbing the one other tests use).
runtime_dir="${VAINA_MANAGER_RUNTIME_DIR:-/run/user/$uid}"
# cgroup v1/hybrid: the named systemd hierarchy and the cgroup2 tree; pure cgroup v2: the one tree.
if [ -f /sys/fs/cgroup/cgroup.controllers ]; then
    hierarchies="."
else
    hierarchies="systemd unified"
fi
path=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin

cgroup_of() { # HIERARCHY -> the cgroup this manager owns there
    echo "/sys/fs/cgroup/$1/vaina-managers/$(basename "$state")/user@$uid.service"
}

print_env() {
    echo "HOME=$home"
    echo "USER=$user"
    echo "LOGNAME=$user"
    echo "PATH=$path"
    echo "XDG_RUNTIME_DIR=$runtime_dir"
    echo "XDG_DATA_HOME=$dir/data"
    echo "XDG_CONFIG_HOME=$dir/config"
    echo "DBUS_SESSION_BUS_ADDRESS=unix:path=$runtime_dir/bus"
}

as_user() { # CMD...: run CMD as USER with the manager's environment and nothing else
    local env_args
    mapfile -t env_args < <(print_env)
    setpriv --reuid="$uid" --regid="$gid" --init-groups env -i "${env_args[@]}" "$@"
}

start() {
    [ "$(id -u)" = 0 ] || die "start must run as root (it delegates a cgroup subtree to $user)"
    [ -d /run/systemd/system ] || die "/run/systemd/system is missing: run inside scripts/with-managers.sh"
    if [ -f "$dir/pid" ] && kill -0 "$(cat "$dir/pid")" 2>/dev/null; then
        die "a manager for $user is already running (pid $(cat "$dir/pid"))"
    fi
    install -d -m 0755 "$state"
    install -d -m 0700 -o "$uid" -g "$gid" "$dir" "$dir/data" "$dir/config"
    install -d -m 0755 "$(dirname "$runtime_dir")"
    install -d -m 0700 -o "$uid" -g "$gid" "$runtime_dir"
    local h cg
    for h in $hierarchies; do
        [ -d "/sys/fs/cgroup/$h" ] || continue
        cg=$(cgroup_of "$h")
        mkdir -p "$cg"
        chown -R "$uid:$gid" "$cg"
    done
    # The subshell moves itself into the delegated cgroups, then becomes the manager.
    (
        for h in $hierarchies; do
            [ -d "/sys/fs/cgroup/$h" ] || continue
            echo "$BASHPID" > "$(cgroup_of "$h")/cgroup.procs"
        done
        exec setpriv --reuid="$uid" --regid="$gid" --init-groups \
            env -i $(print_env) /usr/lib/systemd/systemd --user
    ) </dev/null >>"$dir/manager.log" 2>&1 &
    echo $! > "$dir/pid"
}

wait_running() {
    local seconds=${1:-10} state_now=""
    local deadline=$(( $(date +%s) + seconds ))
    while [ "$(date +%s)" -lt "$deadline" ]; do
        if [ -f "$dir/pid" ] && ! kill -0 "$(cat "$dir/pid")" 2>/dev/null; then
            die "the manager for $user exited; its log ($dir/manager.log): $(tail -n 20 "$dir/manager.log" 2>/dev/null)"
        fi
        state_now=$(as_user systemctl --user is-system-running 2>/dev/null || true)
        case "$state_now" in
            running|degraded) echo "systemd --user for $user: $state_now"; return 0 ;;
        esac
        sleep 0.2
    done
    die "the manager for $user was not running after ${seconds}s (last state: '${state_now:-no answer}'); log: $(tail -n 20 "$dir/manager.log" 2>/dev/null)"
}

kill_cgroups() {
    local h cg pids round
    for round in 1 2 3 4 5 6 7 8 9 10; do
        pids=""
        for h in $hierarchies; do
            cg=$(cgroup_of "$h")
            [ -d "$cg" ] || continue
            pids+=" $(find "$cg" -name cgroup.procs -exec cat {} + 2>/dev/null | tr '\n' ' ')"
        done
        [ -n "${pids// /}" ] || break
        kill -KILL $pids 2>/dev/null || true
        sleep 0.1
    done
    for h in $hierarchies; do
        cg=$(cgroup_of "$h")
        [ -d "$cg" ] && find "$cg" -depth -type d -exec rmdir {} \; 2>/dev/null || true
        rmdir "$(dirname "$cg")" "$(dirname "$(dirname "$cg")")" 2>/dev/null || true
    done
}

stop() {
    local pid i
    if [ -f "$dir/pid" ]; then
        pid=$(cat "$dir/pid")
        # SIGTERM makes a user manager start exit.target: units are stopped the ordinary way.
        kill -TERM "$pid" 2>/dev/null || true
        for i in $(seq 50); do
            kill -0 "$pid" 2>/dev/null || break
            sleep 0.1
        done
        rm -f "$dir/pid"
    fi
    kill_cgroups
}

case "$action" in
    start) start ;;
    wait) wait_running "${4:-10}" ;;
    stop) stop ;;
    env) print_env ;;
    *) die "unknown action $action (start|wait|stop|env)" ;;
esac
