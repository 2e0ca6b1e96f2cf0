#!/bin/sh
# Every DIR/NAME.cfg through the three tools, writing
# DIR/NAME.{parse,dryrun,argv}.json, with the goldens' naming conventions (`*noqemu*` runs dm-argv
# with --qemu-xen-absent, `*debianhost*` with --host debian). Which tools: TOOLS (default
# "parse dryrun argv"). One process for many configs: what the xlcfg tests use for generated configs.
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
ORACLE_BUILD=${ORACLE_BUILD:-$HERE/../build}
export ORACLE_BUILD
cd "$1"
for cfg in *.cfg; do
    n=${cfg%.cfg}
    for t in ${TOOLS:-parse dryrun argv}; do
        case "$t" in
            parse)  "$ORACLE_BUILD/xlu-parse" --source "$cfg" "$cfg" > "$n.parse.json" ;;
            dryrun) "$HERE/xl-dryrun/xl-dryrun" "$cfg" > "$n.dryrun.json" ;;
            argv)
                extra=
                case "$n" in *noqemu*) extra=--qemu-xen-absent ;; esac
                case "$n" in *debianhost*) extra="$extra --host debian" ;; esac
                "$HERE/dm-argv/dm-argv" $extra "$cfg" > "$n.argv.json" ;;
        esac
    done
done
exit 0
