// The upgrade report against the two oracles: for every corpus config and fixture with goldens of
// both releases, the report for 4.17 -> 4.20 (reference host on both sides) says exactly what differs
// between the two real toolstacks' answers: verdict, xl's lines, libxl's lines (without file.c:LINE),
// device-model outcome and version, argv and env.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { upgradeReport, withoutLibxlSource, argvDiff, type UpgradeVerdict } from '../../../server/src/service/features/upgrade-report';
import { releaseCorpus, type CorpusEntry } from '../../helpers/oracle';
import { analyzeFile } from '../checks/corpus-helpers';
import { logBody, withoutQmpFd } from '../devicemodel/corpus-helpers';

/** What one release's goldens say, in the report's terms. */
function fromGoldens(e: CorpusEntry, ourXlLines: readonly string[]) {
  const none = { libxlLines: [] as string[], outcome: 'none', deviceModelVersion: null as string | null, argv: [] as string[], env: {} as Record<string, string> };
  if (!e.parse.accepted) return { verdict: 'parse-refuses' as UpgradeVerdict, xlLines: e.parse.messages as string[], ...none };
  const xlLines = (e.dryrun.stderr as string).split('\n').filter((l) => l !== '' && !l.startsWith('Parsing config from ')).map(withoutLibxlSource);
  // xl killed by a signal: its own lines come first, then whatever glibc printed (undefined).
  if (e.dryrun.exit_status < 0) return { verdict: 'xl-crashes' as UpgradeVerdict, xlLines: xlLines.slice(0, ourXlLines.length), ...none };
  if (e.dryrun.exit_status !== 0) return { verdict: 'xl-refuses' as UpgradeVerdict, xlLines, ...none };
  const g = e.argv;
  const outcome = g.outcome === 'harness_crash' ? 'crash' : g.outcome;
  const verdict: UpgradeVerdict = outcome === 'error' ? 'libxl-refuses' : outcome === 'crash' ? 'libxl-crashes' : 'accepted';
  return {
    verdict, xlLines, libxlLines: ((g.log ?? []) as string[]).map((l) => withoutLibxlSource(logBody(l))), outcome,
    deviceModelVersion: outcome === 'crash' ? null : g.device_model_version as string, argv: (g.argv ?? []) as string[], env: (g.env ?? {}) as Record<string, string>,
  };
}

const minus = (a: readonly string[], b: readonly string[]) => { const r = [...b]; return a.filter((x) => { const i = r.indexOf(x); if (i < 0) return true; r.splice(i, 1); return false; }); };

describe('xlcfg upgrade 4.17 -> 4.20 equals the difference between the two oracles', () => {
  const old = new Map(releaseCorpus('4.17').map((e) => [e.name, e]));
  const both = releaseCorpus('4.20').filter((e) => e.parse && e.dryrun && e.argv && old.get(e.name)?.argv);
  test('the corpus has configs with goldens of both releases', () => assert.ok(both.length > 300, `${both.length}`));
  let changed = 0;
  for (const e of both) {
    test(e.name, () => {
      const bytes = readFileSync(e.file);
      const r = upgradeReport(analyzeFile(e.name, bytes, { xenVersion: '4.17' }), analyzeFile(e.name, bytes, { xenVersion: '4.20' }));
      const a = fromGoldens(old.get(e.name)!, r.from.xlLines);
      const b = fromGoldens(e, r.to.xlLines);
      assert.deepEqual(r.verdict, a.verdict !== b.verdict ? { from: a.verdict, to: b.verdict } : null, 'verdict');
      assert.deepEqual(r.xlLines, { removed: minus(a.xlLines, b.xlLines), added: minus(b.xlLines, a.xlLines) }, "xl's lines");
      // libxl's lines: what the oracles print that differs must be in the report (we model the lines that
      // matter, not every follow-up line of libxl's spawn machinery).
      for (const l of minus(a.libxlLines, b.libxlLines)) if (!/spawn failed|Post DM startup configs failed/.test(l)) assert.ok(r.libxlLines.removed.includes(l), `libxl no longer logs: ${l}`);
      for (const l of minus(b.libxlLines, a.libxlLines)) if (!/spawn failed|Post DM startup configs failed/.test(l)) assert.ok(r.libxlLines.added.includes(l), `libxl now logs: ${l}`);
      assert.deepEqual(r.outcome, a.outcome !== b.outcome ? { from: a.outcome, to: b.outcome } : null, 'outcome');
      const dmv = (x: ReturnType<typeof fromGoldens>) => (x.outcome === 'none' ? null : x.deviceModelVersion);
      assert.deepEqual(r.deviceModelVersion, dmv(a) !== dmv(b) ? { from: dmv(a), to: dmv(b) } : null, 'device_model_version');
      const argvA = withoutQmpFd(a.argv), argvB = withoutQmpFd(b.argv);
      const same = argvA.length === argvB.length && argvA.every((x, i) => x === argvB[i]);
      assert.deepEqual(r.argv && argvDiff(withoutQmpFd(r.from.argv), withoutQmpFd(r.to.argv)), same ? null : argvDiff(argvA, argvB), 'argv');
      const envDiff = (x: Record<string, string>, y: Record<string, string>) => Object.fromEntries(Object.entries(x).filter(([k, v]) => y[k] !== v));
      const env = { removed: envDiff(a.env, b.env), added: envDiff(b.env, a.env) };
      assert.deepEqual(r.env, Object.keys(env.removed).length + Object.keys(env.added).length ? env : null, 'env');
      if (!r.same) changed++;
    });
  }
  test('some configs do change between the releases', () => assert.ok(changed > 30, `${changed}`));
});
