#!/bin/bash
# Installs vaina's jar and its wrapper scripts under PREFIX, world-readable:
#   PREFIX/lib/vaina/vaina.jar, PREFIX/lib/vaina/vaina-launcher, PREFIX/bin/vaina,
#   PREFIX/lib/vaina/vaina-cli.jsa (AppCDS archive for the CLI, when it can be built).
# Usage: scripts/install-files.sh PREFIX JAR
set -euo pipefail

if [ $# -ne 2 ]; then
    echo "usage: $0 PREFIX JAR" >&2
    exit 2
fi
prefix=$(realpath -m "$1")
jar=$2
[ -f "$jar" ] || { echo "install-files: $jar does not exist (build first: mvn -B package -DskipTests)" >&2; exit 1; }

# systemd user managers run ExecStart with a minimal PATH, so the wrappers name java by absolute path.
java_cmd=$(command -v java || true)
[ -n "$java_cmd" ] || { echo "install-files: no java on PATH (install openjdk-17-jre-headless)" >&2; exit 1; }
java=$(readlink -f "$java_cmd")

lib="$prefix/lib/vaina"
umask 022
install -d -m 0755 "$prefix/bin" "$lib"
install -m 0644 "$jar" "$lib/vaina.jar.new"
mv -f "$lib/vaina.jar.new" "$lib/vaina.jar"

write_script() { # PATH CONTENT: written beside, then renamed, so a running wrapper is never half-written
    printf '%s\n' "$2" > "$1.new"
    chmod 0755 "$1.new"
    mv -f "$1.new" "$1"
}

write_script "$prefix/bin/vaina" "#!/bin/sh
# vaina command line; the class-data archive is used when install built one.
jsa='$lib/vaina-cli.jsa'
if [ -r \"\$jsa\" ]; then
    exec '$java' -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xshare:auto -XX:SharedArchiveFile=\"\$jsa\" -cp '$lib/vaina.jar' dev.vaina.cli.Main \"\$@\"
fi
exec '$java' -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xshare:auto -cp '$lib/vaina.jar' dev.vaina.cli.Main \"\$@\""

write_script "$lib/vaina-launcher" "#!/bin/sh
# Run by systemd (ExecStart=/ExecStopPost=); it execs the monitor, so its heap stays small.
exec '$java' -Xmx32m -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:-UsePerfData -cp '$lib/vaina.jar' dev.vaina.launch.Launcher \"\$@\""

# JNA's native part, unpacked once: monitors then map one shared copy instead of each unpacking its
# own into a temp file (measured: about 2.7 MiB less PSS per monitor, and a faster start).
rm -rf "$lib/jna"
jna_entry=$(unzip -Z1 "$lib/vaina.jar" 2>/dev/null | grep -E "^com/sun/jna/linux-$(uname -m | sed 's/_/-/')/libjnidispatch.so$" || true)
if [ -z "$jna_entry" ] && command -v jar >/dev/null; then
    jna_entry=$(jar tf "$lib/vaina.jar" | grep -E "^com/sun/jna/linux-$(uname -m | sed 's/_/-/')/libjnidispatch.so$" || true)
fi
if [ -n "$jna_entry" ]; then
    tmp_jna=$(mktemp -d)
    (cd "$tmp_jna" && { unzip -q "$lib/vaina.jar" "$jna_entry" 2>/dev/null || jar xf "$lib/vaina.jar" "$jna_entry"; })
    install -d -m 0755 "$lib/jna"
    install -m 0644 "$tmp_jna/$jna_entry" "$lib/jna/libjnidispatch.so"
    rm -rf "$tmp_jna"
fi

# The archive is rebuilt for every jar: a stale one would be refused by the JVM anyway (and cost a warning).
rm -f "$lib/vaina-cli.jsa"
tmp_jsa="$lib/vaina-cli.jsa.new"
rm -f "$tmp_jsa"
# Trained on commands that need no systemd manager, against a scratch store; their exit codes do
# not matter: the archive is dumped at exit either way.
train_root=$(mktemp -d)
"$java" -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:ArchiveClassesAtExit="$tmp_jsa" \
    -cp "$lib/vaina.jar" dev.vaina.cli.Main --root "$train_root/data" --runroot "$train_root/run" ps -a \
    >/dev/null 2>&1 </dev/null || true
rm -rf "$train_root"
if [ -s "$tmp_jsa" ]; then
    chmod 0644 "$tmp_jsa"
    mv -f "$tmp_jsa" "$lib/vaina-cli.jsa"
else
    rm -f "$tmp_jsa"
fi

echo "installed vaina into $prefix (java: $java, class-data archive: $([ -f "$lib/vaina-cli.jsa" ] && echo yes || echo no))"
