// Interns key names straight from their bytes (FNV-1a hash, open addressing), so the parser can tell
// two settings of the same key apart without building a JS string per statement.
import { bytesToString } from './bytes';

export class KeyInterner {
  private table: Int32Array;
  /** The full hash of the key in each occupied slot: most mismatches are seen without reading bytes. */
  private slotHash: Int32Array;
  private starts: Int32Array;
  private ends: Int32Array;
  private count = 0;
  private names: (string | undefined)[] = [];

  constructor(private readonly src: Uint8Array, expected = 256) {
    let size = 64;
    while (size < expected * 2) size *= 2;
    this.table = new Int32Array(size).fill(-1);
    this.slotHash = new Int32Array(size);
    this.starts = new Int32Array(Math.max(32, expected));
    this.ends = new Int32Array(Math.max(32, expected));
  }

  get size(): number { return this.count; }

  /** The id of the key spelled by bytes [start, end). */
  intern(start: number, end: number): number {
    const src = this.src;
    let h = 0x811c9dc5;
    for (let i = start; i < end; i++) h = Math.imul(h ^ src[i]!, 0x01000193);
    const mask = this.table.length - 1;
    for (let slot = h & mask; ; slot = (slot + 1) & mask) {
      const id = this.table[slot]!;
      if (id < 0) {
        this.table[slot] = this.add(start, end);
        this.slotHash[slot] = h;
        if (this.count * 2 > this.table.length) this.rehash();
        return this.count - 1;
      }
      if (this.slotHash[slot] === h && this.same(id, start, end)) return id;
    }
  }

  /** The id of a key given as a string (keys are ASCII), or -1 when no statement uses it. */
  lookup(name: string): number {
    let h = 0x811c9dc5;
    for (let i = 0; i < name.length; i++) h = Math.imul(h ^ (name.charCodeAt(i) & 0xff), 0x01000193);
    const mask = this.table.length - 1;
    for (let slot = h & mask; ; slot = (slot + 1) & mask) {
      const id = this.table[slot]!;
      if (id < 0) return -1;
      if (this.slotHash[slot] === h && this.name(id) === name) return id;
    }
  }

  name(id: number): string {
    return (this.names[id] ??= bytesToString(this.src, this.starts[id]!, this.ends[id]!));
  }

  private same(id: number, start: number, end: number): boolean {
    const s = this.starts[id]!, len = this.ends[id]! - s;
    if (len !== end - start) return false;
    for (let i = 0; i < len; i++) if (this.src[s + i] !== this.src[start + i]) return false;
    return true;
  }

  private add(start: number, end: number): number {
    if (this.count === this.starts.length) {
      const s = new Int32Array(this.count * 2); s.set(this.starts); this.starts = s;
      const e = new Int32Array(this.count * 2); e.set(this.ends); this.ends = e;
    }
    this.starts[this.count] = start; this.ends[this.count] = end;
    return this.count++;
  }

  private rehash(): void {
    const table = new Int32Array(this.table.length * 2).fill(-1);
    const slotHash = new Int32Array(table.length);
    const mask = table.length - 1;
    for (let old = 0; old < this.table.length; old++) {
      const id = this.table[old]!;
      if (id < 0) continue;
      const h = this.slotHash[old]!;
      let slot = h & mask;
      while (table[slot]! >= 0) slot = (slot + 1) & mask;
      table[slot] = id;
      slotHash[slot] = h;
    }
    this.table = table;
    this.slotHash = slotHash;
  }
}
