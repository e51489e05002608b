#!/bin/bash
# Installs vaina on Debian 12: the packages it runs with, the build, and the files under a prefix.
# Run as root from a checkout:   sudo ./install.sh [--prefix DIR] [--no-packages] [--no-demo]
#   --prefix DIR     install under DIR (default /usr/local): DIR/bin/vaina, DIR/lib/vaina/...
#   --no-packages    do not run apt-get (the packages are already there)
#   --no-demo        do not import and run the busybox demo container at the end
# Running it again updates the installation in place.
set -euo pipefail

cd "$(dirname "$(readlink -f "$0")")"
prefix=/usr/local
packages=true
demo=true
while [ $# -gt 0 ]; do
    case "$1" in
        --prefix) [ $# -ge 2 ] || { echo "install.sh: --prefix needs a directory" >&2; exit 2; }; prefix=$2; shift 2 ;;
        --prefix=*) prefix=${1#--prefix=}; shift ;;
        --no-packages) packages=false; shift ;;
        --no-demo) demo=false; shift ;;
        -h|--help) sed -n '2,7p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "install.sh: unknown option $1 (try --help)" >&2; exit 2 ;;
    esac
done

say() { echo "install.sh: $*"; }

if $packages; then
    [ "$(id -u)" = 0 ] || { echo "install.sh: installing packages needs root: sudo ./install.sh (or --no-packages)" >&2; exit 1; }
    say "installing Debian packages"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -q
    apt-get install -y -q --no-install-recommends $(sed -e '/^# For the tests only/,$d' -e 's/#.*//' scripts/debian-packages.txt)
fi

say "building (mvn package)"
if [ -n "${SUDO_USER:-}" ] && [ "$SUDO_USER" != root ]; then
    # Build as the user who called sudo, so that target/ and ~/.m2 stay theirs for ./test.sh.
    runuser -u "$SUDO_USER" -- mvn -B -q package -DskipTests
else
    mvn -B -q package -DskipTests
fi

if [ ! -w "$(dirname "$prefix")" ] && [ ! -w "$prefix" ]; then
    echo "install.sh: cannot write to $prefix: run with sudo or choose --prefix" >&2
    exit 1
fi
scripts/install-files.sh "$prefix" target/vaina.jar
vaina="$prefix/bin/vaina"

# The static units (units/): the boot-time repair and the restart of --restart=always containers, for every
# user's manager and for the system manager. systemd looks in /usr/local/lib/systemd/{user,system} and
# /usr/lib/...; from any other prefix they are linked into /etc/systemd.
boot_units="vaina-reconcile.service vaina-restart.service"
if [ "$(id -u)" = 0 ]; then
    case "$prefix" in
        /usr|/usr/local) ;;
        *)
            install -d -m 0755 /etc/systemd/user /etc/systemd/system
            for unit in "$prefix"/lib/systemd/user/*; do ln -sf "$unit" /etc/systemd/user/; done
            for unit in "$prefix"/lib/systemd/system/*; do ln -sf "$unit" /etc/systemd/system/; done
            ;;
    esac
    if systemctl --global enable $boot_units >/dev/null 2>&1; then
        say "enabled for every user's systemd manager: $boot_units"
    else
        say "could not enable $boot_units for users' managers (systemctl --global enable failed)"
    fi
    if [ "$(cat /proc/1/comm 2>/dev/null)" = systemd ] && systemctl enable $boot_units >/dev/null 2>&1; then
        say "enabled for the system manager: $boot_units"
    fi
    # As Debian's podman package enables podman-auto-update.timer: for the system manager, not for users'
    # managers, where `systemctl --user enable vaina-auto-update.timer` turns it on.
    if [ "$(cat /proc/1/comm 2>/dev/null)" = systemd ] && systemctl enable vaina-auto-update.timer >/dev/null 2>&1; then
        say "enabled for the system manager: vaina-auto-update.timer"
    fi
else
    user_units="${XDG_CONFIG_HOME:-$HOME/.config}/systemd/user"
    install -d -m 0755 "$user_units"
    for unit in "$prefix"/lib/systemd/user/*; do ln -sf "$unit" "$user_units/"; done
    if systemctl --user enable $boot_units >/dev/null 2>&1; then
        say "enabled for your systemd manager: $boot_units"
    else
        say "could not enable $boot_units (is your systemd user manager running?)"
    fi
fi
# vaina-network-online.service is not enabled: the units that need the network (those of definition files,
# vaina-restart.service) pull it in themselves.

# The definition-file generator, where systemd's managers look for generators (systemd.generator(7)): the
# user managers run it at login and daemon-reload, the system manager at boot and daemon-reload.
if [ "$(id -u)" = 0 ]; then
    for dir in /usr/lib/systemd/user-generators /usr/lib/systemd/system-generators; do
        install -d -m 0755 "$dir"
        ln -sfn "$prefix/lib/vaina/vaina-generator" "$dir/vaina-generator"
        say "linked the definition-file generator: $dir/vaina-generator"
    done
else
    say "not root: the definition-file generator is not linked into /usr/lib/systemd/*-generators; as root:"
    say "  ln -s $prefix/lib/vaina/vaina-generator /usr/lib/systemd/user-generators/vaina-generator"
fi

bus_reachable() {
    [ "$(cat /proc/1/comm 2>/dev/null)" = systemd ] && return 0
    [ -n "${DBUS_SESSION_BUS_ADDRESS:-}" ] && return 0
    [ -n "${XDG_RUNTIME_DIR:-}" ] && [ -S "$XDG_RUNTIME_DIR/bus" ] && return 0
    return 1
}

if $demo; then
    if bus_reachable; then
        say "trying it: a busybox container"
        tarball=$(mktemp /tmp/vaina-busybox.XXXXXX.tar)
        trap 'rm -f "$tarball"' EXIT
        scripts/make-busybox-rootfs.sh "$tarball"
        "$vaina" import "$tarball" localhost/busybox:latest
        output=$("$vaina" run --rm localhost/busybox echo "vaina works")
        echo "$output"
        if [ "$output" != "vaina works" ]; then
            echo "install.sh: the demo container did not print 'vaina works' (see above)" >&2
            exit 1
        fi
    else
        say "installed. No systemd manager bus is reachable from here (PID 1 is not systemd and there is no"
        say "session bus), so the demo was not run. As a user with a systemd session, try:"
        say "  scripts/make-busybox-rootfs.sh /tmp/busybox.tar"
        say "  $vaina import /tmp/busybox.tar localhost/busybox:latest"
        say "  $vaina run --rm localhost/busybox echo \"vaina works\""
        say "(as root on a machine without systemd as PID 1, run those inside"
        say " scripts/with-managers.sh --root -- bash, which starts root's own systemd --user)"
    fi
fi
say "done: $vaina"
