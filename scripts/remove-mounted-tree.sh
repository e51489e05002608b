#!/bin/bash
# Removes directories that may hold mount points: a store's overlays, or the run root's netns directory, which a
# rootful container's start leaves a shared mount of its own (as /run/netns stays). What is mounted under each is
# unmounted first, deepest first (lazily: nothing may still use it), then the directory goes. Never fails.
# Usage: scripts/remove-mounted-tree.sh DIR...
for dir in "$@"; do
    [ -n "$dir" ] || continue
    awk -v dir="${dir%/}/" 'index($5, dir) == 1 { print $5 }' /proc/self/mountinfo | sort -r | while read -r mount; do
        umount --lazy "$mount" 2>/dev/null
    done
    rm -rf "$dir"
done
exit 0
