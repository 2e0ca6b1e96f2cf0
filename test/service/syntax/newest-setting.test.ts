// The `+=` index (syntax/newest-setting.ts) answers what a backward scan over the stored settings
// answers, whatever the order of stores and lookups: with the real hash, and with poor hashes that
// make keys collide (same length, or one hash for all), across the partitions it makes on the way,
// and with one index reset for each new source (its buffers kept from the sources before).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { NewestSettingIndex, type StoredKeys } from '../../../server/src/service/syntax/newest-setting';
import { keyHash } from '../../../server/src/service/syntax/key-interner';

const KEYS = ['a', 'b', 'ab', 'ba', 'abc', 'cab', 'k1', 'k2', 'k10', 'kernel', 'memory', 'vif'];
const HASHES: Record<string, (src: Uint8Array, start: number, end: number) => number> = {
  real: keyHash,
  'by length': (_src, start, end) => end - start,
  'one for all': () => 7,
};

/** Keys written one after another (separated by a space); statement i is setting i. */
function stored(keys: readonly string[]): { src: Uint8Array; stored: StoredKeys; start: number[]; end: number[] } {
  const src = new TextEncoder().encode(keys.join(' ') + ' ' + KEYS.join(' '));
  const start: number[] = [], end: number[] = [];
  let at = 0;
  for (const k of [...keys, ...KEYS]) { start.push(at); end.push(at + k.length); at += k.length + 1; }
  const ids = Int32Array.from(keys.map((_, i) => i));
  return { src, stored: { setStmt: ids, keyStart: Int32Array.from(start), keyEnd: Int32Array.from(end) }, start, end };
}

for (const [name, hash] of Object.entries(HASHES)) {
  test(`the newest stored setting of a key, as a backward scan finds it (hash: ${name}; one index reset for each source, as the parser uses it)`, () => {
    const index = new NewestSettingIndex(new Uint8Array(0), hash);
    fc.assert(fc.property(
      fc.array(fc.constantFrom(...KEYS), { minLength: 1, maxLength: 3000 }),
      fc.array(fc.tuple(fc.nat(), fc.constantFrom(...KEYS.keys())), { maxLength: 60 }),
      (keys, lookups) => {
        const s = stored(keys);
        index.reset(s.src);
        // Lookups at growing numbers of stored settings, as a parse makes them.
        const at = lookups.map(([n, k]) => [n % (keys.length + 1), k] as const).sort((x, y) => x[0] - y[0]);
        for (const [n, k] of at) {
          const q = keys.length + k; // the lookup key's own place in the source (after the stored ones)
          let expected = -1;
          for (let i = n - 1; i >= 0; i--) if (keys[i] === KEYS[k]) { expected = i; break; }
          assert.equal(index.newest(s.start[q]!, s.end[q]!, s.stored, n), expected, `${KEYS[k]} among the first ${n}`);
        }
      },
    ), { numRuns: name === 'one for all' ? 30 : 100 });
  });
}

test('every path: recent settings only, the first partition, recent ones after it, their table growing, a new partition', () => {
  let seed = 2026;
  const next = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0);
  const keys = Array.from({ length: 6000 }, () => KEYS[next() % KEYS.length]!);
  for (const [name, hash] of Object.entries(HASHES)) {
    const s = stored(keys);
    const index = new NewestSettingIndex(s.src, hash);
    for (const n of [0, 1, 70, 500, 1024, 1500, 1501, 1570, 1700, 2900, 3000, 3100, 5999, 6000]) {
      for (let k = 0; k < KEYS.length; k++) {
        const q = keys.length + k;
        const expected = keys.lastIndexOf(KEYS[k]!, n - 1);
        assert.equal(index.newest(s.start[q]!, s.end[q]!, s.stored, n), n === 0 ? -1 : expected, `${name}: ${KEYS[k]} among the first ${n}`);
      }
    }
  }
});
