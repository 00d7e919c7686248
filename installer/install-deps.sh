#!/usr/bin/env bash
# Installs the Debian 12 packages Relais needs to build, test and run its lab.
# Only missing packages are installed; with everything present it does
# nothing (no apt-get update). Uses sudo when not run as root.
set -euo pipefail

BUILD_PACKAGES=(
    cmake g++ ninja-build pkg-config make
    qt6-base-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qt6-translations-l10n
    qt6-svg-dev qt6-charts-dev libqt6sql6-sqlite qtkeychain-qt6-dev
    libssh-dev libssl-dev openssl libldns-dev libcurl4-openssl-dev libgl-dev
)
LAB_PACKAGES=(
    lxd dnsmasq-base nftables busybox-static btrfs-progs openssh-server openssh-client rsync
    bind9 bind9-dnsutils knot knot-dnsutils pdns-server pdns-backend-sqlite3 sqlite3
    iproute2 util-linux curl jq python3-aiosmtpd
)
DESKTOP_PACKAGES=(
    xvfb xauth x11-utils imagemagick trayer dbus gnome-keyring libsecret-1-0
)

missing=()
for package in "${BUILD_PACKAGES[@]}" "${LAB_PACKAGES[@]}" "${DESKTOP_PACKAGES[@]}"; do
    status=$(dpkg-query -W -f='${db:Status-Status}' "$package" 2>/dev/null || true)
    [ "$status" = installed ] || missing+=("$package")
done

if [ ${#missing[@]} -eq 0 ]; then
    echo "install-deps: all ${#BUILD_PACKAGES[@]}+${#LAB_PACKAGES[@]}+${#DESKTOP_PACKAGES[@]} packages present"
    exit 0
fi

if [ "$(id -u)" -eq 0 ]; then
    SUDO=()
elif command -v sudo >/dev/null 2>&1; then
    SUDO=(sudo)
else
    echo "install-deps: missing packages (${missing[*]}) and not root, no sudo: install them as root" >&2
    exit 1
fi

echo "install-deps: installing ${#missing[@]} packages: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
"${SUDO[@]}" apt-get update -q
"${SUDO[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"
