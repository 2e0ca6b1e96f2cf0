// Generated disk specs (valid and broken) compared with the live oracle: the same device JSON, or
// the same fatal messages, as real `xl -N create` (Xen 4.17).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { requireOracle } from '../../../helpers/oracle';
import { parseDiskSpec } from '../../../../server/src/service/model/specs';
import { DEFAULT_OPTIONS } from '../../../../server/src/service/options';
import { compareManyWithLive, pick, prng } from './live-oracle';

const PIECES = [
  'phy:', 'file:', 'tap:aio:', 'tap2:', 'aio:', 'qcow2:', 'raw:', 'vhd:', 'iscsi:', 'nbd:', 'foo:', 'ioemu:',
  '/dev/vg0/a', '/srv/x.img', '', 'hda', 'hdc:cdrom', 'xvdb', 'sda', 'xvdc:disk', 'hdd:floppy',
  'w', 'r', 'ro', 'rw', 'x', 'raw', 'qcow', 'qed', 'empty', 'bogus',
  'vdev=xvda', 'vdev=hdb', 'vdev=', 'target=/t/1', 'target=', 'target=a,b', 'format=qcow2', 'format=',
  'format=vmdk', 'access=ro', 'access=w', 'access=z', 'devtype=cdrom', 'devtype=disk', 'devtype=floppy',
  'cdrom', 'backend=dom1', 'backendtype=qdisk', 'backendtype=phy', 'backendtype=nope', 'script=block-x',
  'specification=xen', 'specification=virtio', 'specification=scsi', 'direct-io-safe', 'discard',
  'no-discard', 'colo', 'no-colo', 'colo-host=h', 'colo-port=0', 'colo-port=77', 'colo-export=e',
  'active-disk=/a', 'hidden-disk=/h', 'trusted', 'untrusted', 'unknown=1', 'Vdev=xvda', '=x', ' ',
  ' hda', 'xvde ', 'a=b=c',
];

const PREFIXES = ['', '', 'phy:', 'file:', 'tap:aio:', 'tap:qcow2:', 'qcow2:', 'raw:', 'vhd:', 'aio:', 'nbd:'];
const TARGETS = ['/dev/vg0/a', '/srv/x.img', 'host:1234', ''];
const VDEVS = ['hda', 'xvdb', 'sda', 'hdc:cdrom', 'xvdc:disk'];
const ACCESS = ['w', 'r', 'ro', 'rw', ''];
const KEYVALUES = ['format=qcow2', 'format=raw', 'access=ro', 'access=rw', 'devtype=cdrom', 'devtype=disk',
  'cdrom', 'backend=dom1', 'backendtype=qdisk', 'backendtype=phy', 'backendtype=tap', 'script=block-x',
  'specification=xen', 'specification=virtio', 'direct-io-safe', 'discard', 'no-discard', 'colo', 'no-colo',
  'colo-host=h', 'colo-port=77', 'colo-export=e', 'active-disk=/a', 'hidden-disk=/h'];

/** Valid-looking specs of both syntaxes, a third of them with one random piece spliced in. */
function generate(n: number): string[] {
  const rnd = prng(4242);
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    const mode = rnd();
    let parts: string[];
    if (mode < 0.4) {
      parts = [pick(rnd, PREFIXES) + pick(rnd, TARGETS)];
      if (rnd() < 0.3) parts.push(pick(rnd, ['raw', 'qcow2', 'vhd', 'qed', 'empty']));
      parts.push(pick(rnd, VDEVS));
      if (rnd() < 0.7) parts.push(pick(rnd, ACCESS));
    } else if (mode < 0.8) {
      parts = [`vdev=${pick(rnd, VDEVS).split(':')[0]}`];
      const k = Math.floor(rnd() * 4);
      for (let j = 0; j < k; j++) parts.splice(Math.floor(rnd() * (parts.length + 1)), 0, pick(rnd, KEYVALUES));
      if (rnd() < 0.9) parts.push(`target=${pick(rnd, TARGETS)}`);
    } else {
      parts = [];
      const k = 1 + Math.floor(rnd() * 5);
      for (let j = 0; j < k; j++) parts.push(pick(rnd, PIECES));
    }
    if (mode < 0.8 && rnd() < 0.35) parts.splice(Math.floor(rnd() * (parts.length + 1)), 0, pick(rnd, PIECES));
    // Deprecated prefixes stick to the next piece; everything else is comma-separated.
    let s = '';
    for (const p of parts) s += s === '' || s.endsWith(':') ? p : `,${p}`;
    if (rnd() < 0.1) s += ',';
    if (rnd() < 0.1) s = s.replace(/,/g, ', ');
    out.push(s);
  }
  return out;
}

describe('disk specs against live xl (generated)', () => {
  const ok = requireOracle('disk specs against live xl (generated)');
  const specs = generate(300);
  test(`${specs.length} generated disk specs`, { skip: !ok }, async () => {
    const { mismatches, refused } = await compareManyWithLive('disk', specs, parseDiskSpec, DEFAULT_OPTIONS, (c) => c.disks);
    assert.deepEqual(mismatches, []);
    assert.ok(refused > 30 && refused < specs.length - 30, `a mix of valid and broken specs (${refused} broken)`);
  });
});
