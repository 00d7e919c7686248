#!/bin/sh
# Runs a test binary under its own D-Bus session with an unlocked
# gnome-keyring Secret Service, in a private temporary HOME, so keychain
# tests neither need nor touch the user's keyring. RELAIS_REQUIRE_KEYRING=1
# tells the tests to fail, not skip, when the keyring does not answer.
#
#   run-with-keyring.sh TEST-BINARY [ARGS...]
set -eu

if ! command -v dbus-run-session >/dev/null || ! command -v gnome-keyring-daemon >/dev/null; then
    echo "run-with-keyring.sh: dbus-run-session or gnome-keyring-daemon missing" >&2
    exit 1
fi

home=$(mktemp -d "${TMPDIR:-/tmp}/relais-keyring.XXXXXX")
trap 'rm -rf "$home"' EXIT INT TERM
mkdir -p "$home/.local/share/keyrings" "$home/.cache" "$home/runtime"
chmod 700 "$home/runtime"

# Not exec: the trap removes the temporary HOME afterwards. The daemon dies
# with the private bus when dbus-run-session ends.
status=0
env HOME="$home" XDG_DATA_HOME="$home/.local/share" XDG_CACHE_HOME="$home/.cache" \
    XDG_RUNTIME_DIR="$home/runtime" RELAIS_REQUIRE_KEYRING=1 \
    dbus-run-session -- sh -c \
    'echo -n PASS | gnome-keyring-daemon --unlock --components=secrets >/dev/null; exec "$@"' \
    sh "$@" || status=$?
exit "$status"
