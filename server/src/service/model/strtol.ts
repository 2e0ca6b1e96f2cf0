// Mirrors C's strtol/strtoul (glibc, LP64) as libxlutil and xl use them: leading whitespace, an
// optional sign, base 0 picks 0x hex / leading-0 octal / decimal. Results are bigint so that
// 64-bit values and wrap-around behave as in C.

export interface StrtolResult {
  /** The converted value (clamped to the type's range on overflow, as C does). */
  value: bigint;
  /** Index of the first character not consumed; 0 when nothing was converted. */
  end: number;
  /** True when the value did not fit (errno ERANGE). */
  overflow: boolean;
}

const LONG_MIN = -(1n << 63n);
const LONG_MAX = (1n << 63n) - 1n;
const ULONG_MAX = (1n << 64n) - 1n;

export function isCSpace(ch: string | undefined): boolean {
  return ch === ' ' || ch === '\t' || ch === '\n' || ch === '\v' || ch === '\f' || ch === '\r';
}

function digitValue(ch: string): number {
  const c = ch.charCodeAt(0);
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 97 && c <= 122) return c - 97 + 10;
  if (c >= 65 && c <= 90) return c - 65 + 10;
  return 99;
}

/** Parses digits; returns the magnitude, the end index, or end = -1 when no digit was read. */
function scan(s: string, from: number, base: number): { mag: bigint; end: number; base: number } {
  let i = from;
  let b = base;
  if ((b === 0 || b === 16) && s[i] === '0' && (s[i + 1] === 'x' || s[i + 1] === 'X') && digitValue(s[i + 2] ?? '') < 16) {
    i += 2;
    b = 16;
  } else if (b === 0) {
    b = s[i] === '0' ? 8 : 10;
  }
  const start = i;
  let mag = 0n;
  while (i < s.length && digitValue(s[i]!) < b) {
    mag = mag * BigInt(b) + BigInt(digitValue(s[i]!));
    i++;
  }
  return { mag, end: i === start ? -1 : i, base: b };
}

function prefix(s: string): { i: number; neg: boolean } {
  let i = 0;
  while (isCSpace(s[i])) i++;
  let neg = false;
  if (s[i] === '+' || s[i] === '-') {
    neg = s[i] === '-';
    i++;
  }
  return { i, neg };
}

/** strtol(s, &end, base) for a 64-bit long. */
export function strtol(s: string, base = 0): StrtolResult {
  const { i, neg } = prefix(s);
  const r = scan(s, i, base);
  if (r.end < 0) return { value: 0n, end: 0, overflow: false };
  const v = neg ? -r.mag : r.mag;
  if (v > LONG_MAX) return { value: LONG_MAX, end: r.end, overflow: true };
  if (v < LONG_MIN) return { value: LONG_MIN, end: r.end, overflow: true };
  return { value: v, end: r.end, overflow: false };
}

/** strtoul(s, &end, base) for a 64-bit unsigned long (a '-' negates modulo 2^64). */
export function strtoul(s: string, base = 0): StrtolResult {
  const { i, neg } = prefix(s);
  const r = scan(s, i, base);
  if (r.end < 0) return { value: 0n, end: 0, overflow: false };
  if (r.mag > ULONG_MAX) return { value: ULONG_MAX, end: r.end, overflow: true };
  return { value: neg ? BigInt.asUintN(64, -r.mag) : r.mag, end: r.end, overflow: false };
}

/** C conversions of a long to the narrower field types libxl uses. */
export const toInt32 = (v: bigint): number => Number(BigInt.asIntN(32, v));
export const toUint32 = (v: bigint): number => Number(BigInt.asUintN(32, v));
export const toUint64 = (v: bigint): number => Number(BigInt.asUintN(64, v));
/** C's atoi on glibc: strtol(s, NULL, 10) truncated to int. */
export const atoi = (s: string): number => toInt32(strtol(s, 10).value);
