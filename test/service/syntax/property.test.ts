// Property test: generated configs (valid ones, and ones mutated with the bytes and constructs that
// trip libxlutil up) parse exactly as the live libxlutil parses them: same verdict, same messages,
// same stored settings. Runs XLCFG_PROPERTY_RUNS cases (default 2000).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync, mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { spawnSync } from 'node:child_process';
import fc from 'fast-check';
import { requireOracle, BUILD_DIR } from '../../helpers/oracle';
import { parse, parseThroughTables } from '../../../server/src/service/syntax/parser';
import type { ParsedConfig } from '../../../server/src/service/syntax/parsed-config';
import { oracleParseReport } from '../../../server/src/service/syntax/oracle-view';

const RUNS = Number(process.env.XLCFG_PROPERTY_RUNS ?? 2000);
const enc = (s: string) => Buffer.from(s, 'latin1');

// ---- generators (byte strings, as latin1 JS strings) ----
const key = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom('name', 'memory', 'vcpus', 'disk', 'vif', 'type', 'a', 'b.c', 'x_1', 'dm_restrict') },
  { weight: 1, arbitrary: fc.constantFrom('Name', '_x', 'x-y', 'MEMORY', '9a', 'a:b', 'é') },
);
const number = fc.oneof(
  fc.constantFrom('0', '1', '010', '0x1f', '0x1F', '08', '1e5', '12abc', '12g', '99999999999999999999', '-1', '1.5', '+3'),
  fc.nat({ max: 100000 }).map(String),
);
const escape = fc.constantFrom('\\n', '\\t', '\\"', "\\'", '\\\\', '\\a', '\\b', '\\f', '\\r', '\\v', '\\x41', '\\x', '\\101', '\\012345',
  '\\0', '\\1', '\\12', '\\19x', '\\1 22', '\\1+2', '\\8', '\\q', '\\u0041', '\\');
const strChar = fc.oneof(
  { weight: 10, arbitrary: fc.constantFrom('a', 'b', ' ', '/', ':', ',', '=', '[', ']', '#', ';', "'", '"', '-', '.') },
  { weight: 3, arbitrary: escape },
  { weight: 1, arbitrary: fc.constantFrom('\xc3\xa9', '\xff', '\x80', '\t', '\r', '\x7f', '\x01') },
);
const quoted = fc.tuple(fc.constantFrom('"', "'"), fc.array(strChar, { maxLength: 8 }), fc.boolean())
  .map(([q, cs, close]) => q + cs.join('') + (close ? q : ''));
const atom = fc.oneof({ weight: 3, arbitrary: quoted }, { weight: 2, arbitrary: number }, { weight: 1, arbitrary: fc.constantFrom('hvm', 'True', '(1,2)', 'yes') });
const sep = fc.constantFrom('', ' ', '\n', ' # c\n', '\t', '\r\n', '\n\n');
const list: fc.Arbitrary<string> = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small', withCrossShrink: true }, atom, tie('list') as fc.Arbitrary<string>),
  list: fc.tuple(fc.array(fc.tuple(sep, tie('value') as fc.Arbitrary<string>, sep), { maxLength: 4 }), fc.constantFrom('', ',', ',,', ', '), fc.boolean())
    .map(([items, trail, close]) => '[' + items.map(([a, v, b]) => a + v + b).join(',') + (items.length ? trail : '') + (close ? ']' : '')),
})).list;
const value = fc.oneof({ weight: 4, arbitrary: atom }, { weight: 2, arbitrary: list }, { weight: 1, arbitrary: fc.constant('') });
const op = fc.constantFrom('=', '=', '=', ' = ', '+=', ' += ', '==', '', '=\n');
const statement = fc.oneof(
  { weight: 10, arbitrary: fc.tuple(key, op, value).map(([k, o, v]) => k + o + v) },
  { weight: 1, arbitrary: fc.constantFrom('# comment', '', ';', 'a b', '[1]', '=1', '\\', 'import os', 'a=1 b=2') },
);
const terminator = fc.constantFrom('\n', '\n', '\n', ';', '; ', '\r\n', ' # tail\n', '');
const config = fc.tuple(
  fc.constantFrom('', '', '', '\xef\xbb\xbf'),
  fc.array(fc.tuple(statement, terminator), { minLength: 1, maxLength: 6 }),
  fc.constantFrom('', '', '# eof comment', '#', '+', '\n', '"open', 'x=[1'),
).map(([bom, stmts, tail]) => bom + stmts.map(([s, t]) => s + t).join('') + tail);
// Random bytes too, but never a NUL inside quotes (libxlutil aborts on that).
const garbage = fc.uint8Array({ maxLength: 40 }).map((b) => Buffer.from(b).toString('latin1').replace(/\0/g, ' '));
const anyConfig = fc.oneof({ weight: 9, arbitrary: config }, { weight: 1, arbitrary: garbage });

describe('parser equals live libxlutil on generated configs', () => {
  const ready = requireOracle('parser property test');
  test(`${RUNS} generated configs`, { skip: !ready }, () => {
    const dir = mkdtempSync(join(tmpdir(), 'xlcfg-prop-'));
    const file = join(dir, 'x.cfg');
    let disagreements = 0;
    fc.assert(fc.property(anyConfig, (text) => {
      const bytes = enc(text);
      writeFileSync(file, bytes);
      const r = spawnSync(join(BUILD_DIR, 'xlu-parse'), ['--source', 'x.cfg', file], { encoding: 'utf8' });
      if (r.status !== 0 && r.status !== 1) return true; // libxlutil itself crashed: nothing to compare
      const theirs = JSON.parse(r.stdout);
      const ours = oracleParseReport(parse(bytes), 'x.cfg');
      try {
        assert.equal(ours.accepted, theirs.accepted, 'verdict');
        assert.deepEqual(ours.messages, theirs.messages, 'messages');
        assert.deepEqual(ours.settings, theirs.settings, 'settings');
      } catch (e) {
        disagreements++;
        throw new Error(`${(e as Error).message}\ninput: ${JSON.stringify(text)}`);
      }
      return true;
    }), { numRuns: RUNS, seed: process.env.XLCFG_PROPERTY_SEED ? Number(process.env.XLCFG_PROPERTY_SEED) : undefined });
    assert.equal(disagreements, 0);
  });
});

/** Everything a parse leaves behind: verdict, messages, token count and every column. */
function parseState(p: ParsedConfig): unknown {
  const col = (g: { a: Int32Array; n: number }) => Array.from(g.a.subarray(0, g.n));
  return {
    accepted: p.accepted, likelyPython: p.likelyPython, errors: p.errors, tokens: p.tokenCount,
    nodes: [p.nodeKind, p.nodeStart, p.nodeEnd, p.nodeLine, p.nodeOpenLine, p.nodeFirst, p.nodeNext].map(col),
    statements: [p.stmtKey, p.stmtOp, p.stmtValue, p.stmtAdd, p.stmtSetting, p.stmtKeyStart, p.stmtKeyEnd, p.stmtOpStart].map(col),
    stored: [p.setStmt, p.setPrev].map(col),
  };
}

describe('the statement and list item paths take the steps the tables take', () => {
  // parse walks `IDENT =|+= atom NEWLINE|;`, empty statements and `, atom` in lists without the
  // tables (syntax/statement-path.ts) and hands over to them wherever the input leaves those walks:
  // on any input, the result must be the one the tables alone give, for both lexers (with and
  // without `+=`).
  test(`${RUNS} generated configs, and the statements cut short at every byte`, () => {
    fc.assert(fc.property(anyConfig, fc.boolean(), (text, addAssign) => {
      const bytes = enc(text);
      assert.deepEqual(parseState(parse(bytes, { addAssign })), parseState(parseThroughTables(bytes, { addAssign })), JSON.stringify(text));
    }), { numRuns: RUNS, seed: process.env.XLCFG_PROPERTY_SEED ? Number(process.env.XLCFG_PROPERTY_SEED) : undefined });
    const whole = 'a = 1\nb += "x" ; c = 0x1f\nd = [1, "2" ,3,\n4, [5, 6], 7 8]\ne = "y\\n"\nf=\'\\0\'\ng = 2 $\nh = "open\ni = 3 4\n';
    for (let end = 0; end <= whole.length; end++) {
      const bytes = enc(whole.slice(0, end));
      assert.deepEqual(parseState(parse(bytes)), parseState(parseThroughTables(bytes)), JSON.stringify(whole.slice(0, end)));
    }
  });
});

describe('parser equals live libxlutil on large files with += throughout', () => {
  // The index of the setting a `+=` joins onto (syntax/newest-setting.ts) partitions the stored
  // settings past a thousand and again as they grow: files of tens of thousands of settings, keys
  // from small and large pools, string and list keys, and one with a string/list mix near its end.
  const ready = requireOracle('parser large-file test');
  const cases = [
    { name: 'few keys', settings: 30000, pool: 3000, clash: false },
    { name: 'many keys', settings: 60000, pool: 40000, clash: false },
    { name: 'a clash near the end', settings: 20000, pool: 500, clash: true },
  ];
  for (const c of cases) {
    test(`${c.settings} settings, ${c.pool} keys: ${c.name}`, { skip: !ready }, () => {
      let seed = c.settings;
      const next = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
      const isList = Array.from({ length: c.pool }, () => next() < 0.3);
      const seen = new Set<number>();
      const lines: string[] = [];
      for (let i = 0; i < c.settings; i++) {
        const k = Math.floor(next() * c.pool);
        let add = (seen.has(k) && next() < 0.4) || next() < 0.05;
        if (c.clash && i === c.settings - 100 && seen.has(k)) { add = true; isList[k] = !isList[k]; }
        lines.push(`k${k} ${add ? '+=' : '='} ${isList[k] ? `[ "a${i}", ${i} ]` : `"v${i}"`}`);
        seen.add(k);
      }
      const dir = mkdtempSync(join(tmpdir(), 'xlcfg-large-'));
      const file = join(dir, 'x.cfg');
      const bytes = enc(lines.join('\n') + '\n');
      writeFileSync(file, bytes);
      const r = spawnSync(join(BUILD_DIR, 'xlu-parse'), ['--source', 'x.cfg', file], { encoding: 'utf8', maxBuffer: 1 << 28 });
      const theirs = JSON.parse(r.stdout);
      const ours = oracleParseReport(parse(bytes), 'x.cfg');
      assert.equal(ours.accepted, theirs.accepted, 'verdict');
      assert.equal(ours.accepted, !c.clash);
      assert.deepEqual(ours.messages, theirs.messages, 'messages');
      assert.deepEqual(ours.settings, theirs.settings, 'settings');
    });
  }
});
