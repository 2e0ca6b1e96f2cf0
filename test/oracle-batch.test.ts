// The oracles' batch driver (test/oracle/tools/batch.py, and the same in the 4.20 root: one process
// and one mount namespace per batch, `xl -N create` run once per config) must answer exactly what
// the individual tools answer (xlu-parse, xl-dryrun, dm-argv: what the goldens and the corpus suites
// use), with the goldens' naming conventions: `*noqemu*` -> dm-argv --qemu-xen-absent, `*debianhost*`
// -> --host debian. A sample of both corpora, for each release: accepted configs with and without a
// device model, a stubdomain, dm_restrict (libxl leaves a socket and a chroot folder behind, which the
// driver clears between configs: the copy of the same guest run after it must not see them), xl's
// refusals, a parse error, a libxl refusal, qemu-xen absent, a Debian host; also split over several
// processes (jobs), without blocking (batchAsync), and a config libxlutil aborts on.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CORPUS_DIR, FIXTURES_DIR, ORACLES, ORACLE_RELEASES, requireOracleRelease, type BatchResult, type BatchTool } from './helpers/oracle';

const SAMPLE = [
  // test/oracle/corpus
  'hvm-minimal', 'hvm-qemu-xen-dm-restrict', 'hvm-stubdom-trad', 'hvm-trad-dm-restrict', 'hvm-noqemu-default-version',
  'pv-minimal', 'pv-vfb', 'pvh-qdisk-dm-restrict', 'bad-dm-version', 'bad-syntax-unclosed-list', 'bad-syntax-utf8-bom',
  'warn-memory-not-a-number',
  // test/fixtures/oracle/corpus
  'hvm-dm-debianhost-plain', 'hvm-dm-debianhost-trad', 'bad-spec-disk-bad-format', 'libxl-spice-ticketing-no-password',
  'pv-dm-qdisk',
];
/** Run again under another name right after the original: libxl's leftovers must not change its answer. */
const AGAIN = ['hvm-qemu-xen-dm-restrict', 'hvm-trad-dm-restrict'];

function sampleFiles(): { name: string; file: string }[] {
  return SAMPLE.map((name) => {
    const file = [CORPUS_DIR, join(FIXTURES_DIR, 'corpus')].map((d) => join(d, `${name}.cfg`)).find(existsSync);
    assert.ok(file, `sample config ${name}.cfg is in neither corpus`);
    return { name, file };
  });
}

for (const release of ORACLE_RELEASES) {
  describe(`the Xen ${release} oracle's batch driver answers like the individual tools`, () => {
    if (!requireOracleRelease(release, 'oracle batch driver')) return;
    const oracle = ORACLES[release];
    const dir = mkdtempSync(join(tmpdir(), 'xlcfg-batch-test-'));
    const files = sampleFiles();
    // the copies are named so that they sort right after their original (the driver runs in name order)
    for (const n of AGAIN) copyFileSync(files.find((f) => f.name === n)!.file, join(dir, `${n}-x.cfg`));
    for (const f of files) copyFileSync(f.file, join(dir, `${f.name}.cfg`));
    const configs = [...files.map((f) => f.name), ...AGAIN.map((n) => `${n}-x`)].sort()
      .map((name) => ({ name, bytes: readFileSync(join(dir, `${name}.cfg`)) }));
    let batch: Map<string, BatchResult>;

    test('the batch runs every config through the three tools', () => {
      batch = oracle.batch(configs);
      assert.equal(batch.size, configs.length);
      for (const c of configs) for (const t of ['parse', 'dryrun', 'argv'] as const) assert.ok(batch.get(c.name)?.[t], `${c.name}: no ${t} answer`);
    });

    for (const c of configs) {
      test(`${c.name}: xlu-parse, xl-dryrun and dm-argv say the same`, () => {
        const file = join(dir, `${c.name}.cfg`);
        const b = batch.get(c.name)!;
        assert.deepStrictEqual(b.parse, oracle.xluParse(file), 'xlu-parse');
        assert.deepStrictEqual(b.dryrun, oracle.xlDryrun(file), 'xl-dryrun');
        const o = { qemuXenAbsent: c.name.includes('noqemu'), host: c.name.includes('debianhost') ? 'debian' as const : undefined };
        assert.deepStrictEqual(b.argv, oracle.dmArgv(file, o), `dm-argv ${JSON.stringify(o)}`);
      });
    }

    test('the sample covers what it is meant to', () => {
      const all = [...batch.values()];
      assert.ok(all.some((r) => !r.parse.accepted), 'a parse error');
      assert.ok(all.some((r) => r.parse.accepted && r.dryrun.exit_status !== 0 && r.argv.outcome === 'xl_rejected'), 'a refusal by xl');
      assert.ok(all.some((r) => r.argv.outcome === 'error'), 'a refusal by libxl');
      assert.ok(all.some((r) => r.argv.outcome === 'no_device_model'), 'a guest without device model');
      assert.ok(all.some((r) => r.argv.outcome === 'stubdom'), 'a stubdomain');
      assert.ok(all.some((r) => r.argv.qemu_xen_forced_absent === true), 'qemu-xen absent (*noqemu*)');
      assert.ok(all.some((r) => r.argv.host === 'debian'), 'a Debian host (*debianhost*)');
      assert.ok(all.some((r) => r.argv.outcome === 'spawn' && r.argv.argv.some((a: string) => a === '-chroot' || a.startsWith('chroot='))), 'dm_restrict');
    });

    for (const tools of [['argv'], ['parse'], ['dryrun', 'argv']] as BatchTool[][]) {
      test(`TOOLS="${tools.join(' ')}" gives the same answers, and only those`, () => {
        const part = oracle.batch(configs, tools);
        for (const c of configs) {
          const want = Object.fromEntries(tools.map((t) => [t, batch.get(c.name)![t]]));
          assert.deepStrictEqual(part.get(c.name), want, c.name);
        }
      });
    }

    test('a config libxlutil aborts on (a NUL inside a string): parse answers null, xl and dm-argv as usual', () => {
      const name = 'nul-in-string';
      const file = join(dir, `${name}.cfg`);
      const bytes = new TextEncoder().encode('name = "a\0b"\n');
      writeFileSync(file, bytes);
      const r = oracle.batch([{ name, bytes }]).get(name)!;
      assert.equal(r.parse, null);
      let alone: unknown = null;
      try { alone = oracle.xluParse(file); } catch { /* xlu-parse dies of SIGABRT, printing nothing */ }
      assert.equal(alone, null, 'xlu-parse alone has no answer either');
      assert.ok(r.dryrun.exit_status < 0, 'xl dies of a signal');
      assert.deepStrictEqual(r.dryrun, oracle.xlDryrun(file));
      assert.deepStrictEqual(r.argv, oracle.dmArgv(file));
    });

    test('split over 3 processes (jobs: 3), the batch gives the same answers', () => {
      assert.deepStrictEqual(oracle.batch(configs, undefined, { jobs: 3 }), batch);
    });

    test('without blocking (batchAsync), the same answers', async () => {
      assert.deepStrictEqual(await oracle.batchAsync(configs, ['parse', 'argv'], { jobs: 2 }),
        new Map(configs.map((c) => [c.name, { parse: batch.get(c.name)!.parse, argv: batch.get(c.name)!.argv }])));
    });

    test('clean up', () => rmSync(dir, { recursive: true, force: true }));
  });
}
