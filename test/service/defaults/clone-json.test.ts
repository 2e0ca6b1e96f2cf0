// cloneJson copies plain data directly: the same value, key order included, as JSON's round trip,
// for plain JSON and for what JSON rewrites (undefined, holes, -0, NaN, toJSON, __proto__, classes).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { cloneJson } from '../../../server/src/service/defaults/json';

const viaJson = (v: unknown): unknown => JSON.parse(JSON.stringify(v));

function same(v: unknown): void {
  const a = cloneJson(v), b = viaJson(v);
  assert.deepStrictEqual(a, b);
  assert.equal(JSON.stringify(a), JSON.stringify(b)); // the key order too
}

describe('cloneJson', () => {
  test('as JSON.parse(JSON.stringify(v)) on generated values', () => {
    fc.assert(fc.property(fc.jsonValue(), same), { numRuns: 2000 });
    fc.assert(fc.property(fc.dictionary(fc.string(), fc.anything({ withNullPrototype: true, withBoxedValues: true, withSparseArray: true, withDate: true })), same), { numRuns: 2000 });
  });
  test('as JSON on the values JSON rewrites', () => {
    for (const v of [
      { a: undefined, b: 1 }, [undefined, 1], [1, , 3], { n: -0 }, { n: NaN }, { n: Infinity }, [() => 1], { f: () => 1 },
      { d: new Date(0) }, { t: { toJSON: () => 'x' } }, JSON.parse('{"__proto__": {"x": 1}, "y": 2}'), { 2: 'b', 1: 'a', z: 0 },
      { s: Symbol('s') }, Object.create(null), new (class C { x = 1 })(), { deep: [{ a: [{ b: 'c' }] }] },
    ]) same(v);
  });
  test('a copy, not the same objects', () => {
    const v = { disks: [{ vdev: 'xvda' }] };
    const c = cloneJson(v);
    c.disks[0]!.vdev = 'xvdb';
    assert.equal(v.disks[0]!.vdev, 'xvda');
  });
});
