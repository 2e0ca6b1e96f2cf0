// Generated pci specs (valid and broken) compared with the live oracle (real `xl -N create`).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { requireOracle } from '../../../helpers/oracle';
import { parsePciSpec } from '../../../../server/src/service/model/specs';
import { DEFAULT_OPTIONS } from '../../../../server/src/service/options';
import { compareManyWithLive, pick, prng } from './live-oracle';

const BDFS = ['03:00.0', '0000:03:00.1', '04:1f.7', '04:1f.*', '00:20.0', '100:00.0', '10000:00:00.0', '3:0.8',
  '03:00', '03:0x1f.2', '03: 01.2', 'ab:cd.e', '0:0:0:0.0', ''];
const ITEMS = ['permissive=1', 'permissive=0', 'msitranslate=1', 'seize=1', 'power_mgmt=yes', 'power_mgmt=2',
  'rdm_policy=strict', 'rdm_policy=Relaxed', 'rdm_policy=invalid', 'rdm_policy=bad', 'vslot=3', 'vslot=0x1f',
  'vslot=20', 'vslot=zz', 'bdf=05:00.0', 'bdf=bad', 'name=gpu0', 'foo=1', 'x', 'permissive'];

function generate(n: number): string[] {
  const rnd = prng(99);
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    let s = pick(rnd, BDFS);
    if (s && rnd() < 0.2) s += `@${pick(rnd, ['3', '1f', '20', 'g'])}`;
    const k = Math.floor(rnd() * 3);
    const items: string[] = [];
    for (let j = 0; j < k; j++) items.push(pick(rnd, ITEMS));
    if (items.length) s = s ? `${s},${items.join(',')}` : items.join(',');
    if (rnd() < 0.05) s += ',';
    out.push(s);
  }
  return out;
}

describe('pci specs against live xl (generated)', () => {
  const ok = requireOracle('pci specs against live xl (generated)');
  const specs = generate(200);
  test(`${specs.length} generated pci specs`, { skip: !ok }, async () => {
    const { mismatches, refused } = await compareManyWithLive('pci', specs, parsePciSpec, DEFAULT_OPTIONS, (c) => c.pcidevs);
    assert.deepEqual(mismatches, []);
    assert.ok(refused > 20 && refused < specs.length - 20, `a mix of accepted and refused specs (${refused} refused)`);
  });
});
