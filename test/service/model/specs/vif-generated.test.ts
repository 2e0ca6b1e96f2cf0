// Generated vif specs (valid and broken) compared with the live oracle: the same nic JSON and the
// same messages (warnings xl prints and carries on, or the fatal one) as real `xl -N create`.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { requireOracle } from '../../../helpers/oracle';
import { parseNicSpec } from '../../../../server/src/service/model/specs';
import { DEFAULT_OPTIONS } from '../../../../server/src/service/options';
import { compareManyWithLive, pick, prng } from './live-oracle';

const ITEMS = [
  'mac=00:16:3e:01:02:03', 'mac=00:16:3E:aa:bb:cc', 'mac=00-16-3e-01-02-03', 'mac=00:16:3e', 'mac=00:16:3e:01:02',
  'mac=zz:16:3e:01:02:03', 'mac=100:16:3e:01:02:03', 'mac=0x10:1:2:3:4:5', 'mac=', 'bridge=xenbr0', 'bridge=',
  'bridge=br 1', 'ip=192.0.2.1', 'ip=192.0.2.1 192.0.2.2', 'script=vif-bridge', 'backend=dom1', 'vifname=v1',
  'model=e1000', 'model=rtl8139', 'model=virtio-net-pci', 'type=vif', 'type=ioemu', 'type=VIF', 'type=',
  'gatewaydev=eth0', 'netdev=eth1', 'accel=1', 'devid=3', 'devid=0x10', 'devid=x', 'devid=', 'devid=-1',
  'mtu=9000', 'mtu=1500x', 'mtu=abc', 'trusted', 'untrusted', 'trusted=1', 'rate=10Mb/s', 'rate=1GB/s',
  'rate=100KB/s@20ms', 'rate=100Mbit', 'rate=10Mb/s@50us', 'rate=10Mb/s@1s', 'rate=10Mb/s@1', 'rate=0Mb/s',
  'rate=5B/s@10m', 'rate=@20ms', 'rate=10Mb/s@', 'rate=010Mb/s', 'rate=09Mb/s', 'rate=4294967296B/s',
  'rate=4294967295GB/s@4294967295us', 'rate=4000000000GB/s@100ms', 'colo_sock_mirror_id=1', 'forwarddev=eth2',
  'colo_checkpoint_port=9', 'foo', 'foo=bar', ' bridge=xenbr1', 'bridge=xenbr2 ', '', 'MAC=00:16:3e:00:00:01',
];

function generate(n: number): string[] {
  const rnd = prng(777);
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    const k = Math.floor(rnd() * 4);
    const parts: string[] = [];
    for (let j = 0; j < k; j++) parts.push(pick(rnd, ITEMS));
    out.push(parts.join(rnd() < 0.2 ? ', ' : ','));
  }
  return out;
}

describe('vif specs against live xl (generated)', () => {
  const ok = requireOracle('vif specs against live xl (generated)');
  const specs = generate(300);
  test(`${specs.length} generated vif specs`, { skip: !ok }, async () => {
    const { mismatches, refused } = await compareManyWithLive('vif', specs, parseNicSpec, DEFAULT_OPTIONS, (c) => c.nics,
      // A short MAC at the end of a spec makes xl read past its heap copy: only deterministic alone.
      (s) => s.includes('mac='));
    assert.deepEqual(mismatches, []);
    assert.ok(refused > 20 && refused < specs.length - 100, `a mix of accepted and refused specs (${refused} refused)`);
  });
});
