#!/bin/sh
# setup-root.sh - build a Debian 13 (trixie) root with Debian's real Xen 4.20
# toolstack (xen-utils-4.20, libxen-dev) on a Debian 12 host, for the 4.20
# oracle.  Needs root.  Nothing is downloaded except Debian packages.
#
#   ./setup-root.sh [ROOT]          default ROOT=${XDG_CACHE_HOME:-$HOME/.cache}/xlcfg-oracle-4.20/root
#   ./setup-root.sh --run ROOT CMD...   run CMD on the host with the root's mounts in place
#   ./setup-root.sh --clean ROOT        delete the root (rm -rf --one-file-system)
#
# Environment:
#   SOURCES=/etc/apt/sources.list.d/debian.sources  where the mirror URIs are
#                 read from (deb822 file; the stanza whose Suites has no
#                 "-security" gives the archive, the "-security" one the
#                 security archive).  No host name is written in this script.
#   XEN_PIN=VER   install exactly this Debian version of the Xen packages
#                 (e.g. 4.20.4+63-g7abfd2bce2-0+deb13u1); default: newest.
#   NO_SECURITY=1 do not add trixie-security.
#   KEEP_DEBS=1   keep the downloaded .debs and apt's caches (default: apt-get clean).
#   WITH_QEMU=    (empty) skip qemu-system-xen; default WITH_QEMU=1 installs
#                 it: only used to record its answer to libxl's command-line
#                 probe (record-qemu-probe.sh) and for argv sanity checks.
#
# Steps (each timed, times printed at the end and written to ROOT.timings):
#   1. apt-get install debootstrap (host)
#   2. debootstrap --variant=minbase trixie ROOT URI
#   3. bind ROOT on itself, mount /proc, /dev, /dev/pts into it (inside the private namespace, see below)
#   4. in ROOT: apt-get install --no-install-recommends xen-utils-4.20 libxen-dev
#      uuid-dev gcc libc6-dev make python3 binutils util-linux [qemu-system-xen]
# Safety (xlcfg): every mount of the root is made inside a private mount
# namespace (`unshare -m --propagation private`, the script re-executes itself
# there), so the mounts die with the process even when it is killed: nothing
# is ever left mounted on the host, and ROOT/dev is never the host's /dev
# outside that process.  The other scripts (make in-root, gen-goldens.sh,
# qemu-check.sh, record-qemu-probe.sh, run-tool.sh) mount through --run.
# Deleting the root: `./setup-root.sh --clean ROOT` (rm -rf --one-file-system,
# which would not cross into a mount even if one were there).
set -eu

case "${1:-}" in
    --clean)
        r=${2:?--clean ROOT}
        if grep -qs " $r[/ ]" /proc/self/mounts; then echo "setup-root.sh: $r is mounted, not removing" >&2; exit 1; fi
        rm -rf --one-file-system "$r" "$r.timings" "$r.versions"
        exit 0 ;;
esac
if [ -z "${XLCFG_ROOT_PRIVATE_NS:-}" ]; then
    [ "$(id -u)" = 0 ] || { echo "setup-root.sh: needs root" >&2; exit 1; }
    XLCFG_ROOT_PRIVATE_NS=1 exec unshare -m --propagation private -- sh "$0" "$@"
fi

SOURCES=${SOURCES:-/etc/apt/sources.list.d/debian.sources}
WITH_QEMU=${WITH_QEMU-1}

mount_root() {
    r=$1
    # ROOT bind-mounted on itself (private): inside the chroot "/" is then a
    # mount point, which `unshare -m --propagation private` (dm-argv) needs.
    if ! mountpoint -q "$r"; then mount --bind "$r" "$r"; fi
    mount --make-private "$r"
    for d in proc dev dev/pts; do mkdir -p "$r/$d"; done
    mountpoint -q "$r/proc"    || mount -t proc proc "$r/proc"
    mountpoint -q "$r/dev"     || mount --bind /dev "$r/dev"
    mountpoint -q "$r/dev/pts" || mount --bind /dev/pts "$r/dev/pts"
}
umount_root() {
    r=$1
    for d in dev/pts dev proc; do
        if mountpoint -q "$r/$d"; then umount -R "$r/$d" || umount -l "$r/$d"; fi
    done
    if mountpoint -q "$r"; then umount "$r"; fi
}

# --run ROOT CMD...: mount if needed, run CMD on the host, unmount again if
# this call did the mounting
if [ "${1:-}" = "--run" ]; then
    r=$2; shift 2
    mount_root "$r"
    set +e; "$@"; rc=$?; set -e
    umount_root "$r"
    exit $rc
fi

ROOT=${1:-${XDG_CACHE_HOME:-$HOME/.cache}/xlcfg-oracle-4.20/root}
TIMINGS=$ROOT.timings
mkdir -p "$(dirname "$ROOT")"
[ "$(id -u)" = 0 ] || { echo "setup-root.sh: needs root" >&2; exit 1; }
trap 'umount_root "$ROOT" 2>/dev/null || true' EXIT   # also on failure

# --- mirror URIs from the host's deb822 sources (read at run time) ---------
uris=$(awk '
    /^[[:space:]]*$/ { if (u != "") print (sec ? "sec " : "main ") u; u = ""; sec = 0; next }
    /^URIs:/   { u = $2 }
    /^Suites:/ { for (i = 2; i <= NF; i++) if ($i ~ /-security$/) sec = 1 }
    END { if (u != "") print (sec ? "sec " : "main ") u }' "$SOURCES")
URI=$(echo "$uris" | awk '$1 == "main" { print $2; exit }')
SECURI=$(echo "$uris" | awk '$1 == "sec" { print $2; exit }')
[ -n "$URI" ] || { echo "setup-root.sh: no archive URIs: in $SOURCES" >&2; exit 1; }

now() { date +%s.%N; }
: > "$TIMINGS.tmp"
step() {  # step NAME command...
    name=$1; shift
    t0=$(now)
    "$@"
    t1=$(now)
    awk -v n="$name" -v a="$t0" -v b="$t1" 'BEGIN { printf "%-28s %8.1f s\n", n, b - a }' | tee -a "$TIMINGS.tmp"
}

host_tools() {
    command -v debootstrap >/dev/null 2>&1 && return 0
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq debootstrap
}
bootstrap() {
    if [ -x "$ROOT/usr/bin/apt-get" ] && [ -f "$ROOT/etc/debian_version" ]; then
        echo "setup-root.sh: $ROOT already bootstrapped, skipping debootstrap"
        return 0
    fi
    mkdir -p "$(dirname "$ROOT")"
    debootstrap --variant=minbase trixie "$ROOT" "$URI"
}
configure() {
    {
        echo "deb $URI trixie main"
        echo "deb $URI trixie-updates main"
        if [ -n "$SECURI" ] && [ -z "${NO_SECURITY:-}" ]; then echo "deb $SECURI trixie-security main"; fi
    } > "$ROOT/etc/apt/sources.list"
    # never start daemons (xencommons, xendomains...) inside the root
    printf '#!/bin/sh\nexit 101\n' > "$ROOT/usr/sbin/policy-rc.d"
    chmod +x "$ROOT/usr/sbin/policy-rc.d"
    cp /etc/resolv.conf "$ROOT/etc/resolv.conf" 2>/dev/null || true
    mount_root "$ROOT"
}
install_xen() {
    pin=
    if [ -n "${XEN_PIN:-}" ]; then
        pin="xen-utils-4.20=$XEN_PIN libxen-dev=$XEN_PIN libxenmisc4.20=$XEN_PIN xen-utils-common=$XEN_PIN"
    fi
    chroot "$ROOT" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin DEBIAN_FRONTEND=noninteractive \
        sh -c "apt-get update -qq && apt-get install -y -qq --no-install-recommends \
               xen-utils-4.20 libxen-dev uuid-dev gcc libc6-dev make python3 binutils util-linux $pin \
               ${WITH_QEMU:+qemu-system-xen}"
}
record() {
    du -sx --block-size=1M "$ROOT" | awk '{print "disk_MiB_before_apt_clean " $1}' >> "$TIMINGS.tmp"
    [ -n "${KEEP_DEBS:-}" ] || chroot "$ROOT" apt-get clean
    chroot "$ROOT" dpkg-query -W -f '${Package} ${Version}\n' \
        'xen-utils-4.20' 'libxen-dev' 'libxenmisc4.20' 'xen-utils-common' 'qemu-system-xen' 'gcc' 'libc6' 'python3' \
        > "$ROOT.versions" 2>/dev/null || true
    du -sx --block-size=1M "$ROOT" | awk '{print "disk_MiB " $1}' >> "$TIMINGS.tmp"
}

step host-install-debootstrap host_tools
step debootstrap-minbase bootstrap
step configure+mount configure
step apt-install-xen-4.20 install_xen
record
umount_root "$ROOT"
mv "$TIMINGS.tmp" "$TIMINGS"
echo "--- $TIMINGS"; cat "$TIMINGS"
echo "--- $ROOT.versions"; cat "$ROOT.versions"
