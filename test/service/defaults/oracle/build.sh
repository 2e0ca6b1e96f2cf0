#!/bin/sh
# Builds resolved-config-bin against the oracle's patched copy of Debian's libxenlight.a.
set -eu
HERE=$(cd "$(dirname "$0")" && pwd)
ORACLE_BUILD=${ORACLE_BUILD:-$HERE/../../../oracle/build}
OUT=${1:-$ORACLE_BUILD/../build-resolved}
mkdir -p "$OUT"
# Linked beside the binary, then renamed over it: a test that runs the old one meanwhile never sees
# a half-written file.
${CC:-gcc} -O1 -g -w -o "$OUT/resolved-config-bin.$$" "$HERE/resolved-config.c" "$ORACLE_BUILD/dm-argv.obj/libxenlight-oracle.a" \
    -lxenctrl -lxenguest -lxenstore -lxentoollog -lxenevtchn -lxenhypfs -lxentoolcore \
    -lxencall -lxenforeignmemory -lxengnttab -lxendevicemodel -luuid -l:libyajl.so.2 -lpthread
mv -f "$OUT/resolved-config-bin.$$" "$OUT/resolved-config-bin"
echo "$OUT/resolved-config-bin"
