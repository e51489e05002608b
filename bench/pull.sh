#!/bin/bash
# Measures `pull` of vaina against Podman's on this machine, in the same run, from Debian's real
# registry (/usr/bin/docker-registry, plain HTTP on 127.0.0.1 and a free port, storage in a temporary
# directory) holding a four-layer image pushed with skopeo: the busybox root file system and three
# layers of 8 MiB of random data each (incompressible, so the transfer and the digests cost what the
# sizes say).
#   cold: the store has nothing (a fresh --root and --runroot for every run);
#   warm: the image is already there (a second pull into the same store).
# Runs alternate between the engines, so a machine whose load changes treats both alike.
# Usage (as root): bench/pull.sh [-n N] [--prefix DIR]   (DIR holds bin/vaina, default /usr/local)
# Pull starts no container, so no systemd manager is needed.
set -euo pipefail

here=$(dirname "$(readlink -f "$0")")
top=$(dirname "$here")
runs=5
prefix=/usr/local
while [ $# -gt 0 ]; do
    case "$1" in
        -n) [ $# -ge 2 ] || { echo "bench: -n needs a number" >&2; exit 2; }; runs=$2; shift 2 ;;
        --prefix) [ $# -ge 2 ] || { echo "bench: --prefix needs a directory" >&2; exit 2; }; prefix=$2; shift 2 ;;
        *) echo "bench: unknown option $1 (usage: $0 [-n N] [--prefix DIR])" >&2; exit 2 ;;
    esac
done
die() { echo "bench: $*" >&2; exit 1; }
[[ "$runs" =~ ^[1-9][0-9]*$ ]] || die "-n takes a positive number, not '$runs'"
[ "$(id -u)" = 0 ] || die "run as root (it compares rootful vaina with rootful podman)"
vaina="$prefix/bin/vaina"
[ -x "$vaina" ] || die "$vaina is missing: run 'sudo ./install.sh' or pass --prefix"
command -v podman >/dev/null || die "podman is missing (apt-get install podman): it is the baseline"
command -v skopeo >/dev/null || die "skopeo is missing (apt-get install skopeo): it pushes the image"
command -v curl >/dev/null || die "curl is missing (apt-get install curl): it waits for the registry"
registry_bin=/usr/bin/docker-registry
[ -x "$registry_bin" ] || die "$registry_bin is missing (apt-get install docker-registry)"

podman=(podman)
if [ "$(cat /proc/1/comm 2>/dev/null)" != systemd ]; then
    # As bench/run.sh: without a system manager podman must not try to reach one.
    podman+=(--cgroup-manager=cgroupfs --events-backend=file)
fi

# Short paths: podman refuses a runroot longer than 50 characters.
work=$(mktemp -d /tmp/vaina-pull.XXXXXX)
registry_pid=""
cleanup() {
    if [ -n "$registry_pid" ]; then
        kill "$registry_pid" 2>/dev/null || true
        wait "$registry_pid" 2>/dev/null || true
    fi
    # A store's driver may have left a mount under the work directory; deepest first.
    awk -v w="$work/" 'index($5, w) == 1 { print $5 }' /proc/self/mountinfo | sort -r | while read -r m; do
        umount -l "$m" 2>/dev/null || true
    done
    rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

echo "== vaina $("$vaina" version 2>/dev/null | head -n 1 || true); $(podman --version); $(nproc) cores; kernel $(uname -r)"

# --- the image, as an OCI layout written by hand -------------------------------------------------
layout="$work/layout"
mkdir -p "$layout/blobs/sha256"
sha() { sha256sum "$1" | cut -d' ' -f1; }
size() { stat -c %s "$1"; }
add_blob() { # FILE: moves FILE into the layout's blobs, prints its digest (hex)
    local d; d=$(sha "$1")
    mv -f "$1" "$layout/blobs/sha256/$d"
    echo "$d"
}
layer_descriptors="" diff_ids=""
add_layer() { # TAR: adds TAR gzipped as a layer
    local diff_id digest
    diff_id=$(sha "$1")
    gzip -n -c "$1" > "$1.gz"
    digest=$(add_blob "$1.gz")
    rm -f "$1"
    layer_descriptors+="${layer_descriptors:+,}{\"mediaType\":\"application/vnd.oci.image.layer.v1.tar+gzip\",\"digest\":\"sha256:$digest\",\"size\":$(size "$layout/blobs/sha256/$digest")}"
    diff_ids+="${diff_ids:+,}\"sha256:$diff_id\""
}
"$top/scripts/make-busybox-rootfs.sh" "$work/layer0.tar"
add_layer "$work/layer0.tar"
for i in 1 2 3; do
    mkdir -p "$work/data$i/data"
    head -c $((8 * 1024 * 1024)) /dev/urandom > "$work/data$i/data/random-$i"
    tar --numeric-owner --owner=0 --group=0 -C "$work/data$i" -cf "$work/layer$i.tar" data
    rm -rf "$work/data$i"
    add_layer "$work/layer$i.tar"
done
case "$(uname -m)" in
    x86_64) arch=amd64 ;;
    aarch64) arch=arm64 ;;
    *) arch=$(uname -m) ;;
esac
printf '{"architecture":"%s","os":"linux","config":{"Cmd":["/bin/sh"]},"rootfs":{"type":"layers","diff_ids":[%s]}}' \
    "$arch" "$diff_ids" > "$work/config.json"
config=$(add_blob "$work/config.json")
printf '{"schemaVersion":2,"mediaType":"application/vnd.oci.image.manifest.v1+json","config":{"mediaType":"application/vnd.oci.image.config.v1+json","digest":"sha256:%s","size":%s},"layers":[%s]}' \
    "$config" "$(size "$layout/blobs/sha256/$config")" "$layer_descriptors" > "$work/manifest.json"
manifest_size=$(size "$work/manifest.json")
manifest=$(add_blob "$work/manifest.json")
printf '{"imageLayoutVersion":"1.0.0"}' > "$layout/oci-layout"
printf '{"schemaVersion":2,"manifests":[{"mediaType":"application/vnd.oci.image.manifest.v1+json","digest":"sha256:%s","size":%s,"annotations":{"org.opencontainers.image.ref.name":"bench"}}]}' \
    "$manifest" "$manifest_size" > "$layout/index.json"

# --- the registry --------------------------------------------------------------------------------
start_registry() { # PORT: starts the registry, returns 0 once GET /v2/ answers, 2 if the port is taken
    local port=$1 i
    mkdir -p "$work/registry/storage"
    printf 'version: 0.1\nlog:\n  level: warn\nstorage:\n  filesystem:\n    rootdirectory: %s\n  maintenance:\n    uploadpurging:\n      enabled: false\nhttp:\n  addr: 127.0.0.1:%s\n  secret: vaina-bench-secret\n' \
        "$work/registry/storage" "$port" > "$work/registry/config.yml"
    "$registry_bin" serve "$work/registry/config.yml" > "$work/registry/log" 2>&1 < /dev/null &
    registry_pid=$!
    for i in $(seq 200); do
        if ! kill -0 "$registry_pid" 2>/dev/null; then
            wait "$registry_pid" 2>/dev/null || true
            registry_pid=""
            grep -q 'address already in use' "$work/registry/log" && return 2
            die "the registry exited before answering on 127.0.0.1:$port; its log: $(tail -n 5 "$work/registry/log")"
        fi
        curl -fsS -o /dev/null "http://127.0.0.1:$port/v2/" 2>/dev/null && return 0
        sleep 0.05
    done
    die "the registry did not answer GET http://127.0.0.1:$port/v2/ within 10 s; its log: $(tail -n 5 "$work/registry/log")"
}
port=""
for attempt in 1 2 3 4 5 6 7 8 9 10; do
    candidate=$(( 20000 + RANDOM % 30000 ))
    if start_registry "$candidate"; then port=$candidate; break; fi
done
[ -n "$port" ] || die "found no free port for the registry on 127.0.0.1 in 10 attempts"
image="127.0.0.1:$port/bench:1"
skopeo copy -q --dest-tls-verify=false "oci:$layout:bench" "docker://$image" > "$work/skopeo.log" 2>&1 \
    || die "skopeo could not push the image to $image: $(tail -n 5 "$work/skopeo.log")"
compressed=$(cat "$layout"/blobs/sha256/* | wc -c)
echo "== image $image: 4 gzip layers (busybox + 3 x 8 MiB random), $(awk -v b="$compressed" 'BEGIN { printf "%.1f", b / 1048576 }') MiB of blobs"

# --- the pulls -----------------------------------------------------------------------------------
now_ns() { date +%s%N; }
vaina_pull() { # STORE
    "$vaina" --root "$1/root" --runroot "$1/runroot" pull -q --tls-verify=false "$image"
}
podman_pull() { # STORE (its own tmpdir too, so nothing of the machine's /run/libpod is used or changed)
    "${podman[@]}" --root "$1/root" --runroot "$1/runroot" --tmpdir "$1/tmp" pull -q --tls-verify=false "$image"
}
vaina_has() { "$vaina" --root "$1/root" --runroot "$1/runroot" image exists "$image"; }
podman_has() { "${podman[@]}" --root "$1/root" --runroot "$1/runroot" --tmpdir "$1/tmp" image exists "$image"; }

timed() { # NAME RUN STORE KIND: runs NAME_pull STORE, appends its wall nanoseconds to $work/NAME-KIND.times
    local name=$1 run=$2 store=$3 start end
    start=$(now_ns)
    "${name}_pull" "$store" > "$work/$name.out" 2>&1 \
        || die "$name pull failed on run $run (store $store): $(tail -n 5 "$work/$name.out")"
    end=$(now_ns)
    echo $(( end - start )) >> "$work/$name-$4.times"
}
for run in $(seq "$runs"); do
    for engine in vaina podman; do
        store="$work/$engine$run"
        mkdir -p "$store"
        timed "$engine" "$run" "$store" cold
        # A pull that stored nothing is not a pull: check before it counts.
        "${engine}_has" "$store" > "$work/$engine.out" 2>&1 \
            || die "$engine pull ended without $image in its store $store: $(tail -n 5 "$work/$engine.out")"
        timed "$engine" "$run" "$store" warm
        "${engine}_has" "$store" > /dev/null 2>&1 || die "$engine lost $image on its second pull"
        if [ "$engine" = podman ]; then
            # Before its directory goes: podman's overlay driver may hold mounts there.
            "${podman[@]}" --root "$store/root" --runroot "$store/runroot" --tmpdir "$store/tmp" \
                rmi -a -f > /dev/null 2>&1 || true
            awk -v w="$store/" 'index($5, w) == 1 { print $5 }' /proc/self/mountinfo | sort -r | while read -r m; do
                umount -l "$m" 2>/dev/null || true
            done
        fi
        rm -rf "$store"
    done
done

mean_s() { awk '{ s += $1; n++ } END { printf "%.3f", s / n / 1e9 }' "$1"; }
for kind in cold warm; do
    case "$kind" in
        cold) echo "== cold pull $image (empty store), mean of $runs" ;;
        warm) echo "== warm pull $image (image already stored), mean of $runs" ;;
    esac
    vaina_s=$(mean_s "$work/vaina-$kind.times")
    podman_s=$(mean_s "$work/podman-$kind.times")
    echo "vaina  $vaina_s s"
    echo "podman $podman_s s"
    awk -v v="$vaina_s" -v p="$podman_s" 'BEGIN { printf "ratio vaina/podman %.2f\n", v / p }'
done
