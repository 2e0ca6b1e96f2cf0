#!/bin/sh
# run-tool.sh DIR CMD [ARG...] - run one oracle command inside the trixie root, from DIR (a path
# inside the root), with the root's mounts in place (made in a private mount namespace that dies
# with this process, see setup-root.sh). What the xlcfg tests call for every 4.20 oracle question:
#   ROOT=... ./run-tool.sh /tmp/xlcfg-q/x /opt/oracle-4.20/tools/dm-argv/dm-argv guest.cfg
# Environment: ROOT (default as setup-root.sh), ORACLE_DIR (default /opt/oracle-4.20),
# ORACLE_QEMU_RUNWITH (passed on).
set -eu
ROOT=${ROOT:-${XDG_CACHE_HOME:-$HOME/.cache}/xlcfg-oracle-4.20/root}
ORACLE_DIR=${ORACLE_DIR:-/opt/oracle-4.20}
HERE=$(cd "$(dirname "$0")" && pwd)
[ $# -ge 2 ] || { sed -n '2,7p' "$0" >&2; exit 2; }
DIR=$1; shift
exec "$HERE/setup-root.sh" --run "$ROOT" \
  chroot "$ROOT" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin LC_ALL=C \
    ORACLE_BUILD="$ORACLE_DIR/build" ${ORACLE_QEMU_RUNWITH:+ORACLE_QEMU_RUNWITH=$ORACLE_QEMU_RUNWITH} \
    sh -c 'cd "$1" && shift && exec "$@"' sh "$DIR" "$@"
