#!/bin/bash
# Writes a one-layer busybox root file system as a tar archive: /bin/busybox from busybox-static,
# a link per applet in /bin, /etc/passwd and /etc/group with root and app (uid 1000), /tmp (1777).
# Usage: scripts/make-busybox-rootfs.sh OUT.tar
set -euo pipefail
[ $# -eq 1 ] || { echo "usage: $0 OUT.tar" >&2; exit 2; }
out=$1
busybox=/bin/busybox
[ -x "$busybox" ] || { echo "make-busybox-rootfs: $busybox is missing (apt-get install busybox-static)" >&2; exit 1; }
# A dynamically linked busybox would need the host's libraries inside the image.
if ldd "$busybox" >/dev/null 2>&1; then
    echo "make-busybox-rootfs: $busybox is dynamically linked; install busybox-static" >&2
    exit 1
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
root="$work/rootfs"
mkdir -p "$root"/{bin,etc,root,tmp,proc,sys,dev,home/app,var}
cp "$busybox" "$root/bin/busybox"
for applet in $("$busybox" --list); do
    [ "$applet" = busybox ] || ln -sf busybox "$root/bin/$applet"
done
printf 'root:x:0:0:root:/root:/bin/sh\napp:x:1000:1000:app:/home/app:/bin/sh\nnobody:x:65534:65534:nobody:/:/bin/false\n' > "$root/etc/passwd"
printf 'root:x:0:\napp:x:1000:\nnogroup:x:65534:\n' > "$root/etc/group"
chmod 1777 "$root/tmp"
chmod 0700 "$root/root"
if [ "$(id -u)" = 0 ]; then
    chown 1000:1000 "$root/home/app"
    owner=()
else
    # Without root the files cannot carry other owners; root owns everything in the image then.
    owner=(--owner=0 --group=0)
fi
tar --numeric-owner "${owner[@]}" -C "$root" -cf "$out.new" .
mv -f "$out.new" "$out"
chmod 0644 "$out"
