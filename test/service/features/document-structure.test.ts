// Outline (document symbols), folding and selection ranges as pure functions.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../../../server/src/service/analyze';
import { documentSymbols, groupOf, SYMBOL_KIND, SYMBOL_DEPRECATED, UNKNOWN_GROUP, MAX_SETTINGS } from '../../../server/src/service/features/document-symbols';
import { foldingRanges } from '../../../server/src/service/features/folding';
import { selectionRanges } from '../../../server/src/service/features/selection-ranges';
import { ALL_KEYS } from '../../../server/src/service/catalogue';

const enc = new TextEncoder();
const an = (text: string) => analyze({ bytes: enc.encode(text), options: { xenVersion: '4.17' } });

describe('document symbols', () => {
  const text = [
    'name = "g"', 'type = "hvm"', 'memory = 512', 'memory = 1024', 'stdvga = 1', 'memroy = 3',
    'vif = [ "bridge=xenbr0" ]', 'vif += [ "bridge=xenbr1", "" ]', 'cpus = [ "0", [ "1" ] ]', '',
  ].join('\n');
  const syms = documentSymbols(an(text));
  const group = (name: string) => syms.find((g) => g.name === name)!;

  test('every catalogue key has a group from the catalogue; unknown keys have their own', () => {
    for (const k of ALL_KEYS) assert.notEqual(groupOf(k.name), UNKNOWN_GROUP, k.name);
    assert.equal(groupOf('memroy'), UNKNOWN_GROUP);
    assert.equal(groupOf('vif'), 'Devices');
    assert.equal(groupOf('memory'), groupOf('vcpus'));
  });

  test('one symbol per assignment, under its group, groups in order of first appearance', () => {
    assert.deepEqual(syms.map((g) => g.name), ['Domain and life cycle', 'CPUs and memory', 'Graphics and consoles', UNKNOWN_GROUP, 'Devices']);
    assert.ok(syms.every((g) => g.kind === SYMBOL_KIND.Namespace));
    assert.deepEqual(group('CPUs and memory').children!.map((s) => s.name), ['memory', 'memory', 'cpus']);
    assert.equal(syms.flatMap((g) => g.children!).length, 9);
    const name = group('Domain and life cycle').children![0]!;
    assert.equal(name.kind, SYMBOL_KIND.Property);
    assert.deepEqual([name.start, name.end, name.selectionStart, name.selectionEnd], [0, 10, 0, 4]);
    for (const g of syms) for (const c of g.children!) assert.ok(g.start <= c.start && c.end <= g.end, 'a group spans its settings');
  });

  test('the detail shows the operator, the value, and overridden assignments', () => {
    const [m1, m2] = group('CPUs and memory').children!;
    assert.equal(m1!.detail, '= 512 (overridden)');
    assert.equal(m2!.detail, '= 1024');
    const [v1, v2] = group('Devices').children!;
    assert.equal(v1!.detail, '= [1 item]');
    assert.equal(v2!.detail, '+= [2 items]');
  });

  test('list items are children: strings decoded, empty ones as written, nested lists as arrays', () => {
    const v2 = group('Devices').children![1]!;
    assert.deepEqual(v2.children!.map((c) => [c.name, c.kind]), [['bridge=xenbr1', SYMBOL_KIND.String], ['""', SYMBOL_KIND.String]]);
    const cpus = group('CPUs and memory').children![2]!;
    assert.deepEqual(cpus.children!.map((c) => [c.name, c.kind]), [['0', SYMBOL_KIND.String], ['[1 item]', SYMBOL_KIND.Array]]);
    assert.equal(cpus.children![1]!.children![0]!.name, '1');
  });

  test('deprecated keys are tagged (from the checks\' deprecated-key finding)', () => {
    assert.deepEqual(group('Graphics and consoles').children![0]!.tags, [SYMBOL_DEPRECATED]);
    assert.equal(group('CPUs and memory').children![0]!.tags, undefined);
  });

  test('a file with a syntax error still has its statements in the outline', () => {
    const s = documentSymbols(an('name = "g"\nmemory = \nvcpus = 2\n'));
    assert.deepEqual(s.flatMap((g) => g.children!.map((c) => c.name)), ['name', 'vcpus']);
  });
});

describe('folding ranges', () => {
  test('multi-line lists fold up to the line before a `]` that starts its line', () => {
    const f = foldingRanges(an('disk = [\n  "a",\n  "b",\n]\nvif = [ "x",\n  "y" ]\nc = [ 1 ]\n'));
    assert.deepEqual(f, [{ startLine: 0, endLine: 2 }, { startLine: 4, endLine: 5 }]);
  });

  test('nested multi-line lists fold too', () => {
    assert.deepEqual(foldingRanges(an('x = [\n  [ 1,\n    2 ],\n]\n')), [{ startLine: 0, endLine: 2 }, { startLine: 1, endLine: 2 }]);
  });

  test('two or more consecutive comment lines fold as a comment block; trailing comments do not count', () => {
    const f = foldingRanges(an('# a\n  # b\n# c\nname = "g" # d\n# e\n\n# f\n# g\n'));
    assert.deepEqual(f, [{ startLine: 0, endLine: 2, kind: 'comment' }, { startLine: 6, endLine: 7, kind: 'comment' }]);
  });
});

describe('selection ranges', () => {
  const text = 'name = "g"\nvif = [ "bridge=xenbr0,mac=00:16:3e:00:00:01" ]\n\nmemory = 512\n';
  const a = an(text);
  const sel = (needle: string, delta = 0) => selectionRanges(a, text.indexOf(needle) + delta).map((s) => text.slice(s.start, s.end));

  test('field value -> field -> string text -> string -> list -> statement -> group -> document', () => {
    assert.deepEqual(sel('16:3e'), [
      '00:16:3e:00:00:01', 'mac=00:16:3e:00:00:01', 'bridge=xenbr0,mac=00:16:3e:00:00:01', '"bridge=xenbr0,mac=00:16:3e:00:00:01"',
      '[ "bridge=xenbr0,mac=00:16:3e:00:00:01" ]', 'vif = [ "bridge=xenbr0,mac=00:16:3e:00:00:01" ]',
      'name = "g"\nvif = [ "bridge=xenbr0,mac=00:16:3e:00:00:01" ]', text,
    ]);
  });

  test('on a key: key -> statement -> group -> document', () => {
    assert.deepEqual(sel('memory', 2), ['memory', 'memory = 512', text]);
  });

  test('each range strictly contains the one before it', () => {
    for (let o = 0; o <= text.length; o++) {
      const r = selectionRanges(a, o);
      assert.ok(r.length >= 1 && r[0]!.start <= o && o <= r[0]!.end, `offset ${o}`);
      for (let i = 1; i < r.length; i++) {
        assert.ok(r[i]!.start <= r[i - 1]!.start && r[i]!.end >= r[i - 1]!.end && (r[i]!.end - r[i]!.start) > (r[i - 1]!.end - r[i - 1]!.start), `offset ${o}`);
      }
    }
  });
});

describe('large inputs', () => {
  test(`the outline lists at most ${MAX_SETTINGS} assignments and ${200} items per list`, () => {
    const many = an(Array.from({ length: MAX_SETTINGS + 1000 }, (_, i) => `k${i} = ${i}`).join('\n') + `\ncpus = [${'"1",'.repeat(1000)}]\n`);
    const s = documentSymbols(many);
    assert.equal(s.flatMap((g) => g.children!).length, MAX_SETTINGS);
    const list = documentSymbols(an(`cpus = [${'"1",'.repeat(1000)}]\n`))[0]!.children![0]!;
    assert.equal(list.detail, '= [1000 items]');
    assert.equal(list.children!.length, 200);
  });

  test('folding and selection on a list of a million items', () => {
    const a = an(`cpus = [\n${'1,'.repeat(1_000_000)}\n]\n`);
    assert.deepEqual(foldingRanges(a), [{ startLine: 0, endLine: 1 }]);
    assert.equal(selectionRanges(a, 20).length, 4, "item, list, statement, document");
  });
});
