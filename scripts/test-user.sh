#!/bin/bash
# Makes sure the non-root test user exists and can run rootless containers:
# a home, subordinate uid and gid ranges, and a /dev/net/tun that slirp4netns and pasta can open.
# Usage (as root): scripts/test-user.sh [NAME]   (default vainatest)
set -euo pipefail
user=${1:-vainatest}
[ "$(id -u)" = 0 ] || { echo "test-user: must run as root" >&2; exit 1; }

if ! id "$user" >/dev/null 2>&1; then
    useradd -m -s /bin/bash "$user"
fi
# useradd gives new users ranges; an older user may have none.
for f in /etc/subuid /etc/subgid; do
    touch "$f"
    if ! grep -q "^$user:" "$f"; then
        # The next free range of 65536 above every range already handed out.
        start=$(awk -F: 'BEGIN { m = 100000 } { e = $2 + $3; if (e > m) m = e } END { print m }' "$f")
        echo "$user:$start:65536" >> "$f"
    fi
done
# Debian leaves /dev/net/tun 0600 on these machines; usual distributions make it 0666.
if [ -c /dev/net/tun ]; then
    chmod 0666 /dev/net/tun
fi
