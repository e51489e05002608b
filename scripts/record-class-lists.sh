#!/bin/bash
# Runs real vaina commands with a scratch installation whose wrappers record the classes each JVM
# loads (-XX:DumpLoadedClassList, one file per process: ROLE.PID.classlist in the wrappers' list
# directory), so install-files.sh can dump class-data archives that hold what real commands load:
# picocli, the store, JSON, unit templates, D-Bus, a registry's HTTP and TLS (CLI); the bundle and cleanup (launcher);
# JNA (monitor).
# Usage: scripts/record-class-lists.sh SCRATCH_PREFIX STORE_DIR LIST_DIR
# The containers' part needs a systemd manager: run it where one answers (install-files.sh starts
# root's own through with-managers.sh on machines without systemd as PID 1). Without one, only the
# commands that need no manager are recorded. Failures are not errors: a missing list means no archive.
set -uo pipefail

[ $# -eq 3 ] || { echo "usage: $0 SCRATCH_PREFIX STORE_DIR LIST_DIR" >&2; exit 2; }
here=$(dirname "$(readlink -f "$0")")
vaina=("$1/bin/vaina" --root "$2/root" --runroot "$2/run")
image=localhost/vaina-archive-training:latest
name=vaina-archive-training-$$

mkdir -p "$2"
quietly() { "$@" >/dev/null 2>&1 </dev/null; }
quietly "${vaina[@]}" --version
quietly "${vaina[@]}" --help
quietly "${vaina[@]}" ps --help
quietly "${vaina[@]}" version
quietly "${vaina[@]}" ps -a
quietly "${vaina[@]}" images
"$here/make-busybox-rootfs.sh" "$2/busybox.tar"

# A pull from a registry on 127.0.0.1, cold (before the import below stores the same layer) then warm, so
# that the archive holds the HTTP client, TLS (the https attempt an insecure registry gets first) and the
# registry code. busybox's httpd serves the image as static files: a pull reads nothing else. The
# manifest's media type is in the document itself.
serve_image() { # DIR TAR: the distribution API's paths for TAR as the one-layer image training:latest
    local dir=$1 blobs=$1/v2/training/blobs layer diff_id config arch
    mkdir -p "$dir/v2/training/manifests" "$blobs" || return 1
    : > "$dir/v2/index.html"
    gzip -n -c "$2" > "$dir/layer" || return 1
    layer=$(sha256sum < "$dir/layer" | cut -d' ' -f1)
    diff_id=$(sha256sum < "$2" | cut -d' ' -f1)
    mv "$dir/layer" "$blobs/sha256:$layer"
    case "$(uname -m)" in x86_64) arch=amd64 ;; aarch64) arch=arm64 ;; *) arch=$(uname -m) ;; esac
    printf '{"architecture":"%s","os":"linux","config":{"Cmd":["sh"]},"rootfs":{"type":"layers","diff_ids":["sha256:%s"]}}' \
        "$arch" "$diff_id" > "$dir/config"
    config=$(sha256sum < "$dir/config" | cut -d' ' -f1)
    printf '{"schemaVersion":2,"mediaType":"application/vnd.oci.image.manifest.v1+json","config":{"mediaType":"application/vnd.oci.image.config.v1+json","digest":"sha256:%s","size":%s},"layers":[{"mediaType":"application/vnd.oci.image.layer.v1.tar+gzip","digest":"sha256:%s","size":%s}]}' \
        "$config" "$(stat -c %s "$dir/config")" "$layer" "$(stat -c %s "$blobs/sha256:$layer")" \
        > "$dir/v2/training/manifests/latest"
    mv "$dir/config" "$blobs/sha256:$config"
}
if [ -f "$2/busybox.tar" ] && serve_image "$2/registry" "$2/busybox.tar"; then
    for attempt in 1 2 3 4 5; do
        port=$(( 20000 + RANDOM % 30000 ))
        /bin/busybox httpd -f -p "127.0.0.1:$port" -h "$2/registry" </dev/null >/dev/null 2>&1 &
        httpd=$!
        for i in $(seq 20); do
            (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && break
            kill -0 "$httpd" 2>/dev/null || break
            sleep 0.05
        done
        if kill -0 "$httpd" 2>/dev/null; then
            quietly "${vaina[@]}" pull --tls-verify=false "127.0.0.1:$port/training:latest"
            quietly "${vaina[@]}" pull -q --tls-verify=false "127.0.0.1:$port/training:latest"
            quietly "${vaina[@]}" rmi "127.0.0.1:$port/training:latest"
            kill "$httpd" 2>/dev/null
            wait "$httpd" 2>/dev/null
            break
        fi
    done
fi
[ -f "$2/busybox.tar" ] && quietly "${vaina[@]}" import "$2/busybox.tar" "$image"
quietly "${vaina[@]}" images
quietly "${vaina[@]}" inspect "$image"
# Volumes and networks, as scripts make, list and remove them; a volume listed with containers beside it (which
# of them use it).
quietly "${vaina[@]}" volume create "$name-volume"
quietly "${vaina[@]}" create --name "$name-volume-user" -v "$name-volume:/data" "$image" true
quietly "${vaina[@]}" volume ls
quietly "${vaina[@]}" volume ls --format '{{.Name}} {{.Driver}} {{.MountCount}} {{.Labels}}'
quietly "${vaina[@]}" volume inspect "$name-volume"
quietly "${vaina[@]}" rm "$name-volume-user"
quietly "${vaina[@]}" volume rm "$name-volume"
quietly "${vaina[@]}" network create "$name-network"
quietly "${vaina[@]}" network ls
quietly "${vaina[@]}" network ls --format '{{.Name}} {{.ID}} {{.Driver}} {{.Subnets}} {{.Labels}}'
quietly "${vaina[@]}" network inspect "$name-network"
quietly "${vaina[@]}" network rm "$name-network"

manager_answers() {
    [ "$(cat /proc/1/comm 2>/dev/null)" = systemd ] && return 0
    [ -n "${DBUS_SESSION_BUS_ADDRESS:-}" ] || [ -S "${XDG_RUNTIME_DIR:-/nonexistent}/bus" ]
}
if manager_answers; then
    quietly "${vaina[@]}" run --rm "$image" true
    quietly "${vaina[@]}" run -d --name "$name" "$image" sleep 60
    quietly "${vaina[@]}" ps -a
    quietly "${vaina[@]}" ps
    quietly "${vaina[@]}" inspect "$name"
    # Go templates, as scripts read fields (--format), and a signal.
    quietly "${vaina[@]}" ps -a --format '{{.ID}} {{.Names}} {{.Status}} {{.Image}}'
    quietly "${vaina[@]}" ps -a --format '{{.Mounts}} {{.Labels}} {{.Ports}} {{.Networks}} {{.CreatedAt}}'
    quietly "${vaina[@]}" inspect --format '{{.State.Status}} {{.State.Pid}} {{json .Config.Env}}' "$name"
    quietly "${vaina[@]}" images --format '{{.Repository}}:{{.Tag}} {{.ID}}'
    quietly "${vaina[@]}" kill -s USR1 "$name"
    quietly "${vaina[@]}" info
    quietly "${vaina[@]}" logs "$name"
    quietly "${vaina[@]}" exec "$name" true
    # What scripts and people run beside those, on a running container: each read classes from the jar, or spun
    # lambdas, before the training ran it.
    quietly "${vaina[@]}" ps -a --sort names
    quietly "${vaina[@]}" ps --filter status=running
    quietly "${vaina[@]}" images --sort size
    quietly "${vaina[@]}" history "$image"
    quietly "${vaina[@]}" stats --no-stream "$name"
    quietly "${vaina[@]}" stats --no-stream --format '{{.Name}} {{.CPUPerc}} {{.MemUsage}}'
    quietly "${vaina[@]}" top "$name"
    quietly "${vaina[@]}" events --since 10m --until 0s
    quietly "${vaina[@]}" system df
    quietly "${vaina[@]}" port "$name"
    quietly "${vaina[@]}" wait --condition running "$name"
    quietly "${vaina[@]}" pause "$name"
    quietly "${vaina[@]}" unpause "$name"
    quietly "${vaina[@]}" rename "$name" "$name-renamed"
    quietly "${vaina[@]}" rename "$name-renamed" "$name"
    quietly "${vaina[@]}" update --memory 256m "$name"
    echo training > "$2/copied"
    quietly "${vaina[@]}" cp "$2/copied" "$name:/tmp/copied"
    quietly "${vaina[@]}" cp "$name:/etc/hostname" "$2/copied-hostname"
    quietly "${vaina[@]}" diff "$name"
    quietly "${vaina[@]}" generate systemd "$name"
    quietly "${vaina[@]}" commit "$name" "$image-committed"
    quietly "${vaina[@]}" tag "$image-committed" "$image-tagged"
    quietly "${vaina[@]}" save -o "$2/saved.tar" "$image-tagged"
    quietly "${vaina[@]}" rmi "$image-committed" "$image-tagged"
    quietly "${vaina[@]}" load -i "$2/saved.tar"
    quietly "${vaina[@]}" rmi "$image-tagged"
    quietly "${vaina[@]}" run -d --name "$name-health" --health-cmd true --health-interval 0 "$image" sleep 60
    quietly "${vaina[@]}" healthcheck run "$name-health"
    quietly "${vaina[@]}" rm -f -t 0 "$name-health"
    quietly "${vaina[@]}" network create "$name-network"
    quietly "${vaina[@]}" network connect "$name-network" "$name"
    quietly "${vaina[@]}" network disconnect "$name-network" "$name"
    quietly "${vaina[@]}" network rm "$name-network"
    quietly "${vaina[@]}" auto-update --dry-run
    quietly "${vaina[@]}" quadlet list
    quietly "${vaina[@]}" info --format '{{.Host.Arch}}'
    quietly "${vaina[@]}" restart -t 0 "$name"
    quietly "${vaina[@]}" stop -t 0 "$name"
    quietly "${vaina[@]}" start "$name"
    quietly "${vaina[@]}" rm -f "$name"
    quietly "${vaina[@]}" run --rm "$image" sh -c 'echo out; echo err >&2; exit 3'
    # The helpers of rootless containers' networks, whose classes a rootless monitor loads (the same as root's).
    quietly "${vaina[@]}" run --rm --network pasta "$image" true
    quietly "${vaina[@]}" run --rm --network slirp4netns "$image" true
    # Output to the unit's own: the monitor hands the container over to systemd and exits.
    quietly "${vaina[@]}" run -d --name "$name-through" --log-driver passthrough "$image" true
    quietly "${vaina[@]}" wait "$name-through"
    quietly "${vaina[@]}" rm -f "$name-through"
    # Stopped, it is cleaned up by the command that stopped it (engine.HandedOverCleanup).
    quietly "${vaina[@]}" run -d --name "$name-through" --log-driver passthrough "$image" sleep 60
    quietly "${vaina[@]}" stop -t 0 "$name-through"
    quietly "${vaina[@]}" rm -f "$name-through"
    # A pod: its unit, its slice and its infra container, and a member made, started and stopped with it.
    quietly "${vaina[@]}" pod create --name "$name-pod"
    quietly "${vaina[@]}" create --pod "$name-pod" --name "$name-member" "$image" sleep 60
    quietly "${vaina[@]}" pod start "$name-pod"
    quietly "${vaina[@]}" pod ps
    quietly "${vaina[@]}" pod inspect "$name-pod"
    quietly "${vaina[@]}" pod ps --format '{{.Name}} {{.Status}}'
    quietly "${vaina[@]}" pod top "$name-pod"
    quietly "${vaina[@]}" pod stats --no-stream "$name-pod"
    quietly "${vaina[@]}" pod stop -t 0 "$name-pod"
    quietly "${vaina[@]}" pod rm -f "$name-pod"
    quietly "${vaina[@]}" container prune -f
    quietly "${vaina[@]}" volume prune -f
    quietly "${vaina[@]}" system prune -f
fi
quietly "${vaina[@]}" rmi -f "$image"
# A unit's cleanup (ExecStopPost) may still be writing its list.
for i in $(seq 100); do
    pgrep -f "DumpLoadedClassList=$3/" >/dev/null || break
    sleep 0.1
done
exit 0
