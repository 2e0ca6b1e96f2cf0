// Disk and vif results are kept between analyses (xl-parse-devices.ts): a kept result is used only
// for the same spec at the same index in the same context, so what xl builds is what a first
// analysis builds, whatever was analysed before.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from '../../../server/src/service/syntax/parser';
import { buildDomainConfig } from '../../../server/src/service/model/xl-parse';
import { forgetKeptSpecResults } from '../../../server/src/service/model/xl-parse-devices';
import { DEFAULT_OPTIONS } from '../../../server/src/service/options';
import type { XlGlobals } from '../../../server/src/service/model/xl-conf';

const DISK = "'format=raw, vdev=xvda, access=rw, target=/dev/vg0/a'";
const DISK2 = "'format=qcow2, vdev=xvdb, access=ro, target=/srv/b.img'";
const VIF = "'mac=00:16:3e:00:00:01'";
const VIF2 = "'bridge=xenbr1'";

function build(text: string, opts: Partial<typeof DEFAULT_OPTIONS> = {}, globals?: XlGlobals): string {
  const options = { ...DEFAULT_OPTIONS, sourceName: 'g.cfg', ...opts };
  const r = buildDomainConfig(parse(Buffer.from(text)).settings, options, undefined, globals);
  return JSON.stringify([r.config, r.findings, r.stderr, r.exitStatus]);
}

test('a kept disk or vif result is used only at the same index, in the same context', () => {
  const cfg = (disks: string[], vifs: string[], type = 'pvh') =>
    `name = "g"\ntype = "${type}"\nmemory = 512\nkernel = "/k"\ndisk = [ ${disks.join(', ')} ]\nvif = [ ${vifs.join(', ')} ]\n`;
  const cases: [string, Partial<typeof DEFAULT_OPTIONS>, XlGlobals | undefined][] = [
    [cfg([DISK, DISK2], [VIF, VIF2]), {}, undefined],
    [cfg([DISK2, DISK], [VIF2, VIF]), {}, undefined],
    [cfg([DISK, DISK], [VIF, VIF]), {}, undefined],
    [cfg([DISK, DISK2], [VIF, VIF2]), {}, { vifBridge: 'br9', vifScript: 'vif-route' }],
    [cfg([DISK, DISK2], [VIF, VIF2]), { xenVersion: '4.20' }, undefined],
    [cfg([DISK, DISK2], [VIF, VIF2]), { sourceName: 'other.cfg' }, undefined],
    [cfg([DISK, DISK2], [VIF, VIF2], 'hvm'), {}, undefined],
    [cfg([DISK, "'vdev=xvdc, target=/x, bogus=1'"], [VIF, "'mac=zz'"]), {}, undefined],
  ];
  const first = cases.map(([t, o, g]) => { forgetKeptSpecResults(); return build(t, o, g); });
  forgetKeptSpecResults();
  // One after the other, in both orders, twice over: each time the same as from nothing.
  for (let round = 0; round < 4; round++) {
    for (let j = 0; j < cases.length; j++) {
      const i = round % 2 ? cases.length - 1 - j : j;
      const [t, o, g] = cases[i]!;
      assert.equal(build(t, o, g), first[i], `case ${i}, round ${round}`);
    }
  }
  assert.notEqual(first[0], first[1]);
  assert.notEqual(first[0], first[3]);
});
