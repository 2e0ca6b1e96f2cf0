// Interns key names straight from their bytes (FNV-1a hash, open addressing), so the parser can tell
// two settings of the same key apart without building a JS string per statement.
import { bytesToString } from './bytes';

/**
 * FNV-1a's low bits, which pick the slot, barely differ between keys like k0000001 and k0000002: the
 * finaliser of MurmurHash3 spreads them (without it, linear probing made long runs on such keys).
 */
function mix(h: number): number {
  h ^= h >>> 16; h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13; h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}

/** The hash of the key spelled by bytes [start, end) of `src` (FNV-1a, then mixed). */
export function keyHash(src: Uint8Array, start: number, end: number): number {
  let h = 0x811c9dc5;
  for (let i = start; i < end; i++) h = Math.imul(h ^ src[i]!, 0x01000193);
  return mix(h);
}

export class KeyInterner {
  /**
   * Open addressing, one Int32 per slot: the id + 1 of the key there (0: empty); zero-filled, so a new
   * table needs no fill. Each key's full hash is kept by id (hashes), read only when a probe meets a
   * key: interning the keys of a large file misses the cache on nearly every probe, and a table of
   * ids alone is half the memory of one with the hashes beside them.
   */
  private slots: Int32Array;
  private mask: number;
  private starts: Int32Array;
  private ends: Int32Array;
  private hashes: Int32Array;
  private count = 0;
  /** Names made so far, by id (a Map: an array written first at a high id turned into a slow dictionary). */
  private readonly names = new Map<number, string>();

  constructor(private readonly src: Uint8Array, expected = 256) {
    let size = 64;
    while (size < expected * 2) size *= 2;
    this.slots = new Int32Array(size);
    this.mask = size - 1;
    this.starts = new Int32Array(Math.max(32, expected));
    this.ends = new Int32Array(Math.max(32, expected));
    this.hashes = new Int32Array(Math.max(32, expected));
  }

  get size(): number { return this.count; }

  /** The id of the key spelled by bytes [start, end). */
  intern(start: number, end: number): number {
    const src = this.src;
    const h = keyHash(src, start, end);
    // Every field is read up front: a field read only on the path where a key repeats (rare in a
    // large file of distinct keys) had no type feedback when V8 optimised this loop, and V8
    // deoptimised there on every run of such a file.
    const slots = this.slots, mask = this.mask, hashes = this.hashes, starts = this.starts, ends = this.ends;
    for (let slot = h & mask; ; slot = (slot + 1) & mask) {
      const id = slots[slot]! - 1;
      if (id < 0) {
        const added = this.add(start, end, h);
        slots[slot] = added + 1;
        if (this.count * 2 > mask + 1) this.rehash();
        return added;
      }
      if (hashes[id] !== h) continue;
      const s = starts[id]!, len = ends[id]! - s;
      if (len !== end - start) continue;
      let i = 0;
      while (i < len && src[s + i] === src[start + i]) i++;
      if (i === len) return id;
    }
  }

  /** The id of a key given as a string (keys are ASCII), or -1 when no statement uses it. */
  lookup(name: string): number {
    let h = 0x811c9dc5;
    for (let i = 0; i < name.length; i++) h = Math.imul(h ^ (name.charCodeAt(i) & 0xff), 0x01000193);
    h = mix(h);
    const slots = this.slots, mask = this.mask;
    for (let slot = h & mask; ; slot = (slot + 1) & mask) {
      const id = slots[slot]! - 1;
      if (id < 0) return -1;
      if (this.hashes[id] === h && this.name(id) === name) return id;
    }
  }

  name(id: number): string {
    let name = this.names.get(id);
    if (name === undefined) this.names.set(id, name = bytesToString(this.src, this.starts[id]!, this.ends[id]!));
    return name;
  }

  private add(start: number, end: number, h: number): number {
    if (this.count === this.starts.length) {
      const s = new Int32Array(this.count * 2); s.set(this.starts); this.starts = s;
      const e = new Int32Array(this.count * 2); e.set(this.ends); this.ends = e;
      const x = new Int32Array(this.count * 2); x.set(this.hashes); this.hashes = x;
    }
    this.starts[this.count] = start; this.ends[this.count] = end; this.hashes[this.count] = h;
    return this.count++;
  }

  private rehash(): void {
    const size = (this.mask + 1) * 2, mask = size - 1;
    const slots = new Int32Array(size);
    const old = this.slots;
    for (let o = 0; o < old.length; o++) {
      if (old[o] === 0) continue;
      let slot = this.hashes[old[o]! - 1]! & mask;
      while (slots[slot] !== 0) slot = (slot + 1) & mask;
      slots[slot] = old[o]!;
    }
    this.slots = slots;
    this.mask = mask;
  }
}
