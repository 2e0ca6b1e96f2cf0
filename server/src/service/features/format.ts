// Formatting (document and range): `key = value` with single spaces, statements and own-line comments
// at column 0, one item per line with a trailing comma for lists that do not fit in MAX_WIDTH columns
// or that were already written over several lines, at most one blank line in a row, one final LF.
// Strings, numbers and comments are copied byte for byte (comments lose trailing blanks only), so
// what libxlutil stores never changes (line numbers aside). A file libxlutil refuses is never
// touched, and every result is parsed again and compared with the original before it is offered.
import type { Analysis } from '../analyze';
import { T } from '../syntax/grammar';
import { parse } from '../syntax/parser';
import { NodeKind, type ParsedConfig } from '../syntax/parsed-config';
import { bytesToString, stringToBytes } from '../syntax/bytes';
import { latin1 } from '../text/bytes';
import { versionNumber } from '../options';

/** A list whose one-line form would end past this column is written one item per line. */
export const MAX_WIDTH = 80;

export interface FormatOptions {
  /** Spaces per indentation level (LSP's tabSize); default 4. */
  readonly tabSize?: number;
  /** False: indent with tabs. Default true. */
  readonly insertSpaces?: boolean;
}

/** Replace bytes [start, end) of the original with `text`. */
export interface ByteEdit { readonly start: number; readonly end: number; readonly text: string }

type Piece = { copy: true; start: number; end: number } | { copy: false; text: string };

interface Atom { kind: 'atom'; tok: number }
interface List {
  kind: 'list';
  open: number; close: number;
  /** A comment on the line of `[`. */
  openComment?: Comment;
  entries: Entry[];
  /** Some line break (or comment) between the brackets. */
  broken: boolean;
}
type Value = Atom | List;
interface Comment { start: number; end: number }
type Entry = { kind: 'item'; value: Value; comment?: Comment } | { kind: 'comment'; comment: Comment } | { kind: 'blank' };

/** The result of formatting: the text, and the edits (grouped by statement) that make it. */
export interface Formatted {
  readonly text: string;
  /** Edits in source order; those of one statement share a group (apply all or none). */
  readonly edits: readonly (ByteEdit & { group: number })[];
}

/** Lists nested deeper than this are left alone (the whole file is: indentation would explode). */
export const MAX_DEPTH = 32;

/**
 * Formats the whole document; null when libxlutil refuses it (then nothing may change), when a list
 * nests deeper than MAX_DEPTH, or when the file is above the analysis' size limit for more than a
 * syntax check (the editor's 1 MB).
 */
export function formatDocument(a: Analysis, opts: FormatOptions = {}): Formatted | null {
  if (!a.parsed.accepted || (a.request.hiddenPrefix ?? 0) > 0 || !a.semantic) return null;
  try {
    return new Formatter(a.parsed, opts).run();
  } catch (e) {
    if (e === TOO_DEEP) return null;
    throw e;
  }
}

const TOO_DEEP = new Error('lists nest too deep to format');

/** The edits of a document formatting, checked against a fresh parse of the result. */
export function formatEdits(a: Analysis, opts: FormatOptions = {}): ByteEdit[] {
  const f = formatDocument(a, opts);
  if (!f) return [];
  const edits = f.edits.map(({ start, end, text }) => ({ start, end, text }));
  return storesTheSame(a, edits) ? edits : [];
}

/**
 * The edits of a range formatting: every statement that the range touches is formatted whole (its
 * edits only make sense together), and the whitespace between statements that the range touches.
 */
export function formatRangeEdits(a: Analysis, start: number, end: number, opts: FormatOptions = {}): ByteEdit[] {
  const f = formatDocument(a, opts);
  if (!f) return [];
  const groups = new Set<number>();
  for (const e of f.edits) if (e.group >= 0 && e.start <= end && e.end >= start) groups.add(e.group);
  const p = a.parsed;
  for (let i = 0; i < p.statementCount; i++) {
    const s = p.tokStart.get(p.stmtKey.get(i)), e = p.nodeEnd.get(p.stmtValue.get(i));
    if (s <= end && e >= start) groups.add(i);
  }
  const edits = f.edits.filter((e) => (e.group >= 0 ? groups.has(e.group) : e.start <= end && e.end >= start))
    .map(({ start, end, text }) => ({ start, end, text }));
  return storesTheSame(a, edits) ? edits : [];
}

/** Applies byte edits (sorted, not overlapping) to the source. */
export function applyByteEdits(src: Uint8Array, edits: readonly ByteEdit[]): Uint8Array {
  const parts: Uint8Array[] = [];
  let at = 0, size = 0;
  for (const e of edits) {
    parts.push(src.subarray(at, e.start), stringToBytes(e.text));
    at = e.end;
  }
  parts.push(src.subarray(at));
  for (const x of parts) size += x.length;
  const out = new Uint8Array(size);
  let o = 0;
  for (const x of parts) { out.set(x, o); o += x.length; }
  return out;
}

/**
 * What libxlutil stores, line numbers aside: every stored setting's name, operator and value as
 * written (atom bytes exactly). Two files with the same signature give xl the same settings.
 */
export function storedSignature(p: ParsedConfig): string {
  const parts: string[] = [];
  const value = (node: number): void => {
    const stack = [node];
    while (stack.length) {
      const n = stack.pop()!;
      if (n === -1) { parts.push(']'); continue; }
      if (p.nodeKind.get(n) === NodeKind.List) {
        parts.push('[');
        stack.push(-1);
        const kids: number[] = [];
        for (let c = p.nodeFirst.get(n); c >= 0; c = p.nodeNext.get(c)) kids.push(c);
        for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]!);
      } else {
        parts.push(`${p.nodeKind.get(n)}:${JSON.stringify(latin1(p.atomBytes(n)))}`);
      }
    }
  };
  for (let i = 0; i < p.settingCount; i++) {
    const stmt = p.setStmt.get(i);
    parts.push(`\n${p.statementName(stmt)} ${p.stmtAdd.get(stmt) ? '+=' : '='} ${p.setPrev.get(i)} `);
    value(p.stmtValue.get(stmt));
  }
  return `${p.accepted}${parts.join(' ')}`;
}

/** The safety net: the edited file must parse, and store exactly what the original stores. */
function storesTheSame(a: Analysis, edits: readonly ByteEdit[]): boolean {
  if (!edits.length) return true;
  const after = parse(applyByteEdits(a.bytes, edits), { addAssign: versionNumber(a.options.xenVersion) >= versionNumber('4.13') });
  return after.accepted && storedSignature(after) === storedSignature(a.parsed);
}

class Formatter {
  private readonly pieces: Piece[] = [];
  /** Statement index of each copied piece (-1 between statements), for grouping edits. */
  private readonly pieceGroup: number[] = [];
  private group = -1;
  private col = 0;
  private out = '';
  private readonly unit: string;
  private readonly unitWidth: number;
  private readonly src: Uint8Array;
  private t = 0;

  constructor(private readonly p: ParsedConfig, opts: FormatOptions) {
    const size = Math.max(1, Math.min(16, Math.floor(opts.tabSize ?? 4)));
    this.unit = opts.insertSpaces === false ? '\t' : ' '.repeat(size);
    this.unitWidth = size;
    this.src = p.src;
  }

  // ---- tokens ----
  private kind(t: number): number { return this.p.tokKind.get(t); }
  private start(t: number): number { return this.p.tokStart.get(t); }
  private end(t: number): number { return this.p.tokEnd.get(t); }
  private isComment(t: number): boolean { return this.kind(t) === T.Newline && this.src[this.start(t)] === 0x23; }
  /** The comment's bytes without its LF and trailing blanks. */
  private comment(t: number): Comment {
    const s = this.start(t);
    let e = this.end(t) - 1;
    while (e > s && (this.src[e - 1] === 0x20 || this.src[e - 1] === 0x09)) e--;
    return { start: s, end: e };
  }
  /** A line break token right after another one (or at the start): an empty line. */
  private isBlank(t: number): boolean {
    return this.kind(t) === T.Newline && !this.isComment(t) && (t === 0 || this.kind(t - 1) === T.Newline);
  }

  // ---- output ----
  private copy(start: number, end: number): void {
    this.pieces.push({ copy: true, start, end });
    this.pieceGroup.push(this.group);
    const s = bytesToString(this.src, start, end);
    this.out += s;
    this.col += width(s);
  }
  private text(s: string): void {
    if (!s) return;
    this.pieces.push({ copy: false, text: s });
    this.pieceGroup.push(this.group);
    this.out += s;
    const nl = s.lastIndexOf('\n');
    this.col = nl >= 0 ? this.indentWidth(s.slice(nl + 1)) : this.col + this.indentWidth(s);
  }
  private indentWidth(s: string): number {
    let w = 0;
    for (const ch of s) w += ch === '\t' ? this.unitWidth : 1;
    return w;
  }
  private get atLineStart(): boolean { return this.out.length === 0 || this.out.endsWith('\n'); }

  // ---- parsing the token stream of an accepted file ----

  private readValue(depth = 0): Value {
    const t = this.t++;
    if (this.kind(t) !== T.LBracket) return { kind: 'atom', tok: t };
    if (depth >= MAX_DEPTH) throw TOO_DEEP;
    const list: List = { kind: 'list', open: t, close: -1, entries: [], broken: false };
    let last: 'open' | 'item' | 'comma' | 'newline' = 'open';
    for (;;) {
      const u = this.t;
      const k = this.kind(u);
      if (k === T.RBracket) { this.t++; list.close = u; return list; }
      if (k === T.Comma) { this.t++; last = 'comma'; continue; }
      if (k === T.Newline) {
        this.t++;
        list.broken = true;
        if (this.isComment(u)) {
          const c = this.comment(u);
          const prevItem = list.entries.length ? list.entries[list.entries.length - 1] : undefined;
          if (last === 'open') list.openComment = c;
          else if (last !== 'newline' && prevItem?.kind === 'item') prevItem.comment = c;
          else list.entries.push({ kind: 'comment', comment: c });
        } else if (last === 'newline' && this.kind(u - 1) === T.Newline) {
          list.entries.push({ kind: 'blank' });
        }
        last = 'newline';
        continue;
      }
      const v = this.readValue(depth + 1);
      if (v.kind === 'list' && v.broken) list.broken = true;
      list.entries.push({ kind: 'item', value: v });
      last = 'item';
    }
  }

  // ---- layout ----

  private flatWidth(v: Value): number {
    if (v.kind === 'atom') return width(bytesToString(this.src, this.start(v.tok), this.end(v.tok)));
    const items = v.entries.filter((e) => e.kind === 'item') as { value: Value }[];
    return 2 + items.reduce((n, e) => n + this.flatWidth(e.value), 0) + Math.max(0, items.length - 1) * 2;
  }

  /** Writes a value at the current column; `depth` is the list nesting; `suffix` follows it on its line. */
  private writeValue(v: Value, depth: number, suffix: number): void {
    if (v.kind === 'atom') { this.copy(this.start(v.tok), this.end(v.tok)); return; }
    const items = v.entries.filter((e) => e.kind === 'item');
    const hasComments = v.openComment !== undefined || v.entries.some((e) => e.kind === 'comment' || (e.kind === 'item' && e.comment));
    if (!items.length && !hasComments) {
      this.copy(this.start(v.open), this.end(v.open)); this.copy(this.start(v.close), this.end(v.close));
      return;
    }
    if (!v.broken && this.col + this.flatWidth(v) + suffix <= MAX_WIDTH) {
      this.copy(this.start(v.open), this.end(v.open));
      items.forEach((e, i) => {
        if (i) this.text(', ');
        this.writeValue((e as { value: Value }).value, depth + 1, 0);
      });
      this.copy(this.start(v.close), this.end(v.close));
      return;
    }
    // One item per line, trailing commas, comments where they were.
    const inner = this.unit.repeat(depth + 1);
    this.copy(this.start(v.open), this.end(v.open));
    if (v.openComment) { this.text(' '); this.copy(v.openComment.start, v.openComment.end); }
    this.text('\n');
    let blank = false, wrote = false;
    for (const e of v.entries) {
      if (e.kind === 'blank') { blank = wrote; continue; }
      if (blank) this.text('\n');
      blank = false; wrote = true;
      this.text(inner);
      if (e.kind === 'comment') { this.copy(e.comment.start, e.comment.end); this.text('\n'); continue; }
      this.writeValue(e.value, depth + 1, 1);
      this.text(',');
      if (e.comment) { this.text(' '); this.copy(e.comment.start, e.comment.end); }
      this.text('\n');
    }
    this.text(this.unit.repeat(depth));
    this.copy(this.start(v.close), this.end(v.close));
  }

  run(): Formatted {
    const p = this.p;
    let stmt = 0;
    let blank = false;
    while (this.t < p.tokenCount) {
      const u = this.t;
      const k = this.kind(u);
      if (k === T.End) break;
      if (k === T.Newline) {
        this.t++;
        if (this.isComment(u)) {
          if (blank && this.out.length) this.text('\n');
          blank = false;
          if (!this.atLineStart) this.text(' ');
          const c = this.comment(u);
          this.copy(c.start, c.end);
          this.text('\n');
        } else if (this.isBlank(u)) {
          blank = true;
        } else {
          this.text('\n');
        }
        continue;
      }
      if (blank && this.out.length && this.atLineStart) this.text('\n');
      blank = false;
      if (k === T.Semicolon) {
        this.t++;
        this.copy(this.start(u), this.end(u));
        continue;
      }
      // An assignment: IDENT op value (the parser accepted the file, so nothing else can come here).
      if (!this.atLineStart) this.text(' ');
      this.group = stmt++;
      this.copy(this.start(u), this.end(u));
      this.text(' ');
      this.copy(this.start(u + 1), this.end(u + 1));
      this.text(' ');
      this.t = u + 2;
      this.writeValue(this.readValue(), 0, 0);
      this.group = -1;
    }
    if (!this.atLineStart) this.text('\n');
    return { text: this.out, edits: this.edits() };
  }

  /** Gaps between copied pieces whose text changes, as edits of the original bytes. */
  private edits(): (ByteEdit & { group: number })[] {
    const out: (ByteEdit & { group: number })[] = [];
    let at = 0, pending = '', group = -1;
    const flush = (end: number, nextGroup: number) => {
      const old = bytesToString(this.src, at, end);
      // A gap inside one statement belongs to it; a gap between statements to none.
      const g = group >= 0 && group === nextGroup ? group : -1;
      if (old !== pending) out.push({ start: at, end, text: pending, group: g });
    };
    this.pieces.forEach((piece, i) => {
      if (!piece.copy) { pending += piece.text; return; }
      const g = this.pieceGroup[i]!;
      flush(piece.start, g);
      at = piece.end; pending = ''; group = g;
    });
    flush(this.src.length, -1);
    return out;
  }
}

/** Display width: one column per character (UTF-8 continuation bytes decoded away). */
function width(s: string): number {
  let n = 0;
  for (const _ of s) n++;
  return n;
}
