// "Did you mean": the catalogue keys closest to an unknown name. Built for files with thousands of
// unknown keys: a length and letter-count prefilter rejects most candidates before any edit
// distance is computed, and answers are memoised.

const ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789_';
const OTHER = ALPHABET.length; // every other character shares one bucket

function letterCounts(s: string): Uint8Array {
  const counts = new Uint8Array(OTHER + 1);
  for (let i = 0; i < s.length; i++) {
    const at = ALPHABET.indexOf(s[i]!);
    const slot = at < 0 ? OTHER : at;
    counts[slot] = Math.min(255, counts[slot]! + 1);
  }
  return counts;
}

/** Lower bound of the edit distance: every edit changes at most two letter counts by one. */
function countDistanceBound(a: Uint8Array, b: Uint8Array, limit: number): number {
  let diff = 0;
  for (let i = 0; i < a.length; i++) {
    diff += Math.abs(a[i]! - b[i]!);
    if (diff > 2 * limit) return limit + 1;
  }
  return Math.ceil(diff / 2);
}

/** Optimal-string-alignment distance (adjacent transpositions cost 1), giving up past `limit`. */
export function editDistance(a: string, b: string, limit = Number.MAX_SAFE_INTEGER): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  const cols = b.length + 1;
  let prev2 = new Array<number>(cols).fill(0);
  let prev = Array.from({ length: cols }, (_, j) => j);
  let cur = new Array<number>(cols).fill(0);
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, prev2[j - 2]! + 1);
      cur[j] = d;
      if (d < rowMin) rowMin = d;
    }
    if (rowMin > limit) return limit + 1;
    [prev2, prev, cur] = [prev, cur, prev2];
  }
  return prev[b.length]!;
}

/** How far a name may be from a key to be suggested: 1 for short names, up to 3 for long ones. */
export function distanceLimit(name: string): number {
  return Math.min(3, Math.max(1, Math.floor(name.length / 4)));
}

export interface Suggester {
  suggest(name: string, max?: number): string[];
}

export function makeSuggester(names: readonly string[], rank: (name: string) => number = () => 0): Suggester {
  const candidates = names.map((name) => ({ name, counts: letterCounts(name), rank: rank(name) }));
  const memo = new Map<string, string[]>();
  return {
    suggest(raw: string, max = 3): string[] {
      const key = `${max}\u0000${raw}`;
      const known = memo.get(key);
      if (known) return known.slice();
      const name = raw.toLowerCase();
      const limit = distanceLimit(name);
      const counts = letterCounts(name);
      const hits: { name: string; d: number; rank: number }[] = [];
      for (const c of candidates) {
        if (c.name === raw) continue;
        if (Math.abs(c.name.length - name.length) > limit) continue;
        if (countDistanceBound(counts, c.counts, limit) > limit) continue;
        const d = editDistance(name, c.name, limit);
        if (d <= limit) hits.push({ name: c.name, d, rank: c.rank });
      }
      hits.sort((x, y) => x.d - y.d || x.rank - y.rank || (x.name < y.name ? -1 : 1));
      const result = hits.slice(0, max).map((h) => h.name);
      if (memo.size > 10000) memo.clear();
      memo.set(key, result);
      return result.slice();
    },
  };
}
