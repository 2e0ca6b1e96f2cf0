// Mirrors libxlutil's string dequoting (xlu__cfgl_dequote in tools/libs/util/libxlu_cfg.c, Xen 4.10 to
// 4.22), including its two bugs: `\x` always fails (it skips a byte, then demands more hex digits than
// it reads), and `\0`..`\7` parse up to three more bytes as a *decimal* number (strtoul, so leading
// blanks and a sign count) and then drop the value.

export const MSG_HEX = 'invalid digit after backslash hexnumerical character escape in quoted string';
export const MSG_OCTAL = 'invalid digit after backslash octalnumerical character escape in quoted string';
export const MSG_BAD_ESCAPE = 'invalid character after backlash in quoted string';

/** Which escape rule failed (hex: `\x`; octal: `\0`..`\7`; bad: any other character). */
export type EscapeKind = 'hex' | 'octal' | 'bad';

export interface EscapeError {
  readonly message: string;
  readonly escape: EscapeKind;
  /** Byte span of the offending escape in the source. */
  readonly start: number;
  readonly end: number;
}

const SIMPLE: Record<number, number> = {
  0x22: 0x22, 0x27: 0x27, 0x5c: 0x5c,
  0x61: 7, 0x62: 8, 0x66: 12, 0x6e: 10, 0x72: 13, 0x74: 9, 0x76: 11,
};

/** The next backslash in [from, to), or -1 (indexOf would scan past the token). */
function nextBackslash(src: Uint8Array, from: number, to: number): number {
  for (let i = from; i < to; i++) if (src[i] === 0x5c) return i;
  return -1;
}

const isCSpace = (c: number) => c === 0x20 || (c >= 9 && c <= 13);
const isDigit = (c: number) => c >= 0x30 && c <= 0x39;

/**
 * How many of the (at most `max`) bytes at `p` C's strtoul(..., 10) consumes; `end` bounds the token
 * (the closing quote stops it anyway; flex's NUL after the token ends strncpy).
 */
function strtoulDecimalLength(src: Uint8Array, p: number, max: number, end: number): number {
  const lim = Math.min(p + max, end);
  let q = p;
  while (q < lim && isCSpace(src[q]!)) q++;
  if (q < lim && (src[q] === 0x2b || src[q] === 0x2d)) q++;
  const digitsStart = q;
  while (q < lim && isDigit(src[q]!)) q++;
  return q === digitsStart ? 0 : q - p;
}

/**
 * Checks (and optionally decodes) the quoted token [start, end), quotes included.
 * Returns the first error libxlutil would raise, or null.
 */
export function checkEscapes(src: Uint8Array, start: number, end: number): EscapeError | null {
  const close = end - 1;
  let p = nextBackslash(src, start + 1, close);
  while (p >= 0) {
    const r = escapeAt(src, p, end);
    if (r.error) return r.error;
    p = nextBackslash(src, r.next, close);
  }
  return null;
}

interface EscapeStep { next: number; byte: number; error?: EscapeError }

/** One escape at `p` (a backslash inside the token ending at `end`). byte -1 = produces nothing. */
function escapeAt(src: Uint8Array, p: number, end: number): EscapeStep {
  const nc = src[p + 1]!;
  const simple = SIMPLE[nc];
  if (simple !== undefined) return { next: p + 2, byte: simple };
  if (nc === 0x78) { // \x: skips one byte, then can never read enough digits
    return { next: end, byte: -1, error: { message: MSG_HEX, escape: 'hex', start: p, end: Math.min(p + 4, end - 1) } };
  }
  if (nc >= 0x30 && nc <= 0x37) {
    const n = strtoulDecimalLength(src, p + 2, 3, end);
    if (n <= 1) return { next: end, byte: -1, error: { message: MSG_OCTAL, escape: 'octal', start: p, end: p + 2 + n } };
    return { next: p + 2 + n, byte: -1 };
  }
  return { next: end, byte: -1, error: { message: MSG_BAD_ESCAPE, escape: 'bad', start: p, end: p + 2 } };
}

/** The bytes libxlutil stores for the quoted token [start, end) (valid per checkEscapes). */
export function decodeString(src: Uint8Array, start: number, end: number): Uint8Array {
  const close = end - 1;
  let p = nextBackslash(src, start + 1, close);
  if (p < 0) return src.subarray(start + 1, close);
  const out = new Uint8Array(close - start - 1);
  let o = 0, from = start + 1;
  while (p >= 0) {
    out.set(src.subarray(from, p), o); o += p - from;
    const r = escapeAt(src, p, end);
    if (r.error) { from = close; break; }
    if (r.byte >= 0) out[o++] = r.byte;
    from = r.next;
    p = nextBackslash(src, from, close);
  }
  if (from < close) { out.set(src.subarray(from, close), o); o += close - from; }
  return out.subarray(0, o);
}
