// A cheap gate in front of the catalogue's "did you mean" (catalogue/suggest.ts): files with
// thousands of unknown keys (generated configs, the 100k-settings benchmark) must not pay an edit
// distance per key. A single edit changes the set of symbols a name uses by at most two, so when
// the sets of a name and of every catalogue key differ by more than twice the allowed distance, no
// key can be suggested and the suggester is not asked at all.
import { ALL_KEYS, suggestKeys } from '../catalogue';
import { distanceLimit } from '../catalogue/suggest';

const SYMBOLS = 'abcdefghijklmnopqrstuvwxyz0123456789_';

/** Bit of each ASCII character (upper case folded); everything else shares the last bit. */
const BIT = new Uint8Array(128).fill(SYMBOLS.length);
for (let i = 0; i < SYMBOLS.length; i++) {
  BIT[SYMBOLS.charCodeAt(i)] = i;
  const upper = SYMBOLS[i]!.toUpperCase().charCodeAt(0);
  if (upper !== SYMBOLS.charCodeAt(i)) BIT[upper] = i;
}

/** The set of symbols in a name as two 32-bit masks (reused buffer: no allocation per name). */
const MASK = new Uint32Array(2);
function symbolMask(name: string): Uint32Array {
  let lo = 0;
  let hi = 0;
  for (let i = 0; i < name.length; i++) {
    const c = name.charCodeAt(i);
    const bit = c < 128 ? BIT[c]! : SYMBOLS.length;
    if (bit < 32) lo |= 1 << bit;
    else hi |= 1 << (bit - 32);
  }
  MASK[0] = lo;
  MASK[1] = hi;
  return MASK;
}

function popcount(x: number): number {
  let n = x - ((x >>> 1) & 0x55555555);
  n = (n & 0x33333333) + ((n >>> 2) & 0x33333333);
  return (((n + (n >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

const INDEX = ALL_KEYS.map((k) => { const m = symbolMask(k.name); return { length: k.name.length, lo: m[0]!, hi: m[1]! }; });

/** Answers by (symbol set, length): generated names share a few of them. */
const gateMemo = new Map<number, boolean>();

/** Whether some catalogue key could be within the suggester's distance of `name`. */
export function mightHaveSuggestion(name: string): boolean {
  const mask = symbolMask(name);
  const lo = mask[0]!;
  const hi = mask[1]!;
  const key = lo * 4096 + hi * 64 + Math.min(name.length, 63);
  const known = gateMemo.get(key);
  if (known !== undefined) return known;
  const answer = gate(name, lo, hi);
  if (gateMemo.size > 50000) gateMemo.clear();
  gateMemo.set(key, answer);
  return answer;
}

function gate(name: string, lo: number, hi: number): boolean {
  const limit = distanceLimit(name.toLowerCase());
  for (const k of INDEX) {
    if (Math.abs(k.length - name.length) > limit) continue;
    if (popcount((lo ^ k.lo) >>> 0) + popcount((hi ^ k.hi) >>> 0) <= 2 * limit) return true;
  }
  return false;
}

/** The closest catalogue key to an unknown name, or undefined. */
export function didYouMean(name: string): string | undefined {
  return mightHaveSuggestion(name) ? suggestKeys(name, 1)[0] : undefined;
}
