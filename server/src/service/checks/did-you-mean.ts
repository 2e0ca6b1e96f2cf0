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

/**
 * Answers by (symbol set, length), in a direct-mapped cache of typed arrays: generated names share a
 * few of them, and a Map keyed by a number above 2^31 (the symbol set and the length) boxes and
 * hashes a double per name. A slot that two sets share is recomputed, never wrong (the gate is a
 * function of the set and the length, and no catalogue key is near 63 characters long).
 */
const SLOTS = 4096;
const slotLo = new Int32Array(SLOTS);
/** hi * 64 + length, + 1 (0: an empty slot). */
const slotRest = new Int32Array(SLOTS);
const slotAnswer = new Uint8Array(SLOTS);

/** Whether some catalogue key could be within the suggester's distance of `name`. */
export function mightHaveSuggestion(name: string): boolean {
  const mask = symbolMask(name);
  const lo = mask[0]! | 0;
  const rest = mask[1]! * 64 + Math.min(name.length, 63) + 1;
  const slot = Math.imul(lo ^ Math.imul(rest, 0x27d4eb2f), 0x9e3779b1) >>> 20;
  if (slotLo[slot] === lo && slotRest[slot] === rest) return slotAnswer[slot] === 1;
  const answer = gate(name, mask[0]!, mask[1]!);
  slotLo[slot] = lo; slotRest[slot] = rest; slotAnswer[slot] = answer ? 1 : 0;
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
