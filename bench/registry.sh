# Sourced by bench/run.sh: Debian's real registry (/usr/bin/docker-registry, plain HTTP on 127.0.0.1
# and a free port, storage under the bench's work directory) holding a four-layer image pushed with
# skopeo: the busybox root file system and three layers of 8 MiB of random data each (incompressible,
# so the transfer and the digests cost what the sizes say).
# bench_registry WORK TOP: sets registry_image (HOST:PORT/bench:1), registry_mib and registry_pid;
# the caller kills registry_pid when it is done.

bench_registry() {
    local work=$1 top=$2 layout="$1/layout" layer_descriptors="" diff_ids="" i arch config manifest manifest_size
    command -v skopeo >/dev/null || die "skopeo is missing (apt-get install skopeo): it pushes the image"
    command -v curl >/dev/null || die "curl is missing (apt-get install curl): it waits for the registry"
    [ -x /usr/bin/docker-registry ] || die "/usr/bin/docker-registry is missing (apt-get install docker-registry)"
    mkdir -p "$layout/blobs/sha256"
    sha() { sha256sum "$1" | cut -d' ' -f1; }
    size() { stat -c %s "$1"; }
    add_blob() { # FILE: moves FILE into the layout's blobs, prints its digest (hex)
        local d; d=$(sha "$1")
        mv -f "$1" "$layout/blobs/sha256/$d"
        echo "$d"
    }
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

    local port="" attempt
    for attempt in 1 2 3 4 5 6 7 8 9 10; do
        local candidate=$(( 20000 + RANDOM % 30000 ))
        if bench_registry_start "$work" "$candidate"; then port=$candidate; break; fi
    done
    [ -n "$port" ] || die "found no free port for the registry on 127.0.0.1 in 10 attempts"
    registry_image="127.0.0.1:$port/bench:1"
    skopeo copy -q --dest-tls-verify=false "oci:$layout:bench" "docker://$registry_image" > "$work/skopeo.log" 2>&1 \
        || die "skopeo could not push the image to $registry_image: $(tail -n 5 "$work/skopeo.log")"
    registry_mib=$(cat "$layout"/blobs/sha256/* | wc -c | awk '{ printf "%.0f", $1 / 1048576 }')
}

bench_registry_start() { # WORK PORT: starts the registry; 0 once GET /v2/ answers, 2 if the port is taken
    local work=$1 port=$2 i
    mkdir -p "$work/registry/storage"
    printf 'version: 0.1\nlog:\n  level: warn\nstorage:\n  filesystem:\n    rootdirectory: %s\n  maintenance:\n    uploadpurging:\n      enabled: false\nhttp:\n  addr: 127.0.0.1:%s\n  secret: vaina-bench-secret\n' \
        "$work/registry/storage" "$port" > "$work/registry/config.yml"
    /usr/bin/docker-registry serve "$work/registry/config.yml" > "$work/registry/log" 2>&1 < /dev/null &
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
