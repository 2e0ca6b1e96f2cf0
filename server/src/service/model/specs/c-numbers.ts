// The C library number readers xl's spec parsers lean on (glibc semantics, LP64): strtoul/strtoull
// and atoi, with the quirks that leak into the device xl builds (leading blanks, a sign that wraps,
// base-0 octal and hex prefixes, ULONG_MAX on overflow).

const ULONG_MAX = (1n << 64n) - 1n;

export interface CNumber {
  /** The value as an unsigned long (negative inputs wrap, overflow gives ULONG_MAX). */
  value: bigint;
  /** Index of the first character not used; equals `start` when nothing was converted. */
  end: number;
  /** The ERANGE case. */
  overflow: boolean;
}

const BLANK = /[ \t\n\v\f\r]/;

function digitValue(c: string): number {
  const code = c.toLowerCase().charCodeAt(0);
  if (code >= 48 && code <= 57) return code - 48;
  if (code >= 97 && code <= 122) return code - 87;
  return 99;
}

/** strtoul/strtoull from `start` in `s` with the given base (0, 10 or 16 in xl's uses). */
export function strtoul(s: string, base: number, start = 0): CNumber {
  let i = start;
  while (i < s.length && BLANK.test(s[i]!)) i++;
  let negative = false;
  if (s[i] === '+' || s[i] === '-') { negative = s[i] === '-'; i++; }
  let b = base;
  const hexPrefix = (s[i] === '0' && (s[i + 1] === 'x' || s[i + 1] === 'X') && i + 2 < s.length && digitValue(s[i + 2]!) < 16);
  if ((b === 0 || b === 16) && hexPrefix) { b = 16; i += 2; }
  else if (b === 0) b = s[i] === '0' ? 8 : 10;
  const digitsStart = i;
  let value = 0n;
  let overflow = false;
  while (i < s.length && digitValue(s[i]!) < b) {
    value = value * BigInt(b) + BigInt(digitValue(s[i]!));
    if (value > ULONG_MAX) overflow = true;
    i++;
  }
  if (i === digitsStart) return { value: 0n, end: start, overflow: false };
  if (overflow) return { value: ULONG_MAX, end: i, overflow: true };
  if (negative) value = (ULONG_MAX + 1n - value) & ULONG_MAX;
  return { value, end: i, overflow: false };
}

/** C atoi (glibc: strtol truncated to int). Garbage gives 0. */
export function atoi(s: string): number {
  const m = /^[ \t\n\v\f\r]*([+-]?)(\d+)/.exec(s);
  if (!m) return 0;
  let v = BigInt(m[2]!);
  const LONG_MAX = (1n << 63n) - 1n;
  if (m[1] === '-') v = v > LONG_MAX + 1n ? -(LONG_MAX + 1n) : -v;
  else if (v > LONG_MAX) v = LONG_MAX;
  return Number(BigInt.asIntN(32, v));
}

/** Truncation to a C `unsigned int` / `int` / `uint8_t`. */
export const toUint32 = (v: bigint): number => Number(BigInt.asUintN(32, v));
export const toInt32 = (v: bigint): number => Number(BigInt.asIntN(32, v));
export const toUint8 = (v: bigint): number => Number(BigInt.asUintN(8, v));
