#!/bin/sh
# Runs a test program on its own X server (Xvfb) with a system tray host
# (trayer), so that QSystemTrayIcon has a real tray to embed in.
#
#   run-with-tray.sh PROGRAM [ARGS...]
#
# Xvfb picks a free display itself (-displayfd). Both helpers are stopped
# by their process id when the test ends, whatever its outcome.
set -u

if [ $# -lt 1 ]; then
    echo "usage: $0 PROGRAM [ARGS...]" >&2
    exit 2
fi
for tool in Xvfb trayer; do
    if ! command -v "$tool" >/dev/null 2>&1; then
        echo "$0: $tool is not installed (packages xvfb, trayer)" >&2
        exit 2
    fi
done

work=$(mktemp -d "${TMPDIR:-/tmp}/relais-tray.XXXXXX") || exit 2
xvfb_pid=
trayer_pid=

cleanup() {
    [ -n "$trayer_pid" ] && kill "$trayer_pid" 2>/dev/null && wait "$trayer_pid" 2>/dev/null
    [ -n "$xvfb_pid" ] && kill "$xvfb_pid" 2>/dev/null && wait "$xvfb_pid" 2>/dev/null
    rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# Xvfb writes the display number it chose to descriptor 3 once it is ready.
Xvfb -displayfd 3 -screen 0 1280x800x24 -nolisten tcp 3>"$work/display" \
    >"$work/xvfb.log" 2>&1 &
xvfb_pid=$!
tries=0
while [ ! -s "$work/display" ]; do
    if ! kill -0 "$xvfb_pid" 2>/dev/null || [ $tries -ge 100 ]; then
        echo "$0: Xvfb did not start:" >&2
        cat "$work/xvfb.log" >&2
        exit 2
    fi
    tries=$((tries + 1))
    sleep 0.1
done
DISPLAY=:$(head -n 1 "$work/display")
export DISPLAY

trayer --edge top --align right --widthtype request --height 32 --SetDockType true \
    >"$work/trayer.log" 2>&1 &
trayer_pid=$!

# The test waits for the tray itself (QSystemTrayIcon::isSystemTrayAvailable).
# No session bus: Qt embeds its icon with XEmbed in trayer, and no D-Bus
# daemon is launched on the side.
QT_QPA_PLATFORM=xcb
DBUS_SESSION_BUS_ADDRESS="unix:path=$work/no-session-bus"
export QT_QPA_PLATFORM DBUS_SESSION_BUS_ADDRESS
unset WAYLAND_DISPLAY QT_QPA_PLATFORMTHEME

"$@"
status=$?
if [ $status -ne 0 ] && [ -s "$work/trayer.log" ]; then
    echo "--- trayer said:" >&2
    cat "$work/trayer.log" >&2
fi
exit $status
