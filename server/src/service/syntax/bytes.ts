// Turning libxlutil's byte strings into JavaScript strings the way the oracle renders them: valid
// UTF-8 sequences pass through, any other byte >= 0x80 becomes the character U+00XX.

const utf8 = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true });

/** Length of the UTF-8 sequence starting with lead byte c that the oracle accepts, else 0. */
function sequenceLength(c: number): number {
  if (c >= 0xc2 && c <= 0xdf) return 2;
  if (c >= 0xe0 && c <= 0xef) return 3;
  if (c >= 0xf0 && c <= 0xf4) return 4;
  return 0;
}

export function bytesToString(b: Uint8Array, start = 0, end = b.length): string {
  let ascii = true;
  for (let i = start; i < end; i++) if (b[i]! >= 0x80) { ascii = false; break; }
  if (ascii) return latin1(b, start, end);
  let out = '';
  let runStart = start;
  for (let i = start; i < end;) {
    const c = b[i]!;
    if (c < 0x80) { i++; continue; }
    const n = sequenceLength(c);
    let ok = n > 0 && i + n <= end;
    for (let k = 1; ok && k < n; k++) if ((b[i + k]! & 0xc0) !== 0x80) ok = false;
    if (ok) { i += n; continue; }
    out += utf8.decode(b.subarray(runStart, i)) + String.fromCharCode(c);
    i++;
    runStart = i;
  }
  return out + utf8.decode(b.subarray(runStart, end));
}

/** Bytes as code units 0..255 (plain ASCII text; callers know there is nothing above 0x7f). */
function latin1(b: Uint8Array, start: number, end: number): string {
  // Short ones (most keys and values) without a subarray and an apply: ~10x faster per string.
  const s0 = start;
  switch (end - start) {
    case 0: return '';
    case 1: return String.fromCharCode(b[s0]!);
    case 2: return String.fromCharCode(b[s0]!, b[s0 + 1]!);
    case 3: return String.fromCharCode(b[s0]!, b[s0 + 1]!, b[s0 + 2]!);
    case 4: return String.fromCharCode(b[s0]!, b[s0 + 1]!, b[s0 + 2]!, b[s0 + 3]!);
    case 5: return String.fromCharCode(b[s0]!, b[s0 + 1]!, b[s0 + 2]!, b[s0 + 3]!, b[s0 + 4]!);
    case 6: return String.fromCharCode(b[s0]!, b[s0 + 1]!, b[s0 + 2]!, b[s0 + 3]!, b[s0 + 4]!, b[s0 + 5]!);
    case 7: return String.fromCharCode(b[s0]!, b[s0 + 1]!, b[s0 + 2]!, b[s0 + 3]!, b[s0 + 4]!, b[s0 + 5]!, b[s0 + 6]!);
    case 8: return String.fromCharCode(b[s0]!, b[s0 + 1]!, b[s0 + 2]!, b[s0 + 3]!, b[s0 + 4]!, b[s0 + 5]!, b[s0 + 6]!, b[s0 + 7]!);
  }
  if (end - start < 4096) return String.fromCharCode.apply(null, b.subarray(start, end) as unknown as number[]);
  let s = '';
  for (let i = start; i < end; i += 4096) s += String.fromCharCode.apply(null, b.subarray(i, Math.min(end, i + 4096)) as unknown as number[]);
  return s;
}

export function stringToBytes(s: string): Uint8Array {
  return new TextEncoder().encode(s);
}
