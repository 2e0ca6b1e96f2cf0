#!/bin/sh
# Runs INSIDE the trixie root: every DIR/NAME.cfg through the three tools, writing
# DIR/NAME.{parse,dryrun,argv}.json, with the goldens' naming conventions (`*noqemu*` runs dm-argv
# with --qemu-xen-absent, `*debianhost*` with --host debian). Which tools: TOOLS (default
# "parse dryrun argv"). One chroot for many configs: what the xlcfg tests use for generated configs.
# The work is done by batch.py (one python process and one mount namespace per batch, xl run once
# per config), the same driver as the 4.17 oracle's.
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
ORACLE_BUILD=${ORACLE_BUILD:-$HERE/../build}
export ORACLE_BUILD
PY=/usr/bin/python3
[ -x "$PY" ] || PY=python3
exec "$PY" "$HERE/batch.py" "$1"
