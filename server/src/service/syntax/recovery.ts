// What really happened at a parse error, the repair that makes the text parse, and an error-tolerant
// pass that repairs the text error by error so that the rest of the pipeline can look at the other
// settings. libxlutil's own verdict and messages are never touched: this is a second opinion on a copy.
//
// Repairs keep every line where it is: they insert or replace within a line (a `]`, a quote, `=`, a
// comma), replace bytes by blanks of the same length (CR, BOM, a dropped line) or append the final
// newline. An offset map takes positions in the repaired text back to the original.
import { T } from './grammar';
import { parse, type ParseOptions } from './parser';
import type { ParsedConfig } from './parsed-config';
import type { ParseError } from './parse-error';

/** A byte edit of a text: replace [start, end) by `newText` (ASCII). */
export interface ByteEdit { readonly start: number; readonly end: number; readonly newText: string }

/** What happened at a parse error, in data (parse-explain.ts says it in words). */
export type SyntaxCause =
  | { kind: 'unclosed-list'; opens: number[]; openLines: number[]; at: number; atEnd: boolean }
  | { kind: 'missing-comma'; at: number }
  | { kind: 'missing-equals'; key: string; at: number }
  | { kind: 'lone-word'; word: string; lineStart: number }
  | { kind: 'unclosed-string'; quote: string; at: number }
  | { kind: 'bare-word'; start: number; end: number };

export interface Diagnosis {
  readonly cause: SyntaxCause;
  /** The quick fix's edits, in offsets of the text diagnosed. */
  readonly edits: readonly ByteEdit[];
}

const isBlank = (c: number | undefined) => c === 0x20 || c === 0x09;
const VALUE_END = new Set<number>([T.String, T.Number, T.RBracket]);
const VALUE_START = new Set<number>([T.String, T.Number, T.LBracket]);

/** The number of tokens that start before `offset` (token starts never decrease). */
function tokensBefore(p: ParsedConfig, offset: number): number {
  let lo = 0, hi = p.tokenCount;
  while (lo < hi) { const mid = (lo + hi) >> 1; if (p.tokStart.get(mid) < offset) lo = mid + 1; else hi = mid; }
  return lo;
}

/** The index of the token that starts at `offset` (the lookahead of a syntax error), or -1. */
function tokenAt(p: ParsedConfig, offset: number, kind?: number): number {
  for (let i = tokensBefore(p, offset); i < p.tokenCount && p.tokStart.get(i) === offset; i++) {
    if (kind === undefined || p.tokKind.get(i) === kind) return i;
  }
  return -1;
}

/** The last token that starts before `offset`. */
function tokenBefore(p: ParsedConfig, offset: number): number {
  return tokensBefore(p, offset) - 1;
}

/** The previous token that is not a NEWLINE (comments belong to NEWLINE tokens), or -1. */
function prevSolid(p: ParsedConfig, i: number): number {
  let j = i - 1;
  while (j >= 0 && p.tokKind.get(j) === T.Newline) j--;
  return j;
}

const MAX_LOOKBACK = 20000;

/** The `[` tokens still open at token `i` (exclusive) within its statement, innermost first. */
export function openBrackets(p: ParsedConfig, i: number): number[] {
  const opens: number[] = [];
  let depth = 0;
  // Bounded, so that a file of garbage costs linear time: real lists are far shorter.
  for (let j = i - 1; j >= 0 && j >= i - MAX_LOOKBACK; j--) {
    const k = p.tokKind.get(j);
    if (k === T.RBracket) depth++;
    else if (k === T.LBracket) { if (depth === 0) opens.push(j); else depth--; }
    else if (depth === 0 && (k === T.Assign || k === T.AddAssign || k === T.Semicolon)) break;
  }
  return opens;
}

function lineStartOf(src: Uint8Array, offset: number): number {
  let i = Math.min(offset, src.length);
  while (i > 0 && src[i - 1] !== 0x0a) i--;
  return i;
}

function lineEndOf(src: Uint8Array, offset: number): number {
  const nl = src.indexOf(0x0a, offset);
  return nl < 0 ? src.length : nl;
}

const text = (src: Uint8Array, s: number, e: number) => String.fromCharCode(...src.subarray(s, Math.min(e, s + 200)));

/** The bare run of characters from `start` up to a blank, `;`, `,`, `]`, `#`, a quote or the line's end. */
function bareEnd(src: Uint8Array, start: number): number {
  let e = start;
  while (e < src.length) {
    const c = src[e]!;
    if (c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d || c === 0x3b || c === 0x2c || c === 0x5d || c === 0x23 || c === 0x22 || c === 0x27) break;
    e++;
  }
  return e;
}

/**
 * What happened at parse error `e` of `p`, with the edits that repair it, for the causes a plain
 * token look can tell (an unclosed list or string, a missing comma or `=`, a bare word); null otherwise.
 */
export function diagnoseParseError(p: ParsedConfig, e: ParseError): Diagnosis | null {
  const src = p.src;
  if (e.kind === 'syntax') {
    const expecting = e.expecting ?? [];
    const expectsClose = expecting.includes("']'");
    const lookKind = e.unexpected === '$end' ? T.End : undefined;
    const i = tokenAt(p, e.start, lookKind);
    if (i < 0) return null;
    const k = p.tokKind.get(i);
    const prev = prevSolid(p, i);
    const prevKind = prev >= 0 ? p.tokKind.get(prev) : -1;
    if (expecting[0] === '+=' && expecting[1] === "'='") {
      if (prevKind !== T.Ident) return null;
      const key = text(src, p.tokStart.get(prev), p.tokEnd.get(prev));
      if (k === T.Newline || k === T.End) {
        const ls = lineStartOf(src, p.tokStart.get(prev));
        return { cause: { kind: 'lone-word', word: key, lineStart: ls }, edits: [{ start: ls, end: ls, newText: '# ' }] };
      }
      const at = p.tokEnd.get(prev);
      return { cause: { kind: 'missing-equals', key, at }, edits: [{ start: at, end: at, newText: ' =' }] };
    }
    const opens = openBrackets(p, i);
    if (opens.length && expectsClose) {
      const next = i + 1 < p.tokenCount ? p.tokKind.get(i + 1) : -1;
      const statementStarts = k === T.Ident && (next === T.Assign || next === T.AddAssign);
      if (k === T.End || k === T.Semicolon || statementStarts) {
        const at = prev >= 0 ? p.tokEnd.get(prev) : e.start;
        return {
          cause: { kind: 'unclosed-list', opens: opens.map((o) => p.tokStart.get(o)), openLines: opens.map((o) => p.tokLine.get(o)), at, atEnd: k === T.End },
          edits: [{ start: at, end: at, newText: ' ' + ']'.repeat(opens.length) }],
        };
      }
      if (VALUE_START.has(k) && VALUE_END.has(prevKind)) {
        const at = p.tokEnd.get(prev);
        return { cause: { kind: 'missing-comma', at }, edits: [{ start: at, end: at, newText: ',' }] };
      }
    }
    if (k === T.Ident && (expectsClose || expecting[0] === 'STRING')) {
      const s = e.start, end = bareEnd(src, s);
      if (src[end] === 0x22 || src[end] === 0x27) return null; // glued to a quote: not a plain word
      const word = text(src, s, end);
      return { cause: { kind: 'bare-word', start: s, end }, edits: [{ start: s, end, newText: `"${word}"` }] };
    }
    return null;
  }
  if (e.kind === 'lexical') {
    const q = src[e.start];
    if (q !== 0x22 && q !== 0x27) return null;
    // An unclosed string: close it at the end of its line, before a list's closing `]`/`,` if it is
    // in a list (a string cannot hold a newline, so this is where it was meant to end).
    const lineEnd = lineEndOf(src, e.start);
    let at = lineEnd;
    while (at > e.start + 1 && (isBlank(src[at - 1]) || src[at - 1] === 0x0d)) at--;
    const inList = openBrackets(p, tokenBefore(p, e.start) + 1).length > 0;
    if (inList) {
      let b = at;
      while (b > e.start + 1 && (src[b - 1] === 0x5d || src[b - 1] === 0x2c || isBlank(src[b - 1]))) b--;
      if (b > e.start + 1) at = b;
    }
    const quote = String.fromCharCode(q);
    if (src.subarray(e.start + 1, at).includes(q) || src.subarray(e.start + 1, at).includes(0x5c)) return null;
    return { cause: { kind: 'unclosed-string', quote, at }, edits: [{ start: at, end: at, newText: quote }] };
  }
  return null;
}

// ---- the repairs the recovery makes for the other errors (same length where it can) ----

const BOM = [0xef, 0xbb, 0xbf];

/** A repair for the errors `diagnoseParseError` does not cover (lexical errors, mostly). */
function plainRepair(src: Uint8Array, e: ParseError, atStatementStart: boolean): ByteEdit[] | null {
  // A bad escape: the backslash becomes a blank, so the setting stays (dropping its line would make
  // the key look missing).
  if (e.kind === 'escape' && src[e.start] === 0x5c) return [{ start: e.start, end: e.start + 1, newText: ' ' }];
  if (e.kind !== 'lexical') return null;
  const c = src[e.start];
  if (e.start === 0 && BOM.every((b, i) => src[i] === b)) return [{ start: 0, end: 3, newText: '   ' }];
  if (c === 0x0d) {
    const edits: ByteEdit[] = [];
    for (let i = 0; i < src.length; i++) if (src[i] === 0x0d && (src[i + 1] === 0x0a || i === e.start)) edits.push({ start: i, end: i + 1, newText: ' ' });
    return edits;
  }
  if (c === 0x23 && src.indexOf(0x0a, e.start) < 0) return [{ start: src.length, end: src.length, newText: '\n' }];
  if (c !== undefined && c >= 0x41 && c <= 0x5a) {
    const m = /^[A-Za-z_][A-Za-z0-9_.]*/.exec(text(src, e.start, bareEnd(src, e.start)));
    if (!m) return null;
    const w = m[0], end = e.start + w.length;
    if (atStatementStart) return [{ start: e.start, end, newText: w.toLowerCase() }];
    if (w === 'True' || w === 'False') return [{ start: e.start, end, newText: (w === 'True' ? '1' : '0').padEnd(w.length) }];
    return [{ start: e.start, end: bareEnd(src, e.start), newText: `"${text(src, e.start, bareEnd(src, e.start))}"` }];
  }
  if ((c === 0x2d && src[e.start + 1]! >= 0x30 && src[e.start + 1]! <= 0x39) || (c === 0x2e && e.start > 0 && src[e.start - 1]! >= 0x30 && src[e.start - 1]! <= 0x39)) {
    let s = e.start;
    while (s > 0 && src[s - 1]! >= 0x30 && src[s - 1]! <= 0x39) s--;
    const end = bareEnd(src, e.start);
    return [{ start: s, end, newText: `"${text(src, s, end)}"` }];
  }
  return null;
}

/** True when only blanks or `;` stand between the start of the line and `offset`. */
export function atStatementStart(src: Uint8Array, offset: number): boolean {
  for (let i = offset - 1; i >= 0; i--) {
    const c = src[i]!;
    if (c === 10 || c === 0x3b) return true;
    if (c !== 0x20 && c !== 9 && !(i < 3 && src[0] === 0xef)) return false;
  }
  return true;
}

/** Positions in a text after byte edits, back to the text before them. */
export class OffsetMap {
  private readonly edits: readonly ByteEdit[];
  constructor(edits: readonly ByteEdit[]) { this.edits = [...edits].sort((a, b) => a.start - b.start); }

  toOriginal(pos: number): number {
    let delta = 0;
    for (const e of this.edits) {
      const ns = e.start + delta, ne = ns + e.newText.length;
      if (pos < ns || (pos === ns && e.newText.length > 0 && e.start === e.end)) return pos - delta;
      if (pos < ne) return e.start + Math.min(pos - ns, e.end - e.start);
      delta += e.newText.length - (e.end - e.start);
    }
    return pos - delta;
  }

  /** True when [start, end) of the edited text overlaps (or borders an insertion of) an edit. */
  touches(start: number, end: number): boolean {
    let delta = 0;
    for (const e of this.edits) {
      const ns = e.start + delta, ne = ns + e.newText.length;
      if (start <= ne && ns <= end) return true;
      delta += e.newText.length - (e.end - e.start);
    }
    return false;
  }
}

export function applyByteEdits(src: Uint8Array, edits: readonly ByteEdit[]): Uint8Array {
  const sorted = [...edits].sort((a, b) => a.start - b.start);
  let size = src.length;
  for (const e of sorted) size += e.newText.length - (e.end - e.start);
  const out = new Uint8Array(size);
  let from = 0, to = 0;
  for (const e of sorted) {
    out.set(src.subarray(from, e.start), to); to += e.start - from;
    for (let k = 0; k < e.newText.length; k++) out[to++] = e.newText.charCodeAt(k) & 0xff;
    from = e.end;
  }
  out.set(src.subarray(from), to);
  return out;
}

/** One repair: the error it repaired, in which round, how, and its edits. */
export interface RepairStep {
  /** Repairs of one round are made together, on the text the round before left. */
  readonly round: number;
  /** The error repaired, in offsets of the text of its round (map them with `roundToOriginal`). */
  readonly error: ParseError;
  /** What happened there, when the tokens tell. */
  readonly diagnosis: Diagnosis | null;
  readonly how: SyntaxCause['kind'] | 'plain' | 'drop-line';
  readonly edits: readonly ByteEdit[];
}

export interface Recovery {
  /** The repaired text, which libxlutil accepts. */
  readonly bytes: Uint8Array;
  readonly steps: readonly RepairStep[];
  /** A position of the repaired text in the original. */
  toOriginal(pos: number): number;
  /** True when [start, end) of the repaired text touches a repair. */
  touchesRepair(start: number, end: number): boolean;
  /** A position of the text as round `round` found it, in the original. */
  roundToOriginal(round: number, pos: number): number;
  /** True when [start, end) of the text of round `round` touches one of the repairs before it. */
  roundTouchesRepair(round: number, start: number, end: number): boolean;
}

/** Rounds of repairs at most; a round repairs the first error and the lexical ones, one per line. */
const MAX_ROUNDS = 64;
/** Errors per round at most, and a text with more errors than this is not worth repairing. */
const MAX_ERRORS = 500;
/** Bytes parsed in all, at most (a large file gets fewer rounds). */
const PARSE_BUDGET = 8 << 20;

/**
 * Repairs a text libxlutil refuses, round by round: each round repairs the errors the parse reports
 * (the first one xl prints, and the lexical errors after it), with the quick fix where the cause is clear, else the same-length repairs above,
 * else by blanking out the line; then parses again. Returns null when the text parses already, or has
 * too many errors, or no repaired text parses within the rounds and the budget.
 */
export function recover(src: Uint8Array, opts: ParseOptions = {}): Recovery | null {
  let cur = src;
  let p = parse(cur, opts);
  // CRs are one repair for the whole file, whatever their number.
  const isCr = (e: ParseError, text: Uint8Array) => e.kind === 'lexical' && text[e.start] === 0x0d;
  if (p.accepted || p.errors.filter((e) => !isCr(e, src)).length > MAX_ERRORS) return null;
  const maps: OffsetMap[] = [];
  const steps: RepairStep[] = [];
  const tried = new Set<string>();
  let parsed = src.length;
  for (let round = 0; !p.accepted; round++) {
    if (round >= MAX_ROUNDS || parsed > PARSE_BUDGET) return null;
    const roundEdits: ByteEdit[] = [];
    const linesTouched = new Set<number>();
    const errors = p.errors.filter((x) => !x.hidden);
    if (!errors.length) return null;
    let crDone = false, taken = 0;
    for (const e of errors) {
      if (isCr(e, cur)) { if (crDone) continue; crDone = true; }
      if (++taken > MAX_ERRORS) break;
      // After the round's first error, only lexical errors: they are where the scanner found them,
      // while a later syntax error may follow from the parser's recovery from the first one.
      if (e !== errors[0] && e.kind !== 'lexical') continue;
      const sig = `${e.kind}\u0000${e.line}\u0000${e.message}`;
      let how: RepairStep['how'] = 'plain';
      let edits: readonly ByteEdit[] | null = null;
      let diagnosis: Diagnosis | null = null;
      if (!tried.has(sig) && e.kind !== 'abort') {
        const d = diagnoseParseError(p, e);
        diagnosis = d;
        if (d) { edits = d.edits; how = d.cause.kind; }
        else edits = plainRepair(cur, e, atStatementStart(cur, e.start));
      }
      if (!edits?.length) {
        // Drop the line: blanks of the same length, the LF kept.
        const ls = lineStartOf(cur, Math.min(e.start, cur.length)), le = lineEndOf(cur, ls);
        let blank = true;
        for (let i = ls; i < le; i++) if (!isBlank(cur[i])) { blank = false; break; }
        if (blank) continue;
        edits = [{ start: ls, end: le, newText: ' '.repeat(le - ls) }];
        how = 'drop-line';
      }
      // One repair per line and round: a later error of the same line may be a consequence.
      const lines = edits.map((x) => lineStartOf(cur, Math.min(x.start, cur.length)));
      if (lines.some((l) => linesTouched.has(l))) continue;
      for (const l of lines) linesTouched.add(l);
      tried.add(sig);
      roundEdits.push(...edits);
      steps.push({ round, error: e, diagnosis, how, edits });
    }
    if (!roundEdits.length) return null;
    maps.push(new OffsetMap(roundEdits));
    cur = applyByteEdits(cur, roundEdits);
    p = parse(cur, opts);
    parsed += cur.length;
  }
  const roundToOriginal = (round: number, pos: number) => { for (let i = round - 1; i >= 0; i--) pos = maps[i]!.toOriginal(pos); return pos; };
  const roundTouchesRepair = (round: number, start: number, end: number) => {
    for (let i = round - 1; i >= 0; i--) {
      if (maps[i]!.touches(start, end)) return true;
      start = maps[i]!.toOriginal(start); end = maps[i]!.toOriginal(end);
    }
    return false;
  };
  return {
    bytes: cur, steps, roundToOriginal, roundTouchesRepair,
    toOriginal: (pos) => roundToOriginal(maps.length, pos),
    touchesRepair: (start, end) => roundTouchesRepair(maps.length, start, end),
  };
}
