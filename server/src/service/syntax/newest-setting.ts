// Which stored setting a `+=` joins onto while parsing: the newest one with the same key
// (xlu__cfg_set_store). Built at the first `+=`: the stored settings' key hashes, partitioned by
// their top bits into buckets of a few dozen (a counting pass and a scatter pass, both streaming,
// where a hash table of 100,000 keys missed the cache on nearly every insert); settings stored after
// that are kept in a short list of their own, partitioned again once it grows. A lookup scans one
// bucket and that list, newest first, and checks a matching hash against the key's bytes. One
// index serves every parse (reset at its start): its buffers are kept, so a large file with `+=`
// allocates nothing for it once one has been parsed.
import { keyHash } from './key-interner';

export interface StoredKeys {
  /** The statement of each stored setting, and each statement's key bytes. */
  readonly setStmt: Int32Array;
  readonly keyStart: Int32Array;
  readonly keyEnd: Int32Array;
}

/** Settings per bucket, about (a lookup scans one bucket). */
const PER_BUCKET = 32;
/** The list of settings stored since the partition is partitioned again past this length (or 1/8 of the partitioned ones). */
const RECENT_MAX = 1024;

export class NewestSettingIndex {
  /** Stored settings [0, partitioned) are in the buckets: bucket b holds entries [bucketStart[b], bucketStart[b + 1]). */
  private partitioned = 0;
  private shift = 32;
  private bucketStart = new Int32Array(2);
  private entryHash = new Int32Array(0);
  private entrySetting = new Int32Array(0);
  /** Scratch for a partition: each setting's hash, and each bucket's next free entry. */
  private scratchHash = new Int32Array(0);
  private scratchFill = new Int32Array(0);
  /** Key hashes of the settings [partitioned, partitioned + recentCount). */
  private recent = new Int32Array(64);
  private recentCount = 0;
  /** The recent ones by hash: open addressing, two Int32 per slot (hash, newest recent index + 1; 0: empty). */
  private recentSlots = new Int32Array(256);

  /** `hash`: the key hash (tests give a poor one, to make keys collide). */
  constructor(private src: Uint8Array, private readonly hash: (src: Uint8Array, start: number, end: number) => number = keyHash) {}

  /** Starts over for another source (nothing stored yet); the buffers stay. */
  reset(src: Uint8Array): void {
    this.src = src;
    this.partitioned = 0;
    this.shift = 32;
    if (this.recentCount) this.recentSlots.fill(0);
    this.recentCount = 0;
  }

  /**
   * The newest of the stored settings [0, n) whose key is bytes [start, end) of the source, or -1.
   * Settings stored since the last call are taken in first.
   */
  newest(start: number, end: number, stored: StoredKeys, n: number): number {
    const seen = this.partitioned + this.recentCount;
    if (seen < n) this.takeIn(stored, seen, n);
    const src = this.src, h = this.hash(src, start, end);
    const slots = this.recentSlots, mask = (slots.length >> 1) - 1;
    for (let slot = h & mask; ; slot = (slot + 1) & mask) {
      const v = slots[slot * 2 + 1]!;
      if (v === 0) break;
      if (slots[slot * 2] !== h) continue;
      // The newest recent setting with this hash; an older one if another key has the same hash.
      const recent = this.recent, base = this.partitioned;
      for (let i = v - 1; i >= 0; i--) {
        if (recent[i] === h && sameKey(src, stored, base + i, start, end)) return base + i;
      }
      break;
    }
    if (this.shift === 32) return -1;
    const b = h >>> this.shift, hashes = this.entryHash, settings = this.entrySetting;
    for (let e = this.bucketStart[b + 1]! - 1, first = this.bucketStart[b]!; e >= first; e--) {
      if (hashes[e] === h && sameKey(src, stored, settings[e]!, start, end)) return settings[e]!;
    }
    return -1;
  }

  private takeIn(stored: StoredKeys, from: number, n: number): void {
    const count = n - this.partitioned;
    if (count > RECENT_MAX && count * 8 > this.partitioned) { this.partition(stored, n); return; }
    if (count > this.recent.length) {
      const r = new Int32Array(Math.max(count, this.recent.length * 2)); r.set(this.recent.subarray(0, this.recentCount)); this.recent = r;
    }
    const grown = count * 4 > this.recentSlots.length;
    if (grown) this.recentSlots = new Int32Array(Math.max(this.recentSlots.length * 4, count * 8));
    const src = this.src, setStmt = stored.setStmt, keyStart = stored.keyStart, keyEnd = stored.keyEnd, recent = this.recent;
    for (let i = from; i < n; i++) {
      const stmt = setStmt[i]!;
      recent[i - this.partitioned] = this.hash(src, keyStart[stmt]!, keyEnd[stmt]!);
    }
    // A new table (grown above) takes every recent setting; else only the new ones.
    const firstNew = grown ? 0 : from - this.partitioned;
    const slots = this.recentSlots, mask = (slots.length >> 1) - 1;
    for (let r = firstNew; r < count; r++) {
      const h = recent[r]!;
      let slot = h & mask;
      while (slots[slot * 2 + 1] !== 0 && slots[slot * 2] !== h) slot = (slot + 1) & mask;
      slots[slot * 2] = h; slots[slot * 2 + 1] = r + 1;
    }
    this.recentCount = count;
  }

  /** Puts every stored setting [0, n) into buckets, in their order (so a bucket's newest is last). */
  private partition(stored: StoredKeys, n: number): void {
    let bits = 1;
    while ((1 << bits) * PER_BUCKET < n && bits < 20) bits++;
    const shift = 32 - bits, buckets = 1 << bits;
    const src = this.src, setStmt = stored.setStmt, keyStart = stored.keyStart, keyEnd = stored.keyEnd;
    if (this.scratchHash.length < n) {
      const size = Math.max(n, this.scratchHash.length * 2);
      this.scratchHash = new Int32Array(size); this.entryHash = new Int32Array(size); this.entrySetting = new Int32Array(size);
    }
    if (this.bucketStart.length < buckets + 1) { this.bucketStart = new Int32Array(buckets + 1); this.scratchFill = new Int32Array(buckets); }
    const hashes = this.scratchHash, start = this.bucketStart, fill = this.scratchFill;
    start.fill(0, 0, buckets + 1);
    for (let i = 0; i < n; i++) {
      const stmt = setStmt[i]!;
      const h = this.hash(src, keyStart[stmt]!, keyEnd[stmt]!);
      hashes[i] = h;
      start[(h >>> shift) + 1]!++;
    }
    for (let b = 0; b < buckets; b++) start[b + 1]! += start[b]!;
    fill.set(start.subarray(0, buckets));
    const entryHash = this.entryHash, entrySetting = this.entrySetting;
    for (let i = 0; i < n; i++) {
      const h = hashes[i]!, at = fill[h >>> shift]!++;
      entryHash[at] = h; entrySetting[at] = i;
    }
    this.partitioned = n; this.shift = shift;
    if (this.recentCount) this.recentSlots.fill(0);
    this.recentCount = 0;
  }
}

function sameKey(src: Uint8Array, stored: StoredKeys, setting: number, start: number, end: number): boolean {
  const stmt = stored.setStmt[setting]!;
  const s = stored.keyStart[stmt]!, len = stored.keyEnd[stmt]! - s;
  if (len !== end - start) return false;
  for (let i = 0; i < len; i++) if (src[s + i] !== src[start + i]) return false;
  return true;
}
