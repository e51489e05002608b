#!/bin/bash
# Makes Debian's podman usable on the build machines, as MACHINE-NOTES.md describes:
# /etc/containers/containers.conf gets `default_ulimits = []` under [containers] (podman's default
# RLIMIT_NOFILE is above the hard limit there) and `runtime = "runc"` under [engine] (crun refuses
# cgroup v1 hybrid). Nothing is written when both are already so; otherwise the file is backed up first.
set -euo pipefail
conf=${1:-/etc/containers/containers.conf}

already_set() {
    [ -f "$conf" ] || return 1
    awk '
        /^[[:space:]]*\[/ { section = $0; gsub(/[[:space:]]/, "", section) }
        section == "[containers]" && /^[[:space:]]*default_ulimits[[:space:]]*=[[:space:]]*\[[[:space:]]*\]/ { u = 1 }
        section == "[engine]" && /^[[:space:]]*runtime[[:space:]]*=[[:space:]]*"runc"/ { r = 1 }
        END { exit !(u && r) }' "$conf"
}

if already_set; then
    echo "podman-config: $conf already has default_ulimits = [] and runtime = \"runc\""
    exit 0
fi

mkdir -p "$(dirname "$conf")"
if [ -f "$conf" ]; then
    backup="$conf.vaina-bench.$(date +%Y%m%d%H%M%S).bak"
    cp -p "$conf" "$backup"
    echo "podman-config: backed up $conf to $backup"
else
    touch "$conf"
fi

# Replace the two keys where they are (a multi-line default_ulimits array included), add them to
# their sections where they are not, and add the sections where they are missing.
awk '
    function close_section() {
        if (section == "[containers]" && !u) { print "default_ulimits = []"; u = 1 }
        if (section == "[engine]" && !r) { print "runtime = \"runc\""; r = 1 }
    }
    skipping { if ($0 ~ /\]/) skipping = 0; next }
    /^[[:space:]]*\[/ {
        close_section()
        section = $0; gsub(/[[:space:]]/, "", section)
        print; next
    }
    section == "[containers]" && /^[[:space:]]*default_ulimits[[:space:]]*=/ {
        print "default_ulimits = []"; u = 1
        line = $0; sub(/^[^=]*=/, "", line)
        if (line ~ /\[/ && line !~ /\]/) skipping = 1
        next
    }
    section == "[engine]" && /^[[:space:]]*runtime[[:space:]]*=/ { print "runtime = \"runc\""; r = 1; next }
    { print }
    END {
        close_section()
        if (!u) { print ""; print "[containers]"; print "default_ulimits = []" }
        if (!r) { print ""; print "[engine]"; print "runtime = \"runc\"" }
    }' "$conf" > "$conf.new"
mv -f "$conf.new" "$conf"
chmod 0644 "$conf"
already_set || { echo "podman-config: could not set the keys in $conf" >&2; exit 1; }
echo "podman-config: $conf now has default_ulimits = [] and runtime = \"runc\""
