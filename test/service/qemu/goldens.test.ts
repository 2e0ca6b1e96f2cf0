// The QEMU stage against the real binaries: for every qemu-xen argv of the argv goldens (corpus and
// fixtures, Xen 4.17 and 4.20), fed to Debian 12's QEMU 7.2 and Debian 13's QEMU 10.0 by
// test/oracle-4.20/qemu-accept.sh (and the argvs xlcfg builds for the probe configs of
// test/fixtures/qemu/probes/), the refusals the stage finds are exactly the options the real
// QEMU refused (same argv positions, same options), and it finds none where QEMU accepted the argv.
// Reads the stored goldens only (test/fixtures/qemu/); no QEMU runs here.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { QEMU_MODELS, QEMU_VERSIONS, qemuRefusals } from '../../../server/src/service/qemu';
import { ARGV_SETS, QEMU_GOLDENS, REPO, probeArgvs, qemuGoldens, realRefusals } from './goldens-helpers';

const sha = (argv: readonly string[]) => createHash('sha256').update(argv.join('\0')).digest('hex');

/** The qemu-xen spawn argvs of the argv goldens, by `SET/NAME`. */
function argvGoldens(): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const [set, dir] of Object.entries(ARGV_SETS)) {
    for (const f of readdirSync(join(REPO, dir)).sort()) {
      if (!f.endsWith('.argv.json')) continue;
      const a = JSON.parse(readFileSync(join(REPO, dir, f), 'utf8'));
      if (a.outcome === 'spawn' && a.device_model_version === 'qemu_xen') out.set(`${set}/${f.slice(0, -'.argv.json'.length)}`, a.argv);
    }
  }
  return out;
}

const argvs = new Map([...argvGoldens(), ...probeArgvs()]);

for (const version of QEMU_VERSIONS) {
  describe(`QEMU ${version}: the stage's verdict is the real QEMU's`, () => {
    const model = QEMU_MODELS[version];
    const stored = qemuGoldens(version);

    test('a golden for every qemu-xen argv golden, made from the same argv (else rerun test/oracle-4.20/qemu-accept.sh)', () => {
      assert.deepEqual([...stored.keys()].sort(), [...argvs.keys()].sort());
      const stale = [...stored].filter(([k, g]) => g.argv_sha256 !== sha(argvs.get(k) ?? [])).map(([k]) => k);
      assert.deepEqual(stale, []);
      for (const g of stored.values()) {
        assert.equal(g.qemu.version.split('.').slice(0, 2).join('.'), version);
        assert.equal(g.qemu.package, model.package);
        // Every argv got as far as Xen's initialisation once the refused options were removed, and
        // as far as the main loop in the late run.
        assert.match(g.stop, /failed to initialize xen/);
        assert.equal(g.late_stop, '(reached its main loop)');
      }
    });

    test('refused exactly where the real QEMU refused, at the same options', () => {
      const diffs: string[] = [];
      let refused = 0;
      for (const [key, g] of stored) {
        const argv = argvs.get(key)!;
        const real = realRefusals(g);
        const ours = [...new Set(qemuRefusals(argv, model).map((r) => `${r.index} ${r.option}`))].sort();
        if (g.verdict === 'refused') refused++;
        assert.equal(g.verdict, real.length ? 'refused' : 'accepted', key);
        if (JSON.stringify(real) !== JSON.stringify(ours)) diffs.push(`${key}: QEMU ${JSON.stringify(real)}, stage ${JSON.stringify(ours)}`);
      }
      assert.deepEqual(diffs, []);
      // The counts the goldens hold (qemu-accept.sh prints them); a change means new goldens.
      console.log(`QEMU ${version}: ${stored.size} argvs, ${refused} refused by the real binary, stage agrees on all`);
      assert.ok(refused > 0);
    });
  });
}

describe('the models hold what the binaries list (binary.json)', () => {
  for (const version of QEMU_VERSIONS) {
    test(`QEMU ${version}`, () => {
      const b = JSON.parse(readFileSync(join(QEMU_GOLDENS, version, 'binary.json'), 'utf8'));
      const m = QEMU_MODELS[version];
      assert.deepEqual([...m.blockFormats].sort(), [...b.block_formats].sort());
      assert.deepEqual([...m.displayTypes].sort(), [...b.display_types].sort());
      assert.deepEqual([...m.keymaps], b.keymaps);
      const missing = Object.entries(b.devices).filter(([, v]) => typeof v === 'object' && !Array.isArray(v) && (v as any).error).map(([k]) => k);
      assert.deepEqual([...m.missingDevices].sort(), missing.sort());
    });
  }
});
