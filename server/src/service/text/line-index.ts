// Byte offsets (the pipeline works on bytes, as libxlutil does) to LSP positions (line, UTF-16
// column) and back. `hidden` bytes at the start (a BOM the editor does not show) map to column 0.

export interface Position { line: number; character: number }
export interface Range { start: Position; end: Position }

export class LineIndex {
  /** Byte offset where each line starts. */
  private readonly starts: Int32Array;

  constructor(private readonly bytes: Uint8Array, private readonly hidden = 0) {
    let count = 1;
    for (let i = bytes.indexOf(10); i >= 0; i = bytes.indexOf(10, i + 1)) count++;
    const starts = new Int32Array(count);
    let n = 1;
    for (let i = bytes.indexOf(10); i >= 0; i = bytes.indexOf(10, i + 1)) starts[n++] = i + 1;
    this.starts = starts;
  }

  get lineCount(): number { return this.starts.length; }

  lineOf(offset: number): number {
    let lo = 0, hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= offset) lo = mid; else hi = mid - 1;
    }
    return lo;
  }

  lineStart(line: number): number { return this.starts[Math.max(0, Math.min(line, this.starts.length - 1))]!; }

  positionAt(offset: number): Position {
    const o = Math.max(0, Math.min(offset, this.bytes.length));
    const line = this.lineOf(o);
    let from = this.starts[line]!;
    if (line === 0) from = Math.min(Math.max(from, this.hidden), o);
    if (this.isAscii(line)) return { line, character: o - from };
    // Long non-ASCII lines: continue from the last position asked on the same line when possible.
    const m = this.memo;
    if (m.line === line && m.offset <= o && m.offset >= from) {
      const character = m.units + utf16Length(this.bytes, m.offset, o);
      this.memo = { line, offset: o, units: character };
      return { line, character };
    }
    const character = utf16Length(this.bytes, from, o);
    this.memo = { line, offset: o, units: character };
    return { line, character };
  }

  private memo = { line: -1, offset: 0, units: 0 };
  /** Per line: 0 unknown, 1 ASCII only, 2 has bytes >= 0x80. */
  private ascii?: Uint8Array;

  private isAscii(line: number): boolean {
    const a = (this.ascii ??= new Uint8Array(this.starts.length));
    if (a[line] === 0) {
      const end = line + 1 < this.starts.length ? this.starts[line + 1]! : this.bytes.length;
      let plain = true;
      for (let i = this.starts[line]!; i < end; i++) if (this.bytes[i]! >= 0x80) { plain = false; break; }
      a[line] = plain ? 1 : 2;
    }
    return a[line] === 1;
  }

  rangeOf(start: number, end: number): Range {
    return { start: this.positionAt(start), end: this.positionAt(Math.max(start, end)) };
  }

  offsetAt(p: Position): number {
    if (p.line >= this.starts.length) return this.bytes.length;
    let o = this.starts[Math.max(0, p.line)]!;
    if (p.line === 0) o = Math.max(o, this.hidden);
    const lineEnd = p.line + 1 < this.starts.length ? this.starts[p.line + 1]! - 1 : this.bytes.length;
    let units = 0;
    while (o < lineEnd && units < p.character) {
      const c = this.bytes[o]!;
      const n = c < 0x80 ? 1 : c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : c >= 0xc0 ? 2 : 1;
      units += n === 4 ? 2 : 1;
      o += n;
    }
    return Math.min(o, lineEnd);
  }
}

/** UTF-16 code units that the UTF-8 bytes [from, to) decode to (invalid bytes count as one). */
export function utf16Length(b: Uint8Array, from: number, to: number): number {
  let units = 0;
  for (let i = from; i < to; i++) {
    const c = b[i]!;
    if (c < 0x80 || c >= 0xc0) units += c >= 0xf0 ? 2 : 1;
    else if (i === from || b[i - 1]! < 0x80) units += 1; // stray continuation byte
  }
  return units;
}
