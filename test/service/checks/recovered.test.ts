// Recovery on generated configs (issue 12, point 1): realistic configs (test/fuzz/generators.ts), each
// with one injected syntax error. For every one:
//  (a) our parse report (`xlcfg parse --json`) equals the real libxlutil's: recovery changes nothing
//      of it;
//  (b) the repaired text parses in the real libxlutil, and the findings recovery adds are exactly
//      what our analysis says of the repaired text: same codes and messages (with the suffix),
//      severities capped at warning, on the same lines; the only errors are the parse errors.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { realisticConfig } from '../../fuzz/generators';
import { prng } from '../../helpers/prng';
import { ORACLES, requireOracleRelease } from '../../helpers/oracle';
import { analyze } from '../../../server/src/service/analyze';
import { parse } from '../../../server/src/service/syntax/parser';
import { oracleParseReport } from '../../../server/src/service/syntax/oracle-view';
import { RECOVERED_SUFFIX, capSeverity } from '../../../server/src/service/checks/recovered';
import { LineIndex } from '../../../server/src/service/text/line-index';

const COUNT = Number(process.env.XLCFG_RECOVERY_CONFIGS ?? 300);
const OPTIONS = { xenVersion: '4.17', host: 'reference' } as const;

type Inject = (lines: string[], r: () => number) => string[] | null;
const pickIndex = (lines: string[], r: () => number, ok: (l: string) => boolean): number => {
  const idx = lines.map((l, i) => (ok(l) ? i : -1)).filter((i) => i >= 0);
  return idx.length ? idx[Math.floor(r() * idx.length)]! : -1;
};
const at = (lines: string[], i: number, f: (l: string) => string) => (i < 0 ? null : lines.map((l, j) => (j === i ? f(l) : l)));

/** One kind of mistake each; null when the config has no line it applies to. */
const INJECT: Record<string, Inject> = {
  'unclosed-list': (ls, r) => at(ls, pickIndex(ls, r, (l) => /\]$/.test(l)), (l) => l.replace(/ ?\]$/, '')),
  'unclosed-string': (ls, r) => at(ls, pickIndex(ls, r, (l) => /^\w+ = "[^"]*"$/.test(l)), (l) => l.slice(0, -1)),
  'missing-equals': (ls, r) => at(ls, pickIndex(ls, r, (l) => /^\w+ = /.test(l)), (l) => l.replace(' = ', ' ')),
  'missing-comma': (ls, r) => at(ls, pickIndex(ls, r, (l) => /', '/.test(l)), (l) => l.replace(`', '`, `' '`)),
  'bare-word': (ls, r) => at(ls, pickIndex(ls, r, (l) => /^\w+ = "[a-z]+"$/.test(l)), (l) => l.replace(/"/g, '')),
  'capital-key': (ls, r) => at(ls, pickIndex(ls, r, (l) => /^[a-z]/.test(l)), (l) => l[0]!.toUpperCase() + l.slice(1)),
  'lone-word': (ls, r) => { const i = 1 + Math.floor(r() * (ls.length - 1)); return [...ls.slice(0, i), 'oops', ...ls.slice(i)]; },
  'comment-at-end': (ls) => [...ls, '# the end'],
  crlf: (ls) => ls.map((l) => l + '\r'),
  bom: (ls) => ['\ufeff' + ls[0], ...ls.slice(1)],
};
const KINDS = Object.keys(INJECT);

/** A slip the analysis should report once the syntax error is out of the way. */
const SLIPS = ['memroy = 2048', 'vpcus = 2', 'acpi = "yes"', 'on_poweroff = "destory"'];

interface Input { name: string; kind: string; bytes: Uint8Array }

function inputs(): Input[] {
  const r = prng(0x12_2026);
  const out: Input[] = [];
  for (let n = 0; out.length < COUNT; n++) {
    const kind = KINDS[n % KINDS.length]!;
    let lines = realisticConfig(r, n).split('\n');
    lines.pop(); // the final newline
    if (r() < 0.6) lines.splice(1 + Math.floor(r() * (lines.length - 1)), 0, SLIPS[Math.floor(r() * SLIPS.length)]!);
    const bad = INJECT[kind]!(lines, r);
    if (!bad) continue;
    const text = bad.join('\n') + (kind === 'comment-at-end' ? '' : '\n');
    out.push({ name: `rec${n}-${kind}`, kind, bytes: new TextEncoder().encode(text) });
  }
  return out;
}

describe('recovery on generated configs with one syntax error each', () => {
  test('parse reports equal libxlutil\'s; recovered findings equal those of the repaired text, which libxlutil accepts', (t) => {
    if (!requireOracleRelease('4.17', 'recovered.test.ts')) { t.skip('no 4.17 oracle'); return; }
    const ins = inputs();
    const batch: { name: string; bytes: Uint8Array }[] = [];
    const repaired = new Map<string, Uint8Array>();
    for (const inp of ins) {
      const a = analyze({ bytes: inp.bytes, options: OPTIONS });
      assert.equal(a.parsed.accepted, false, `${inp.name}: the injected error is refused`);
      const rec = a.recovered;
      assert.ok(rec, `${inp.name}: a repaired text that parses\n${new TextDecoder().decode(inp.bytes)}`);
      repaired.set(inp.name, rec.recovery.bytes);
      batch.push({ name: inp.name, bytes: inp.bytes }, { name: `${inp.name}-repaired`, bytes: rec.recovery.bytes });
    }
    const res = ORACLES['4.17'].batch(batch, ['parse']);
    const recoveredPerKind = new Map<string, number>();
    for (const inp of ins) {
      // (a) `xlcfg parse --json`: exactly libxlutil's.
      const theirs = res.get(inp.name)!.parse;
      const ours = oracleParseReport(parse(inp.bytes), theirs.source);
      for (const k of ['accepted', 'errno', 'messages', 'settings', 'effective', 'num_settings'] as const) {
        assert.deepEqual(ours[k], theirs[k], `${inp.name}: ${k}`);
      }
      // (b) The repaired text: accepted by libxlutil, and its findings are the recovered ones.
      const rep = repaired.get(inp.name)!;
      const theirsRep = res.get(`${inp.name}-repaired`)!.parse;
      assert.equal(theirsRep.accepted, true, `${inp.name}: libxlutil accepts the repaired text\n${new TextDecoder().decode(rep)}`);
      assert.deepEqual(oracleParseReport(parse(rep), theirsRep.source).settings, theirsRep.settings, `${inp.name}: repaired settings`);
      const a = analyze({ bytes: inp.bytes, options: OPTIONS });
      const b = analyze({ bytes: rep, options: OPTIONS });
      const skip = new Set(['xlcfg-directive', 'large-file']);
      const repLines = new LineIndex(rep, 0);
      const expected = b.findings.filter((f) => !skip.has(f.code)).map((f) => ({
        code: f.code, severity: capSeverity(f.severity), message: f.message + RECOVERED_SUFFIX, line: repLines.lineOf(f.start),
      }));
      const got = a.findings.filter((f) => f.data?.recovered !== undefined).map((f) => ({
        code: f.code, severity: f.severity, message: f.message, line: a.lines.lineOf(f.start),
      }));
      assert.deepEqual(got, expected, inp.name);
      assert.deepEqual(a.findings.filter((f) => f.severity === 'error').map((f) => f.code).filter((c) => !c.startsWith('parse-error')), [],
        `${inp.name}: only parse errors are errors`);
      if (got.length) recoveredPerKind.set(inp.kind, (recoveredPerKind.get(inp.kind) ?? 0) + 1);
    }
    if (process.env.XLCFG_VERBOSE) console.log(`configs ${ins.length}, with recovered findings per kind: ${JSON.stringify(Object.fromEntries(recoveredPerKind))}`);
    // Every kind of injected error leaves the other findings visible somewhere.
    for (const k of KINDS) assert.ok((recoveredPerKind.get(k) ?? 0) > 0, `${k}: recovered findings in some config`);
  });
});
