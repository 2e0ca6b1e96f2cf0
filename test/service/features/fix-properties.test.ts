// Fixes keep meaning: over generated configs (the fuzzer's realistic and key-by-value generators),
// every quick fix with edits (and "Fix all") is applied, and the real toolstack of each release says
//   1. what libxlutil stores is unchanged except the settings the fix edits or adds (line numbers
//      aside), and a file it accepted still parses;
//   2. the reason is gone: the xl or libxl line the finding quoted no longer appears, and a finding
//      of our own no longer comes back with the same code and message.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { isDeepStrictEqual } from 'node:util';
import { ORACLES, ORACLE_RELEASES, requireOracleRelease, type BatchResult } from '../../helpers/oracle';
import { prng } from '../../helpers/prng';
import { keyValueConfig, realisticConfig } from '../../fuzz/generators';
import { analyzeFile } from '../checks/corpus-helpers';
import { applyEdits, fixAll, fixesFor, type Action } from '../../../server/src/service/features/code-actions';
import type { Finding } from '../../../server/src/service/finding';
import type { Analysis } from '../../../server/src/service/analyze';

const CASES = Number(process.env.XLCFG_CASES ?? 300);
const SEED = Number(process.env.XLCFG_SEED ?? 23);
const enc = (s: string) => new TextEncoder().encode(s);

interface Applied { name: string; config: string; finding: Finding | null; action: Action; before: Uint8Array; after: Uint8Array; touched: Set<string> }

/** The settings whose statements an edit overlaps (or touches at an end). */
function touchedKeys(a: Analysis, action: Action): Set<string> {
  const keys = new Set<string>();
  for (const s of a.settings) {
    for (const e of action.edits ?? []) if (e.start <= s.end && s.keyStart <= e.end) keys.add(s.name);
  }
  return keys;
}

/** Drops the line numbers of libxlutil's values (a fix may add or remove lines). */
function withoutLines(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(withoutLines);
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).filter(([k]) => k !== 'line').map(([k, x]) => [k, withoutLines(x)]));
  return v;
}

/** Every line xl and libxl printed for a config, as bodies comparable with a finding's quote. */
function toolstackLines(o: BatchResult): string {
  return [String(o.dryrun?.stderr ?? ''), ...((o.argv?.log ?? []) as string[])].join('\n');
}

for (const release of ORACLE_RELEASES) {
  describe(`quick fixes keep meaning on generated configs (Xen ${release} oracle)`, () => {
    if (!requireOracleRelease(release, `fix properties, Xen ${release}`)) return;
    const r = prng(SEED);
    const applied: Applied[] = [];
    for (let n = 0; n < CASES; n++) {
      const config = n % 2 ? realisticConfig(r, n) : keyValueConfig(r);
      const before = enc(config);
      const a = analyzeFile(`fx${n}`, before, { xenVersion: release, host: 'reference' });
      if (!a.parsed.accepted) continue;
      const seen = new Set<string>();
      const add = (finding: Finding | null, action: Action) => {
        if (!action.edits?.length) return;
        const after = applyEdits(before, action.edits);
        const key = new TextDecoder().decode(after);
        if (seen.has(key)) return;
        seen.add(key);
        applied.push({ name: `fx${n}-${applied.length}`, config, finding, action, before, after, touched: touchedKeys(a, action) });
      };
      for (const f of a.findings) for (const action of fixesFor(a, f)) add(f, action);
      const all = fixAll(a);
      if (all) add(null, all);
    }
    const names = [...new Set(applied.map((x) => x.name.replace(/-\d+$/, '')))];
    const oracle = ORACLES[release].batch([
      ...names.map((n) => ({ name: n, bytes: applied.find((x) => x.name.startsWith(`${n}-`))!.before })),
      ...applied.map((x) => ({ name: x.name, bytes: x.after })),
    ]);

    test('fixes were offered', () => assert.ok(applied.length > 50, `${applied.length} fixes`));
    for (const x of applied) {
      const title = `${x.name}: ${x.finding ? `${x.finding.code}: ` : ''}${x.action.title}`;
      test(title, () => {
        const was = oracle.get(x.name.replace(/-\d+$/, ''))!;
        const now = oracle.get(x.name)!;
        const ctx = `config:\n${x.config}\nafter:\n${new TextDecoder().decode(x.after)}`;
        assert.ok(now.parse.accepted, `libxlutil refuses the fixed file: ${now.parse.messages}\n${ctx}`);
        const e0 = was.parse.effective as Record<string, unknown>;
        const e1 = now.parse.effective as Record<string, unknown>;
        for (const k of new Set([...Object.keys(e0), ...Object.keys(e1)])) {
          if (x.touched.has(k) || !(k in e0)) continue;
          assert.ok(isDeepStrictEqual(withoutLines(e0[k]), withoutLines(e1[k])), `the fix changed \`${k}\`, which it does not touch\n${ctx}`);
        }
        if (!x.finding) return;
        const quote = (x.finding.data?.libxlMessage ?? x.finding.data?.xlMessage) as string | undefined;
        if (quote && toolstackLines(was).includes(quote)) {
          assert.ok(!toolstackLines(now).includes(quote), `the toolstack still says: ${quote}\n${ctx}`);
        }
        const again = analyzeFile(x.name, x.after, { xenVersion: release, host: 'reference' });
        const same = again.findings.filter((f) => f.code === x.finding!.code && f.message === x.finding!.message && f.start === x.finding!.start);
        assert.deepEqual(same.map((f) => f.message), [], `the finding is still there\n${ctx}`);
      });
    }
  });
}
