#!/bin/sh
# record-qemu-probe.sh - ask the real qemu-system-xen of the trixie root the
# question libxl 4.20 asks in its QEMU command-line probe
# (QMP "query-command-line-options") and store the answer that matters to
# libxl (the `run-with` parameters) in tools/dm-argv/qemu-probe-answer.json.
# dm-argv uses it as the default probe answer.  Needs the root built with
# WITH_QEMU=1 (default of setup-root.sh).
#
# libxl runs the probe as `qemu -S -no-user-config -nodefaults -nographic
# -machine none,accel=xen ...`; without a hypervisor accel=xen cannot start
# ("failed to initialize xen"), so this asks the same binary with
# accel=qtest; the option table does not depend on the accelerator.
set -eu
ROOT=${ROOT:-${XDG_CACHE_HOME:-$HOME/.cache}/xlcfg-oracle-4.20/root}
HERE=$(cd "$(dirname "$0")" && pwd)
QEMU=/usr/libexec/xen-qemu-system-i386
OUT=${OUT:-$HERE/tools/dm-argv/qemu-probe-answer.json}
[ -x "$ROOT$QEMU" ] || { echo "record-qemu-probe.sh: $ROOT$QEMU missing (setup-root.sh with WITH_QEMU=1)" >&2; exit 1; }
printf '%s\n' '{"execute":"qmp_capabilities"}' '{"execute":"query-command-line-options"}' '{"execute":"quit"}' \
    > "$ROOT/tmp/qemu-probe-q.$$"
"$HERE/setup-root.sh" --run "$ROOT" chroot "$ROOT" sh -c "timeout 20 $QEMU -S -no-user-config -nodefaults -nographic -machine none,accel=qtest -qmp stdio < /tmp/qemu-probe-q.$$" \
    > "$ROOT/tmp/qemu-probe-a.$$"
pkg=$(chroot "$ROOT" dpkg-query -W -f '${Version}' qemu-system-xen)
python3 - "$ROOT/tmp/qemu-probe-a.$$" "$pkg" "$OUT" <<'PY'
import json, sys
greeting, opts = None, None
for line in open(sys.argv[1]):
    o = json.loads(line)
    if 'QMP' in o: greeting = o['QMP']['version']
    elif isinstance(o.get('return'), list): opts = o['return']
rw = [o for o in opts if o['option'] == 'run-with']
out = {
    'what': 'answer of Debian 13 qemu-system-xen to QMP query-command-line-options '
            '(the question of libxl 4.20 device_model_probe_cmdline), asked with '
            '-S -no-user-config -nodefaults -nographic -machine none,accel=qtest',
    'qemu_version': greeting['qemu'], 'qemu_package': greeting.get('package'),
    'debian_package_version': sys.argv[2],
    'run_with': rw[0] if rw else None,
    'libxl_answer': {
        'have_runwith_chroot': bool(rw) and any(p['name'] == 'chroot' for p in rw[0]['parameters']),
        'have_runwith_user': bool(rw) and any(p['name'] == 'user' for p in rw[0]['parameters']),
    },
    'all_options': sorted(o['option'] for o in opts),
}
json.dump(out, open(sys.argv[3], 'w'), indent=1); open(sys.argv[3], 'a').write('\n')
print(json.dumps(out['libxl_answer']))
PY
rm -f "$ROOT/tmp/qemu-probe-q.$$" "$ROOT/tmp/qemu-probe-a.$$"
