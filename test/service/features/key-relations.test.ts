// Semantic tokens (from the checks' findings), definition and highlight between assignments.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../../../server/src/service/analyze';
import { semanticTokens, SEMANTIC_TOKEN_LEGEND } from '../../../server/src/service/features/semantic-tokens';
import { definitionAt, highlightsAt } from '../../../server/src/service/features/assignments';
import { assignmentsByName, statements } from '../../../server/src/service/features/statements';
import type { XenVersion } from '../../../server/src/service/options';

const enc = new TextEncoder();
const an = (text: string, xenVersion: XenVersion = '4.17', severities = {}) =>
  analyze({ bytes: enc.encode(text), options: { xenVersion }, severities });

describe('semantic tokens', () => {
  const text = 'name = "g"\ntype = "pv"\nkernel = "/k"\nvga = "stdvga"\nvga = "none"\nstdvga = 1\nmemroy = 3\nvncviewer = 1\nmemroy += 3\n';
  const words = (t: string, a = an(t)) => semanticTokens(a).map((k) => `${t.slice(k.start, k.end)}:${k.modifiers.join('+')}`);

  test('a small legend', () => {
    assert.deepEqual(SEMANTIC_TOKEN_LEGEND.tokenTypes, ['property', 'parameter', 'enumMember']);
    assert.deepEqual(SEMANTIC_TOKEN_LEGEND.tokenModifiers, ['unknown', 'deprecated', 'ignored']);
  });

  test('unknown, deprecated and ignored keys, every assignment of them, in source order', () => {
    assert.deepEqual(words(text), ['vga:ignored', 'vga:ignored', 'stdvga:deprecated', 'memroy:unknown', 'vncviewer:ignored', 'memroy:unknown']);
  });

  test('keys the target release does not read count as unknown', () => {
    const t = 'name = "g"\ntype = "pv"\nkernel = "/k"\nbootloader_restrict = 1\n';
    assert.deepEqual(words(t, an(t, '4.17')), ['bootloader_restrict:unknown']);
    assert.deepEqual(words(t, an(t, '4.20')), []);
  });

  test('a check switched off (severity setting or directive) gives no token', () => {
    assert.deepEqual(words(text, an(text, '4.17', { 'unknown-key': 'off' })).filter((w) => w.startsWith('memroy')), []);
    const t = 'name = "g"\n# xlcfg-disable-next-line unknown-key\nmemroy = 3\n';
    assert.deepEqual(words(t), []);
  });

  test('no tokens for a file that does not parse', () => {
    assert.deepEqual(words('memroy = 3\nx = \n'), []);
  });
});

describe('definition and highlight between assignments', () => {
  const text = 'memory = 512\nextra = "a"\nmemory = 1024\nextra += " b"\nextra += " c"\nmemory = 2048\nname = "g"\n';
  const a = an(text);
  const nth = (needle: string, n: number) => { let i = -1; for (let k = 0; k <= n; k++) i = text.indexOf(needle, i + 1); return i; };
  const def = (needle: string, n = 0, delta = 1) => {
    const d = definitionAt(a, nth(needle, n) + delta);
    return d ? [text.slice(d.start, d.end), d.start] : null;
  };

  test('a `+=` goes to the assignment it extends', () => {
    assert.deepEqual(def('extra +=', 0), ['extra', nth('extra', 0)]);
    assert.deepEqual(def('extra +=', 1), ['extra', nth('extra', 1)]);
    assert.deepEqual(def('extra +=', 1, 7), ['extra', nth('extra', 1)], 'on the operator too');
  });

  test('an overridden assignment goes to the one xl reads; that one has none', () => {
    assert.deepEqual(def('memory', 0), ['memory', nth('memory', 2)]);
    assert.deepEqual(def('memory', 1), ['memory', nth('memory', 2)]);
    assert.equal(def('memory', 2), null);
    assert.equal(def('extra = ', 0), null, 'the base of the chain xl reads');
    assert.equal(def('name'), null);
    assert.equal(definitionAt(a, text.indexOf('512') + 1), null, 'not on a value');
  });

  test('highlight: every assignment of the key; overridden ones as text, the rest as writes', () => {
    const h = highlightsAt(a, nth('memory', 1) + 2);
    assert.deepEqual(h.map((x) => [x.start, x.kind]), [[nth('memory', 0), 1], [nth('memory', 1), 1], [nth('memory', 2), 3]]);
    const e = highlightsAt(a, nth('extra', 2));
    assert.deepEqual(e.map((x) => x.kind), [3, 3, 3]);
    assert.deepEqual(highlightsAt(a, text.indexOf('"g"')), []);
  });

  test('a `+=` chain after a later `=` starts again; a `+=` with nothing before starts a chain', () => {
    const roles = assignmentsByName(statements(an('x += [1]\nx += [2]\nx = [3]\nx += [4]\n'))).get('x')!;
    assert.deepEqual(roles.map((r) => [r.stmt.index, r.extends?.index ?? null, r.base.index, r.effective]),
      [[0, null, 0, false], [1, 0, 0, false], [2, null, 2, true], [3, 2, 2, true]]);
  });

  test('works in a file with a syntax error (statements after it included)', () => {
    const t = 'x = 1\nbad = \nx += 2\n';
    const b = an(t);
    assert.equal(b.parsed.accepted, false);
    const d = definitionAt(b, t.indexOf('x +='));
    assert.equal(d?.start, 0);
  });
});
