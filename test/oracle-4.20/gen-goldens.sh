#!/bin/sh
# gen-goldens.sh - Xen 4.20 goldens for a corpus, run on the Debian 12 host.
#
#   ./gen-goldens.sh CORPUS_DIR OUT_DIR [NAME.cfg ...]
#
# CORPUS_DIR/NAME.cfg -> OUT_DIR/NAME.{parse,dryrun,argv}.json (same names,
# shapes and re-indenting as the 4.17 oracle's goldens).  Needs root, the
# trixie root from setup-root.sh and the tools built in it (`make in-root`).
# The corpus is copied into ROOT/tmp, the three tools run inside the root
# (chroot), the results are copied out.
#   ROOT=${XDG_CACHE_HOME:-$HOME/.cache}/xlcfg-oracle-4.20/root (default)     ORACLE_DIR=/opt/oracle-4.20 (in ROOT)
#   ORACLE_QEMU_RUNWITH=none|chroot|user|chroot,user  answer of libxl's QEMU
#                        command-line probe (default chroot,user, see README)
set -eu
ROOT=${ROOT:-${XDG_CACHE_HOME:-$HOME/.cache}/xlcfg-oracle-4.20/root}
ORACLE_DIR=${ORACLE_DIR:-/opt/oracle-4.20}
[ $# -ge 2 ] || { sed -n '2,12p' "$0"; exit 2; }
CORPUS=$(cd "$1" && pwd); OUT=$2; shift 2
[ -x "$ROOT$ORACLE_DIR/build/dm-argv-bin" ] || { echo "gen-goldens.sh: tools not built in $ROOT$ORACLE_DIR (make in-root)" >&2; exit 1; }
HERE=$(cd "$(dirname "$0")" && pwd)
W=/tmp/oracle-gen.$$
rm -rf "$ROOT$W"; mkdir -p "$ROOT$W/corpus" "$ROOT$W/out"
cp "$CORPUS"/*.cfg "$ROOT$W/corpus/"
"$HERE/setup-root.sh" --run "$ROOT" \
  chroot "$ROOT" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin LC_ALL=C \
    ORACLE_BUILD="$ORACLE_DIR/build" ${ORACLE_QEMU_RUNWITH:+ORACLE_QEMU_RUNWITH=$ORACLE_QEMU_RUNWITH} \
    sh "$ORACLE_DIR/tools/gen-in-root.sh" "$W/corpus" "$W/out" "$@"
mkdir -p "$OUT"
cp "$ROOT$W/out"/*.json "$OUT/"
rm -rf "$ROOT$W"
