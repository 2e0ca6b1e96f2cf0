// Formatting never changes what libxlutil stores (line numbers aside), checked with the real parser
// of Xen 4.17: every config of the corpus and of our fixtures, plus generated ones (the fuzzer's
// generators and list layouts with comments and blank lines), formatted and compared before and
// after in one oracle batch (and after formatting a random range). Also: a file the oracle refuses gets no edits, and formatting twice
// gives what formatting once gives.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ORACLES, requireOracleRelease, CORPUS_DIR, FIXTURES_DIR } from '../../helpers/oracle';
import { prng } from '../../helpers/prng';
import { realisticConfig, keyValueConfig, grammarConfig, mutatedConfig } from '../../fuzz/generators';
import { analyze } from '../../../server/src/service/analyze';
import { formatEdits, formatRangeEdits, applyByteEdits, formatDocument } from '../../../server/src/service/features/format';

const GENERATED = Number(process.env.XLCFG_FORMAT_RUNS ?? 600);

/** Lists laid out every which way: comments after `[`, items and commas, blank lines, nesting, long items. */
function listLayoutConfig(r: () => number): string {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  const sp = () => pick(['', ' ', '  ', '\t', '\n', '\n  ', ' # note\n', '\n\n', '\n# own line\n']);
  const atom = () => pick(['"phy:/dev/vg0/guest,xvda,w"', "'bridge=xenbr0,mac=00:16:3e:00:00:01'", '1', '0x1f', '""',
    '"a\\"b \\\\ c\\n"', "'\\101\\tx'", `"${'x'.repeat(Math.floor(r() * 70))}"`, '"é ü"']);
  const value = (depth: number): string => {
    if (depth > 2 || r() < 0.5) return atom();
    const n = Math.floor(r() * 5);
    const items = Array.from({ length: n }, () => sp() + value(depth + 1) + sp());
    return `[${sp()}${items.join(',')}${n && r() < 0.4 ? `,${sp()}` : ''}]`;
  };
  const lines: string[] = [];
  for (let i = Math.floor(r() * 6) + 1; i > 0; i--) {
    const key = pick(['disk', 'vif', 'name', 'cpus', 'extra', 'x.y', 'usbdevice', 'serial']);
    lines.push(`${pick(['', ' ', '\t'])}${key}${pick(['=', ' = ', '  =\t'])}${value(0)}${pick(['', ' ', ';', ' ; ', ' # tail', ';;'])}`);
    if (r() < 0.3) lines.push(pick(['', '   ', '# comment   ', '\t# indented comment', '']));
  }
  return lines.join('\n') + pick(['\n', '', '\n\n\n']);
}

/** What the oracle stores, line numbers aside. */
function stored(report: any): unknown {
  const strip = (v: any): any => (v.type === 'list' ? { type: 'list', items: v.items.map(strip) } : { type: v.type, value: v.value });
  return {
    accepted: report.accepted,
    settings: report.settings.map((s: any) => ({ name: s.name, op: s.op, value: strip(s.value) })),
    effective: Object.fromEntries(Object.entries(report.effective).map(([k, v]) => [k, strip(v)])),
  };
}

describe('formatting keeps what libxlutil stores (Xen 4.17 oracle)', () => {
  const ready = requireOracleRelease('4.17', 'formatting round trip');
  test('corpus, fixtures and generated configs: same settings before and after, idempotent', { skip: !ready, timeout: 600_000 }, () => {
    const inputs: { name: string; bytes: Uint8Array }[] = [];
    for (const dir of [CORPUS_DIR, join(FIXTURES_DIR, 'corpus')]) {
      for (const f of readdirSync(dir).sort()) if (f.endsWith('.cfg')) inputs.push({ name: `c-${inputs.length}`, bytes: readFileSync(join(dir, f)) });
    }
    const corpusCount = inputs.length;
    const r = prng(13);
    const enc = new TextEncoder();
    const sources = inputs.slice(0, corpusCount).map((i) => i.bytes);
    for (let i = 0; i < GENERATED; i++) {
      const k = i % 5;
      const bytes = k === 0 ? enc.encode(realisticConfig(r, i)) : k === 1 ? enc.encode(keyValueConfig(r))
        : k === 2 ? grammarConfig(r) : k === 3 ? mutatedConfig(r, sources[Math.floor(r() * sources.length)]!) : enc.encode(listLayoutConfig(r));
      inputs.push({ name: `g-${i}`, bytes });
    }
    const batch: { name: string; bytes: Uint8Array }[] = [];
    const formatted = new Map<string, Uint8Array>();
    const rangeFormatted = new Map<string, Uint8Array>();
    let changed = 0;
    const aborted = new Set<string>();
    for (const inp of inputs) {
      const a = analyze({ bytes: inp.bytes, options: { xenVersion: '4.17' } });
      const edits = formatEdits(a);
      // A NUL in a string aborts libxlutil (xlu-parse prints nothing): refused, and left alone.
      if (a.parsed.errors.some((e) => e.kind === 'abort')) aborted.add(inp.name); else batch.push(inp);
      if (!a.parsed.accepted) { assert.deepEqual(edits, [], `${inp.name}: a refused file gets no edits`); continue; }
      const out = applyByteEdits(inp.bytes, edits);
      if (edits.length) changed++;
      // The safety net refuses any result that would not store the same: it must never have to.
      assert.equal(formatDocument(a)!.text, new TextDecoder().decode(out), `${inp.name}: the edits give the formatted text`);
      const again = analyze({ bytes: out, options: { xenVersion: '4.17' } });
      assert.deepEqual(formatEdits(again), [], `${inp.name}: formatting twice changes nothing more\n${new TextDecoder().decode(out)}`);
      formatted.set(inp.name, out);
      batch.push({ name: `${inp.name}-fmt`, bytes: out });
      // A range formatting of a random range stores the same too.
      const s = Math.floor(r() * (inp.bytes.length + 1)), e = s + Math.floor(r() * (inp.bytes.length + 1 - s));
      const partial = applyByteEdits(inp.bytes, formatRangeEdits(a, s, e));
      rangeFormatted.set(inp.name, partial);
      batch.push({ name: `${inp.name}-range`, bytes: partial });
    }
    assert.ok(formatted.size > corpusCount / 2 + GENERATED / 4, `${formatted.size} accepted inputs`);
    assert.ok(changed > formatted.size / 3, `formatting changed ${changed} of ${formatted.size} files`);
    const results = ORACLES['4.17'].batch(batch, ['parse']);
    let compared = 0;
    for (const inp of inputs) {
      if (aborted.has(inp.name)) continue;
      const before = results.get(inp.name)!.parse;
      const out = formatted.get(inp.name);
      if (!out) {
        assert.equal(before.accepted, false, `${inp.name}: we left alone a file the oracle accepts`);
        continue;
      }
      assert.equal(before.accepted, true, `${inp.name}: we formatted a file the oracle refuses`);
      const after = results.get(`${inp.name}-fmt`)!.parse;
      assert.deepEqual(stored(after), stored(before),
        `${inp.name}: the oracle stores something else after formatting\n--- before\n${new TextDecoder().decode(inp.bytes)}\n--- after\n${new TextDecoder().decode(out)}`);
      const partial = results.get(`${inp.name}-range`)!.parse;
      assert.deepEqual(stored(partial), stored(before),
        `${inp.name}: the oracle stores something else after a range formatting\n--- after\n${new TextDecoder().decode(rangeFormatted.get(inp.name)!)}`);
      compared++;
    }
    assert.equal(compared, formatted.size);
    if (process.env.XLCFG_VERBOSE) console.log(`inputs ${inputs.length}, accepted ${formatted.size}, changed ${changed}, compared ${compared}`);
  });
});
