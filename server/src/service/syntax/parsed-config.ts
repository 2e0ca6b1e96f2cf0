// The parser's result: flat typed arrays for tokens, value nodes and statements (cheap to build for a
// 5 MB file), with strings decoded and the libxlutil view of the settings materialised only on demand.
import { bytesToString } from './bytes';
import { KeyInterner } from './key-interner';
import { decodeString } from './escapes';
import { ParseError, PYTHON_WARNING, formatParseError } from './parse-error';
import { Lexer } from './lexer';
import type { Setting, Value, StringValue, ListValue, AssignOp } from './settings';

const NO_INTS = new Int32Array(0);
const NO_LEX_ERRORS = { lexicalError() {} };

/** A growable Int32Array. */
export class Growable {
  a: Int32Array;
  n = 0;
  constructor(initial = 64) { this.a = initial > 0 ? new Int32Array(initial) : NO_INTS; }
  push(v: number): number {
    if (this.n === this.a.length) { const b = new Int32Array(this.a.length * 2); b.set(this.a); this.a = b; }
    this.a[this.n] = v;
    return this.n++;
  }
  get(i: number): number { return this.a[i]!; }
  set(i: number, v: number): void { this.a[i] = v; }
}

export const enum NodeKind { String = 0, Number = 1, List = 2 }

/**
 * Parallel columns (e.g. the token arrays) that always have one length: they live in a single
 * ArrayBuffer, so a parse allocates a few buffers rather than one per column (each off-heap
 * buffer costs the garbage collector).
 */
class Columns {
  cap = 0;
  readonly cols: Growable[];
  constructor(count: number, cap: number) {
    this.cols = [];
    for (let i = 0; i < count; i++) this.cols.push(new Growable(0));
    this.allocate(Math.max(cap, 8));
  }
  grow(): void { this.allocate(this.cap * 2); }
  private allocate(cap: number): void {
    const buf = new ArrayBuffer(cap * 4 * this.cols.length);
    for (let i = 0; i < this.cols.length; i++) {
      const c = this.cols[i]!;
      const a = new Int32Array(buf, i * cap * 4, cap);
      if (c.n) a.set(c.a.subarray(0, c.n));
      c.a = a;
    }
    this.cap = cap;
  }
}

/** A string atom whose text is decoded only when read (most settings are never looked at). */
class AtomValue implements StringValue {
  readonly type = 'string' as const;
  private text?: string;
  constructor(private readonly cfg: ParsedConfig, private readonly node: number, readonly line: number, readonly start: number, readonly end: number) {}
  get value(): string { return (this.text ??= bytesToString(this.cfg.atomBytes(this.node))); }
  toJSON(): { type: 'string'; line: number; value: string; start: number; end: number } {
    return { type: 'string', line: this.line, value: this.value, start: this.start, end: this.end };
  }
}

export class ParsedConfig {
  accepted = false;
  likelyPython = false;
  readonly errors: ParseError[] = [];

  // Tokens in scan order (those discarded by error recovery included). The parser only counts them:
  // the columns are rebuilt by scanning again when first read (the editor's features on small files),
  // which saves a 5 MB file's parse about 9 MB of fresh memory (page faults cost more than the scan).
  get tokKind(): Growable { return this.tokens()[0]; }
  get tokStart(): Growable { return this.tokens()[1]; }
  get tokEnd(): Growable { return this.tokens()[2]; }
  get tokLine(): Growable { return this.tokens()[3]; }
  /** How many tokens the parser read. */
  tokenCount = 0;
  /** Before Xen 4.13 `+` is an illegal byte (the lexer's noAddAssign), for the rescan. */
  noAddAssign = false;
  private tokenCols?: [Growable, Growable, Growable, Growable];

  // Value nodes: atoms and lists. Lists chain their items through nodeFirst / nodeNext.
  readonly nodeKind: Growable;
  readonly nodeStart: Growable;
  readonly nodeEnd: Growable;
  /** libxlutil's line for the value: an atom's token; a list's first item, or its `]` when empty. */
  readonly nodeLine: Growable;
  /** Line of the value's first token (an atom's, or a list's `[`): libxlutil's line for a setting. */
  readonly nodeOpenLine: Growable;
  readonly nodeFirst: Growable;
  readonly nodeNext: Growable;
  readonly nodeLast: Growable;

  // Assignments as written (also those after an error, for the editor).
  readonly stmtKey: Growable;      // IDENT token
  readonly stmtKeyId: Growable;    // interned key name (see keys), -1 until first asked for
  readonly stmtOp: Growable;       // '=' or '+=' token
  readonly stmtValue: Growable;    // value node
  readonly stmtAdd: Growable;      // 1 for +=
  readonly stmtSetting: Growable;  // index among stored settings, or -1
  readonly stmtKeyStart: Growable; // the key's bytes
  readonly stmtKeyEnd: Growable;
  readonly stmtOpStart: Growable;  // where '=' or '+=' starts

  // What libxlutil stored: statement, and the setting a `+=` was joined onto (-1 if none).
  readonly setStmt: Growable;
  readonly setPrev: Growable;

  private settingsCache?: Setting[];

  private readonly nodeCols: Columns;
  private readonly stmtCols: Columns;
  private readonly setCols: Columns;

  /** Key names, interned from their bytes: built on first use (parsing a file without `+=` needs none). */
  get keys(): KeyInterner { return (this.keyInterner ??= new KeyInterner(this.src, Math.max(256, this.stmtCols.cap))); }
  private keyInterner?: KeyInterner;

  constructor(readonly src: Uint8Array) {
    // Sized from the input (typical configs: a token per ~9 bytes, a value node per ~28, a
    // statement per ~50) so that large files rarely regrow, without zeroing much unused memory.
    const n = 32 + Math.floor(src.length / 24), st = 16 + Math.floor(src.length / 40);
    this.nodeCols = new Columns(8, n);
    [this.nodeKind, this.nodeStart, this.nodeEnd, this.nodeLine, this.nodeOpenLine, this.nodeFirst, this.nodeNext, this.nodeLast] =
      this.nodeCols.cols as [Growable, Growable, Growable, Growable, Growable, Growable, Growable, Growable];
    this.stmtCols = new Columns(9, st);
    [this.stmtKey, this.stmtKeyId, this.stmtOp, this.stmtValue, this.stmtAdd, this.stmtSetting, this.stmtKeyStart, this.stmtKeyEnd, this.stmtOpStart] =
      this.stmtCols.cols as [Growable, Growable, Growable, Growable, Growable, Growable, Growable, Growable, Growable];
    this.setCols = new Columns(2, st);
    [this.setStmt, this.setPrev] = this.setCols.cols as [Growable, Growable];
  }

  /** The token columns, scanned again on first use exactly as the parser's lexer scanned them. */
  private tokens(): [Growable, Growable, Growable, Growable] {
    if (this.tokenCols) return this.tokenCols;
    const cols = new Columns(4, this.tokenCount);
    const [kind, start, end, line] = cols.cols as [Growable, Growable, Growable, Growable];
    const lx = new Lexer(this.src, NO_LEX_ERRORS);
    lx.noAddAssign = this.noAddAssign;
    for (let i = 0; i < this.tokenCount; i++) {
      kind.a[i] = lx.next(); start.a[i] = lx.tokStart; end.a[i] = lx.tokEnd; line.a[i] = lx.tokLine;
    }
    kind.n = start.n = end.n = line.n = this.tokenCount;
    return (this.tokenCols = [kind, start, end, line]);
  }
  get nodeCount(): number { return this.nodeKind.n; }
  get statementCount(): number { return this.stmtKey.n; }
  get settingCount(): number { return this.setStmt.n; }

  text(start: number, end: number): string { return bytesToString(this.src, start, end); }

  // ---- building (used by the parser) ----

  pushAtom(kind: NodeKind, start: number, end: number, line: number): number {
    return this.pushNode(kind, start, end, line, -1);
  }

  pushList(firstItem: number, line: number): number {
    return this.pushNode(NodeKind.List, 0, 0, line, firstItem);
  }

  /** The eight node arrays share one length and capacity. */
  private pushNode(kind: number, start: number, end: number, line: number, first: number): number {
    const n = this.nodeKind.n;
    if (n === this.nodeCols.cap) this.nodeCols.grow();
    this.nodeKind.a[n] = kind; this.nodeStart.a[n] = start; this.nodeEnd.a[n] = end; this.nodeLine.a[n] = line;
    this.nodeOpenLine.a[n] = line; this.nodeFirst.a[n] = first; this.nodeNext.a[n] = -1; this.nodeLast.a[n] = first;
    this.nodeKind.n = this.nodeStart.n = this.nodeEnd.n = this.nodeLine.n = this.nodeOpenLine.n = this.nodeFirst.n = this.nodeNext.n = this.nodeLast.n = n + 1;
    return n;
  }

  appendItem(list: number, item: number): void {
    const last = this.nodeLast.get(list);
    if (last < 0) this.nodeFirst.set(list, item); else this.nodeNext.set(last, item);
    this.nodeLast.set(list, item);
  }

  closeList(list: number, openStart: number, openLine: number, closeEnd: number): number {
    this.nodeStart.set(list, openStart);
    this.nodeEnd.set(list, closeEnd);
    this.nodeOpenLine.set(list, openLine);
    return list;
  }

  pushStatement(keyTok: number, opTok: number, value: number, add: boolean, keyStart: number, keyEnd: number, opStart: number): number {
    // Keys are interned lazily (keyIdOf): like libxlutil, parsing builds no index of names.
    const id = -1;
    const n = this.stmtKey.n;
    if (n === this.stmtCols.cap) this.stmtCols.grow();
    this.stmtKey.a[n] = keyTok; this.stmtOp.a[n] = opTok; this.stmtValue.a[n] = value;
    this.stmtKeyId.a[n] = id; this.stmtAdd.a[n] = add ? 1 : 0; this.stmtSetting.a[n] = -1;
    this.stmtKeyStart.a[n] = keyStart; this.stmtKeyEnd.a[n] = keyEnd; this.stmtOpStart.a[n] = opStart;
    this.stmtKey.n = this.stmtOp.n = this.stmtValue.n = this.stmtKeyId.n = this.stmtAdd.n = this.stmtSetting.n = n + 1;
    this.stmtKeyStart.n = this.stmtKeyEnd.n = this.stmtOpStart.n = n + 1;
    return n;
  }

  storeSetting(stmt: number, prev: number): number {
    const n = this.setStmt.n;
    if (n === this.setCols.cap) this.setCols.grow();
    this.setStmt.a[n] = stmt; this.setPrev.a[n] = prev;
    this.setStmt.n = this.setPrev.n = n + 1;
    this.stmtSetting.set(stmt, this.setStmt.n - 1);
    return this.setStmt.n - 1;
  }

  // ---- reading ----

  statementName(stmt: number): string {
    return this.keys.name(this.keyIdOf(stmt));
  }

  /** The interned id of a statement's key. */
  keyIdOf(stmt: number): number {
    let id = this.stmtKeyId.a[stmt]!;
    if (id < 0) {
      id = this.keys.intern(this.stmtKeyStart.a[stmt]!, this.stmtKeyEnd.a[stmt]!);
      this.stmtKeyId.a[stmt] = id;
    }
    return id;
  }

  /** key id -> index of the newest stored setting with that key (-1: none), for settings indexed so far. */
  private lastOfKey: Int32Array = new Int32Array(64).fill(-1);
  private indexed = 0;

  /** Brings the name index up to date with the stored settings; returns it. */
  settingIndex(): Int32Array {
    const n = this.setStmt.n;
    if (this.indexed < n) { this.indexRange(this.indexed, n); this.indexed = n; }
    return this.lastOfKey;
  }

  /**
   * Indexes stored settings [from, n). It stores no field itself (the caller does, and the rare growth
   * of the index is a function of its own): this loop runs once over a whole file at its first `+=`
   * and is compiled mid-loop, and a field store after the loop, never run before that compilation,
   * made V8 deoptimise it at every later `+=` (a deoptimisation loop: ~17 ms for 1,000 `+=`).
   */
  private indexRange(from: number, n: number): void {
    const setStmt = this.setStmt.a;
    let last = this.lastOfKey;
    for (let i = from; i < n; i++) {
      const id = this.keyIdOf(setStmt[i]!);
      if (id >= last.length) last = this.growNameIndex(id, n);
      last[id] = i;
    }
  }

  private growNameIndex(id: number, n: number): Int32Array {
    const b = new Int32Array(Math.max(id + 1, this.lastOfKey.length * 2, n)).fill(-1);
    b.set(this.lastOfKey);
    return (this.lastOfKey = b);
  }

  /** The bytes libxlutil keeps for an atom node. */
  atomBytes(node: number): Uint8Array {
    const s = this.nodeStart.get(node), e = this.nodeEnd.get(node);
    return this.nodeKind.get(node) === NodeKind.String ? decodeString(this.src, s, e) : this.src.subarray(s, e);
  }

  /** A node as a Value (strings decoded when read). Iterative: lists may nest thousands deep. */
  value(node: number): Value {
    const build = (n: number, items: Value[]): Value =>
      this.nodeKind.get(n) === NodeKind.List
        ? { type: 'list', line: this.nodeLine.get(n), items, start: this.nodeStart.get(n), end: this.nodeEnd.get(n) }
        : new AtomValue(this, n, this.nodeLine.get(n), this.nodeStart.get(n), this.nodeEnd.get(n));
    if (this.nodeKind.get(node) !== NodeKind.List) return build(node, []);
    // Post-order walk with an explicit stack.
    const stack: { n: number; items: Value[]; child: number }[] = [{ n: node, items: [], child: this.nodeFirst.get(node) }];
    let result: Value | undefined;
    while (stack.length) {
      const top = stack[stack.length - 1]!;
      if (this.nodeKind.get(top.n) === NodeKind.List && top.child >= 0) {
        const c = top.child;
        top.child = this.nodeNext.get(c);
        if (this.nodeKind.get(c) === NodeKind.List) stack.push({ n: c, items: [], child: this.nodeFirst.get(c) });
        else top.items.push(build(c, []));
        continue;
      }
      stack.pop();
      const v = build(top.n, top.items);
      if (stack.length) stack[stack.length - 1]!.items.push(v); else result = v;
    }
    return result!;
  }

  /** What libxlutil stored, in source order, `+=` already applied (see settings.ts). */
  get settings(): readonly Setting[] {
    if (this.settingsCache) return this.settingsCache;
    const out: Setting[] = [];
    const bytes: (Uint8Array | undefined)[] = [];
    for (let i = 0; i < this.setStmt.n; i++) {
      const stmt = this.setStmt.get(i), prev = this.setPrev.get(i);
      const node = this.stmtValue.get(stmt);
      const written = this.value(node);
      let value: Value = written;
      if (written.type === 'string') {
        // Bytes are kept only for keys a later `+=` joins onto (lazily, when that happens).
        if (prev >= 0) {
          const pb = bytes[prev] ?? this.atomBytes(this.stmtValue.get(this.setStmt.get(prev)));
          const b = this.atomBytes(node);
          const j = new Uint8Array(pb.length + b.length); j.set(pb); j.set(b, pb.length);
          bytes[i] = j;
        }
        if (prev >= 0) value = { type: 'string', line: written.line, start: written.start, end: written.end, value: bytesToString(bytes[i]!) };
      } else if (prev >= 0) {
        const p = out[prev]!;
        value = { ...written, items: [...(p.value as ListValue).items, ...written.items] } as ListValue;
        out[prev] = { ...p, value: { ...(p.value as ListValue), items: [] } };
      }
      out.push({
        name: this.statementName(stmt),
        op: (this.stmtAdd.get(stmt) ? '+=' : '=') as AssignOp,
        line: this.nodeOpenLine.get(node),
        value, written,
        keyStart: this.stmtKeyStart.get(stmt), keyEnd: this.stmtKeyEnd.get(stmt),
        opStart: this.stmtOpStart.get(stmt), end: this.nodeEnd.get(node),
      });
    }
    return (this.settingsCache = out);
  }

  /**
   * The setting xl's lookups find for `name` (the last one stored), without materialising the
   * others unless a `+=` chain is involved.
   */
  find(name: string): Setting | undefined {
    if (this.effectiveCache) return this.effectiveCache.get(name);
    const index = this.settingIndex();
    const id = this.keys.lookup(name);
    const idx = id >= 0 && id < index.length ? index[id]! : -1;
    if (idx < 0) return undefined;
    return this.settingAt(idx);
  }

  /**
   * Calls `fn(name, settingIndex)` once per key that has a stored setting, for the setting xl's
   * lookups find (the newest), in the order the keys first appear. Allocates no Setting objects.
   */
  forEachEffective(fn: (name: string, setting: number) => void): void {
    const { ids, settings } = this.effectiveKeys();
    for (let k = 0; k < ids.length; k++) fn(this.keys.name(ids[k]!), settings[k]!);
  }

  /**
   * The keys forEachEffective visits, in its order, as key ids (no name strings: a 5 MB file of
   * distinct keys would build 100k of them for callers that need a few) with the stored setting xl
   * reads for each.
   */
  effectiveKeys(): { readonly ids: Int32Array; readonly settings: Int32Array } {
    const index = this.settingIndex();
    const seen = new Uint8Array(this.keys.size);
    const setStmt = this.setStmt.a, n = this.setStmt.n;
    const ids = new Int32Array(Math.min(n, this.keys.size)), settings = new Int32Array(ids.length);
    let count = 0;
    for (let i = 0; i < n; i++) {
      const id = this.keyIdOf(setStmt[i]!);
      if (seen[id]) continue;
      seen[id] = 1;
      ids[count] = id; settings[count] = index[id]!; count++;
    }
    return { ids: ids.subarray(0, count), settings: settings.subarray(0, count) };
  }

  /** How many distinct keys the stored settings use (their ids are below this). */
  get keyIdCount(): number { this.settingIndex(); return this.keys.size; }

  /** The id effectiveKeys gives key `name`; -1 when no stored setting has that key. */
  keyIdOfName(name: string): number {
    this.settingIndex();
    return this.keys.lookup(name);
  }

  /**
   * The key of stored setting `i`, decoded from its own bytes: the same string as its name in
   * `keys`, without filling the interner's table of names for a key read once.
   */
  settingKey(i: number): string {
    const stmt = this.setStmt.a[i]!;
    return bytesToString(this.src, this.stmtKeyStart.a[stmt]!, this.stmtKeyEnd.a[stmt]!);
  }

  /** Byte span of stored setting `i` from its key to the end of its value (no Setting object). */
  settingSpan(i: number): { start: number; end: number } {
    const stmt = this.setStmt.a[i]!;
    return { start: this.stmtKeyStart.a[stmt]!, end: this.nodeEnd.a[this.stmtValue.a[stmt]!]! };
  }

  /** Stored setting `i` as libxlutil holds it (see settings). */
  settingAt(i: number): Setting {
    if (this.settingsCache) return this.settingsCache[i]!;
    if (this.setPrev.a[i]! >= 0 || this.isJoinedOnto(i)) return this.settings[i]!;
    const memo = (this.settingMemo ??= new Map()).get(i);
    if (memo) return memo;
    const stmt = this.setStmt.a[i]!, node = this.stmtValue.a[stmt]!;
    const written = this.value(node);
    const out: Setting = {
      name: this.statementName(stmt), op: this.stmtAdd.a[stmt] ? '+=' : '=', line: this.nodeOpenLine.a[node]!, value: written, written,
      keyStart: this.stmtKeyStart.a[stmt]!, keyEnd: this.stmtKeyEnd.a[stmt]!, opStart: this.stmtOpStart.a[stmt]!, end: this.nodeEnd.a[node]!,
    };
    this.settingMemo.set(i, out);
    return out;
  }
  private settingMemo?: Map<number, Setting>;

  /** True when a later `+=` joined onto stored setting `i` (a list one is then left empty). */
  private isJoinedOnto(i: number): boolean {
    if (!this.joinedCache) {
      this.joinedCache = new Uint8Array(this.setStmt.n);
      for (let k = 0; k < this.setStmt.n; k++) { const p = this.setPrev.a[k]!; if (p >= 0) this.joinedCache[p] = 1; }
    }
    return this.joinedCache[i] === 1;
  }
  private joinedCache?: Uint8Array;

  /** name -> the setting xl's lookups find (the last one stored). */
  get effective(): ReadonlyMap<string, Setting> {
    if (this.effectiveCache) return this.effectiveCache;
    const m = new Map<string, Setting>();
    this.forEachEffective((name, i) => m.set(name, this.settingAt(i)));
    return (this.effectiveCache = m);
  }
  private effectiveCache?: Map<string, Setting>;

  /** The lines xl prints for this file, in order. */
  messages(sourceName: string, opts: { httpPythonUrl?: boolean } = {}): string[] {
    const lines = this.errors.filter((e) => !e.hidden).map((e) => formatParseError(e, sourceName));
    if (!this.accepted && this.likelyPython && !this.errors.some((e) => e.kind === 'abort')) {
      for (const l of PYTHON_WARNING) lines.push(opts.httpPythonUrl ? l.replace('https://', 'http://') : l);
    }
    return lines;
  }
}
