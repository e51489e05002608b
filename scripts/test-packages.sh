#!/bin/bash
# The Debian packages only the tests need: the list after '# For the tests only' in
# scripts/debian-packages.txt (install.sh installs the part before it).
#
#   scripts/test-packages.sh missing    prints those not installed, on one line (nothing when all are)
#   scripts/test-packages.sh install    as root: installs the missing ones with one apt-get install, and
#                                       runs no apt-get at all when none is missing
set -euo pipefail
cd "$(dirname "$(readlink -f "$0")")/.."

wanted() {
    sed -n '/^# For the tests only/,$p' scripts/debian-packages.txt | sed 's/#.*//' | tr -s ' \t' '\n' | sed '/^$/d'
}

# dpkg-query prints nothing for a package it has never heard of, and a status other than "installed" for one
# that was removed (its configuration files kept) or half-installed: both count as missing.
missing() {
    local packages installed
    packages=$(wanted)
    installed=$(dpkg-query -W -f='${Package} ${db:Status-Status}\n' $packages 2>/dev/null | awk '$2 == "installed" { print $1 }' || true)
    for package in $packages; do
        grep -qx -- "$package" <<<"$installed" || echo "$package"
    done | tr '\n' ' ' | sed 's/ $//'
}

case "${1:-}" in
    missing)
        missing
        echo
        ;;
    install)
        [ "$(id -u)" = 0 ] || { echo "test-packages.sh: install needs root" >&2; exit 1; }
        packages=$(missing)
        [ -n "$packages" ] || exit 0
        export DEBIAN_FRONTEND=noninteractive
        # Without package lists (a fresh machine) apt-get cannot find anything: fetch them first.
        if ! compgen -G '/var/lib/apt/lists/*_Packages' >/dev/null; then
            apt-get update -q
        fi
        apt-get install -y -q --no-install-recommends $packages </dev/null
        ;;
    *)
        echo "usage: scripts/test-packages.sh missing|install" >&2
        exit 2
        ;;
esac
