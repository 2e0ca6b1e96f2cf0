#!/bin/sh
# qemu-accept.sh [OUT_DIR] - goldens of what Debian's real QEMUs accept of libxl's argvs.
#
# Feeds every qemu-xen argv of the argv goldens (the 4.17 and 4.20 goldens of the shared corpus
# and of the fixtures), and the argvs xlcfg's builder makes for the probe configs of
# test/fixtures/qemu/probes/ (forms no golden has: other sound cards, NIC models, serial and USB
# variants, older releases' options; set `probes`), to
#   - Debian 12's qemu-system-xen 7.2 of this machine (/usr/libexec/xen-qemu-system-i386), and
#   - Debian 13's qemu-system-xen 10.0 in the trixie root (setup-root.sh),
# each run inside `unshare -m --propagation private` (tmpfs over the directories the argvs
# name, a private /dev; see tools/qemu-check/qemu-accept.py), and writes
#   OUT_DIR/QEMU_MAJOR.MINOR/SET/NAME.json   (default OUT_DIR: test/fixtures/qemu)
# with the options QEMU refused before Xen's initialisation (`refusals`, in the order it refused
# them), after it (`late_refusals`: the same argv on `-machine pc` under qtest, see the driver;
# `late_stop` is where that run ended, `late_environment` what the harness machine refused and
# a dom0 would not, e.g. -vnc ::1 without IPv6 addresses); `index` is the option's position
# in the argv of `source`, whose words hash to `argv_sha256` joined by NUL), its messages, the -device
# properties QMP device-list-properties does not know, and where QEMU stopped
# ("failed to initialize xen" when everything before machine creation was accepted).
# QEMU_ONLY=7.2 or QEMU_ONLY=10.0 runs one of the two; QEMU_ACCEPT_ONLY=REGEX only the argvs whose
# SET/NAME matches (for trying things out; the goldens are written for those only).  Needs root.
set -eu
HERE=$(cd "$(dirname "$0")" && pwd)
REPO=$(cd "$HERE/../.." && pwd)
ROOT=${ROOT:-${XDG_CACHE_HOME:-$HOME/.cache}/xlcfg-oracle-4.20/root}
OUT=${1:-$REPO/test/fixtures/qemu}
ONLY=${QEMU_ONLY:-}
QEMU=/usr/libexec/xen-qemu-system-i386
DRIVER=$HERE/tools/qemu-check/qemu-accept.py
W=/var/tmp/xlcfg-qemu-accept.$$
mkdir -p "$W"
trap 'rm -rf --one-file-system "$W" "$ROOT$W" 2>/dev/null || true' EXIT

# spice with tls-port reads the dom0's certificates before Xen's initialisation: give it some
# (made here, used only inside the namespaces).
if command -v openssl >/dev/null; then
    mkdir -p "$W/pki"
    ( cd "$W/pki" &&
      openssl req -x509 -newkey rsa:2048 -nodes -keyout ca-key.pem -out ca-cert.pem -days 2 -subj /CN=qemu-accept-ca &&
      openssl req -newkey rsa:2048 -nodes -keyout server-key.pem -out server.csr -subj /CN=localhost &&
      openssl x509 -req -in server.csr -CA ca-cert.pem -CAkey ca-key.pem -CAcreateserial -out server-cert.pem -days 2
    ) >/dev/null 2>&1 || rm -rf "$W/pki"
fi

# The probe configs: argvs of xlcfg's own builder for forms no oracle golden has.
( cd "$REPO" && npx --no-install tsx test/oracle-4.20/tools/qemu-check/probe-argvs.ts test/fixtures/qemu/probes ) > "$W/probes.json"

python3 - "$REPO" "$W/jobs.json" "$W/pki" "$W/probes.json" <<'PY'
import glob, json, os, sys
repo, out = sys.argv[1], sys.argv[2]
sets = [('oracle-4.17', 'test/oracle/golden'), ('oracle-4.20', 'test/oracle-4.20/golden'),
        ('fixtures-4.17', 'test/fixtures/oracle/golden'), ('fixtures-4.20', 'test/fixtures/oracle/golden-4.20')]
jobs = []
for name, d in sets:
    for p in sorted(glob.glob(os.path.join(repo, d, '*.argv.json'))):
        a = json.load(open(p))
        if a.get('outcome') != 'spawn' or a.get('device_model_version') != 'qemu_xen':
            continue
        jobs.append({'key': '%s/%s' % (name, os.path.basename(p)[:-len('.argv.json')]),
                     'source': os.path.relpath(p, repo), 'argv': a['argv'], 'env': a.get('env') or {}})
for name, a in sorted(json.load(open(sys.argv[4])).items()):
    if a.get('outcome') != 'spawn' or a.get('device_model_version') != 'qemu_xen':
        continue
    jobs.append({'key': 'probes/' + name, 'source': 'test/fixtures/qemu/probes/%s.cfg' % name,
                 'argv': a['argv'], 'env': a.get('env') or {}})
passwd = open(os.path.join(repo, 'test/oracle-4.20/tools/dm-argv/passwd')).read()
pki = {n: open(os.path.join(sys.argv[3], n)).read() for n in ('ca-cert.pem', 'server-cert.pem', 'server-key.pem')
       if os.path.isdir(sys.argv[3])}
json.dump({'passwd': passwd, 'pki': pki, 'jobs': jobs}, open(out, 'w'))
print('qemu-accept: %d qemu-xen argvs' % len(jobs))
PY

if [ -z "$ONLY" ] || [ "$ONLY" = 7.2 ]; then
    [ -x "$QEMU" ] || { echo "qemu-accept.sh: $QEMU missing (apt-get install qemu-system-xen)" >&2; exit 1; }
    dpkg-query -W -f '${Version}' qemu-system-xen > "$W/pkg-host"
    unshare -m -n --propagation private -- env QEMU_ACCEPT_IN_NAMESPACE=1 QEMU_ACCEPT_NETNS=1 \
        python3 "$DRIVER" "$W/jobs.json" "$W/out-host.json"
fi
if [ -z "$ONLY" ] || [ "$ONLY" = 10.0 ]; then
    [ -x "$ROOT$QEMU" ] || { echo "qemu-accept.sh: $ROOT$QEMU missing (make -C test/oracle-4.20 root)" >&2; exit 1; }
    mkdir -p "$ROOT$W"
    cp "$DRIVER" "$W/jobs.json" "$ROOT$W/"
    chroot "$ROOT" dpkg-query -W -f '${Version}' qemu-system-xen > "$W/pkg-root"
    "$HERE/setup-root.sh" --run "$ROOT" \
      chroot "$ROOT" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin LC_ALL=C \
        unshare -m -n --propagation private -- sh -c '
            mkdir -p /var/run/xen /var/log/xen &&
            QEMU_ACCEPT_IN_NAMESPACE=1 QEMU_ACCEPT_NETNS=1 QEMU_ACCEPT_ONLY="$1" exec python3 "$0/qemu-accept.py" "$0/jobs.json" "$0/out.json"' "$W" "${QEMU_ACCEPT_ONLY:-}"
    cp "$ROOT$W/out.json" "$W/out-root.json"
fi

python3 - "$W" "$OUT" <<'PY'
import hashlib, json, os, re, sys
w, out = sys.argv[1], sys.argv[2]
jobs = {j['key']: j for j in json.load(open(os.path.join(w, 'jobs.json')))['jobs']}
for side, distro in (('host', 'Debian 12'), ('root', 'Debian 13')):
    p = os.path.join(w, 'out-%s.json' % side)
    if not os.path.exists(p):
        continue
    res = json.load(open(p))
    pkg = open(os.path.join(w, 'pkg-%s' % side)).read().strip()
    v = res['qemu']['version']['qemu']
    ver = '%d.%d' % (v['major'], v['minor'])
    qemu = {'distribution': distro, 'package': 'qemu-system-xen ' + pkg, 'binary': res['qemu']['binary'],
            'version': '%d.%d.%d' % (v['major'], v['minor'], v['micro'])}
    base = os.path.join(out, ver)
    n = refused = unreached = 0
    for key, r in sorted(res['results'].items()):
        j = jobs[key]
        late = [x for x in r['late_refusals'] if 'follows_from' not in x]
        verdict = ('refused' if r['refusals'] or late or r['device_refusals'] else
                   'accepted' if 'failed to initialize xen' in r['stop'] and r['late_stop'] == '(reached its main loop)'
                   else 'unreached')
        refused += verdict == 'refused'; unreached += verdict == 'unreached'; n += 1
        sha = hashlib.sha256('\0'.join(j['argv']).encode()).hexdigest()
        doc = {'qemu': qemu, 'source': j['source'], 'argv_sha256': sha, 'verdict': verdict,
               'refusals': r['refusals'], 'device_refusals': r['device_refusals'],
               'stop': r['stop'], 'warnings': r['warnings'],
               'late_refusals': r['late_refusals'], 'late_stop': r['late_stop'], 'late_warnings': r['late_warnings'],
               'late_environment': r['late_environment']}
        f = os.path.join(base, key + '.json')
        os.makedirs(os.path.dirname(f), exist_ok=True)
        with open(f, 'w') as fh:
            json.dump(doc, fh, indent=1); fh.write('\n')
    with open(os.path.join(base, 'binary.json'), 'w') as fh:
        json.dump({'qemu': qemu,
                   'what': 'devices: QMP device-list-properties (-machine none,accel=qtest) for every -device driver of '
                           'the argvs (an alias names its device; error: not in `-device help`); block_formats: '
                           '`-drive format=help`; display_types: `-display help`; keymaps: /usr/share/qemu/keymaps',
                   'devices': res['devices'], **res['help']}, fh, indent=1, sort_keys=True); fh.write('\n')
    print('qemu-accept: QEMU %s (%s): %d argvs, %d refused, %d stopped before Xen for another reason -> %s'
          % (qemu['version'], distro, n, refused, unreached, base))
PY
