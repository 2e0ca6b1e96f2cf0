#!/bin/sh
# qemu-check.sh GOLDEN_DIR... - feed the qemu-xen argvs of 4.20 argv goldens to
# Debian 13's real qemu-system-xen inside the trixie root (needs WITH_QEMU=1
# root).  No hypervisor: qemu is expected to stop at Xen initialisation or at
# opening a disk image; an option error means libxl built a command line
# this qemu does not accept.
set -eu
ROOT=${ROOT:-${XDG_CACHE_HOME:-$HOME/.cache}/xlcfg-oracle-4.20/root}
ORACLE_DIR=${ORACLE_DIR:-/opt/oracle-4.20}
HERE=$(cd "$(dirname "$0")" && pwd)
W=/tmp/qemu-check.$$
mkdir -p "$ROOT$W"
for d in "$@"; do
    mkdir -p "$ROOT$W/$(basename "$d")"
    cp "$d"/*.argv.json "$ROOT$W/$(basename "$d")/"
done
"$HERE/setup-root.sh" --run "$ROOT" \
  chroot "$ROOT" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin LC_ALL=C \
    unshare -m --propagation private -- sh -c '
        mkdir -p /var/run/xen /var/log/xen &&
        mount -t tmpfs qc-run /var/run/xen && mount -t tmpfs qc-log /var/log/xen &&
        exec python3 "$0/tools/qemu-check/qemu-check.py" "$1"/*/*.argv.json' "$ORACLE_DIR" "$W"
rm -rf "$ROOT$W"
