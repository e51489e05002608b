#!/bin/bash
# Builds vaina, installs it into a private prefix and runs the whole test suite against real
# systemd user managers, real D-Bus and real OCI runtimes.
#
#   ./test.sh [MAVEN ARGS...]      e.g. ./test.sh -o -Dtest=HarnessTest
#
# As root on a machine whose PID 1 is not systemd (build and CI machines): starts root's own
# `systemd --user` and the test user's (vainatest) in a private mount namespace and runs every test
# in both modes, rootful and rootless.
# As a non-root user whose session has a systemd user manager (a laptop): uses that session and runs
# the rootless tests only (the rootful half needs root: `sudo ./test.sh`).
# The Debian packages only the tests use (scripts/debian-packages.txt, after '# For the tests only') are
# installed first when one is missing and the caller is root; otherwise the exact apt-get line is printed.
# Environment: VAINA_BUILD_DIR (build folder, default ./target), VAINA_TEST_PREFIX (install prefix),
# VAINA_TEST_USER (default vainatest), VAINA_TEST_KEEP_STATE=1 (keep the run's state for debugging),
# VAINA_TEST_TIMEOUT (seconds a test JVM may run, default 2400).
set -euo pipefail

cd "$(dirname "$(readlink -f "$0")")"
checkout=$PWD
build_dir=${VAINA_BUILD_DIR:-$checkout/target}
# One prefix per checkout, so that test runs of two checkouts do not replace each other's jar.
prefix=${VAINA_TEST_PREFIX:-/tmp/vaina-test-prefix.$(id -u).$(echo "$checkout" | md5sum | cut -c1-8)}
test_user=${VAINA_TEST_USER:-vainatest}
maven_args=("$@")

say() { echo "test.sh: $*"; }
die() { echo "test.sh: $*" >&2; exit 1; }

for tool in java mvn runc newuidmap busybox systemctl; do
    command -v "$tool" >/dev/null || [ -x "/bin/$tool" ] || die "$tool is missing: run 'sudo ./install.sh' first"
done

# The packages only the tests use (a registry, skopeo, podman, htpasswd, ...): installed here when missing, so
# README's two commands are enough; a second run finds them all and costs no apt-get.
missing_packages=$(scripts/test-packages.sh missing)
if [ -n "$missing_packages" ]; then
    if [ "$(id -u)" = 0 ]; then
        say "installing the Debian packages the tests need: $missing_packages"
        scripts/test-packages.sh install
    else
        die "the tests need Debian packages that are not installed; install them with:
    sudo apt-get install -y --no-install-recommends $missing_packages"
    fi
fi

phase_start=$(date +%s)
say "building ($build_dir)"
mvn -B -q -Dvaina.build.dir="$build_dir" "${maven_args[@]}" package -DskipTests
build_seconds=$(( $(date +%s) - phase_start ))

scripts/install-files.sh "$prefix" "$build_dir/vaina.jar"
export VAINA_TEST_PREFIX=$prefix

# A test that hangs fails after 5 minutes (src/test/resources/junit-platform.properties); should a test JVM
# hang outside any test, Surefire kills it after this many seconds. Each test JVM runs a share of the suite,
# so this bounds that share's time, not one test's.
surefire_timeout=${VAINA_TEST_TIMEOUT:-2400}
test_cmd=(mvn -B -Dvaina.build.dir="$build_dir" -Dsurefire.timeout="$surefire_timeout" "${maven_args[@]}")

phase_start=$(date +%s)
set +e
if [ "$(id -u)" = 0 ]; then
    if [ "$(cat /proc/1/comm 2>/dev/null)" = systemd ]; then
        say "PID 1 is systemd; still using private user managers for root and $test_user, so the run cannot disturb the machine's own"
    fi
    scripts/test-user.sh "$test_user"
    say "running the whole suite, rootful (root's systemd --user) and rootless ($test_user's systemd --user)"
    scripts/with-managers.sh --root --user "$test_user" -- "${test_cmd[@]}" test
    rc=$?
else
    state=$(systemctl --user is-system-running 2>/dev/null || true)
    case "$state" in
        running|degraded) ;;
        *) die "no systemd user manager answers for $(id -un) (is-system-running: '${state:-no answer}'); log in through a systemd session, or run 'sudo ./test.sh'" ;;
    esac
    data_home=$(mktemp -d /tmp/vaina-test-data.XXXXXX)
    config_home=$(mktemp -d /tmp/vaina-test-config.XXXXXX)
    trap 'rm -rf "$data_home" "$config_home"' EXIT
    export VAINA_TEST_MODES=rootless
    export VAINA_TEST_USER=$(id -un)
    export VAINA_TEST_USER_UID=$(id -u)
    export VAINA_TEST_USER_HOME=$HOME
    export VAINA_TEST_USER_RUNTIME_DIR=${XDG_RUNTIME_DIR:-/run/user/$(id -u)}
    export VAINA_TEST_USER_DATA_HOME=$data_home
    export VAINA_TEST_USER_CONFIG_HOME=$config_home
    say "NOT root: running the ROOTLESS tests only, in $(id -un)'s own systemd --user session"
    say "(tests tagged 'rootful' are excluded; run 'sudo ./test.sh' for the whole suite)"
    "${test_cmd[@]}" -DexcludedGroups=rootful test
    rc=$?
fi
set -e
test_seconds=$(( $(date +%s) - phase_start ))
say "build ${build_seconds}s, tests ${test_seconds}s, exit code $rc"
exit $rc
