#!/bin/sh
# Every DIR/NAME.cfg through the three tools, writing
# DIR/NAME.{parse,dryrun,argv}.json, with the goldens' naming conventions (`*noqemu*` runs dm-argv
# with --qemu-xen-absent, `*debianhost*` with --host debian). Which tools: TOOLS (default
# "parse dryrun argv"). One process for many configs: what the xlcfg tests use for generated configs.
# The work is done by batch.py (one python process and one mount namespace per batch, xl run once
# per config); the system's python3 is preferred to a python3 found on PATH (a pyenv shim costs
# 100 ms per start).
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
ORACLE_BUILD=${ORACLE_BUILD:-$HERE/../build}
export ORACLE_BUILD
PY=/usr/bin/python3
[ -x "$PY" ] || PY=python3
exec "$PY" "$HERE/batch.py" "$1"
